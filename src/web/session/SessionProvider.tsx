import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import type { SessionInfo, SessionUser } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

export interface Session {
  /** `undefined` while the session is being loaded, `null` when signed out. */
  user: SessionUser | null | undefined;
  /** True when the signed-in user holds `ability` somewhere: the UI shows actions from this alone. */
  can(ability: string): boolean;
  signIn(username: string, password: string): Promise<SessionUser>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { suggestLocale } = useI18n();
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  const accept = useCallback(
    (info: SessionInfo) => {
      setCsrfToken(info.csrfToken);
      setUser(info.user);
      if (info.user) suggestLocale(info.user.locale);
    },
    [suggestLocale],
  );

  useEffect(() => {
    api<SessionInfo>('GET', '/api/auth/session')
      .then(accept)
      .catch(() => accept({ user: null, csrfToken: null }));
    setUnauthenticatedHandler(() => accept({ user: null, csrfToken: null }));
    return () => setUnauthenticatedHandler(null);
  }, [accept]);

  const value = useMemo<Session>(
    () => ({
      user,
      can: (ability) => user?.abilities.includes(ability) ?? false,
      signIn: async (username, password) => {
        const info = await api<SessionInfo>('POST', '/api/auth/login', { username, password });
        accept(info);
        if (!info.user) throw new Error('login answered without a user');
        return info.user;
      },
      signOut: async () => {
        try {
          await api<void>('POST', '/api/auth/logout');
        } finally {
          accept({ user: null, csrfToken: null });
        }
      },
    }),
    [user, accept],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
