import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): Promise<T | undefined>;
}

/**
 * Runs `load` now and whenever `key` changes. An answer that arrives after a newer request started is
 * dropped, so quick filter changes never show stale rows; the previous data stays visible while loading.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async (): Promise<T | undefined> => {
    const ticket = ++latest.current;
    setState((current) => ({ ...current, loading: true }));
    try {
      const data = await loadRef.current();
      if (ticket === latest.current) setState({ data, error: null, loading: false });
      return data;
    } catch (error) {
      if (ticket === latest.current) setState((current) => ({ data: current.data, error, loading: false }));
      return undefined;
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for everything `load` reads.
  useEffect(() => {
    void reload();
  }, [key, reload]);

  return { ...state, reload };
}
