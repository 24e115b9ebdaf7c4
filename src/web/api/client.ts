import { ApiError, type Problem } from './problem';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session's anti-CSRF token, sent with every request that changes something. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (expired, revoked), so the shell can ask to sign in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Builds `/api/x?a=1`, leaving out empty parameters so filters stay readable in logs. */
export function apiPath(
  path: string,
  query: Record<string, string | number | undefined | null> = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.code === 'string')
        return { type: 'about:blank', title: '', ...body, status: response.status } as Problem;
    } catch {
      // A malformed body is reported like any other unexpected answer below.
    }
  }
  return {
    type: 'about:blank',
    title: response.statusText,
    status: response.status,
    code: `http_${response.status}`,
  };
}

/**
 * Sends a file as the raw request body (imports take it that way, with its content type), with the CSRF
 * header; resolves with the JSON answer, rejects with an ApiError like `api`.
 */
export async function apiUpload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error' });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (problem.status === 401 && problem.code === 'unauthenticated') onUnauthenticated?.();
    throw new ApiError(problem);
  }
  return (await response.json()) as T;
}

/** One call to the Marsad API; resolves with the JSON body, rejects with an ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error' });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
    if (problem.status === 401 && problem.code === 'unauthenticated') onUnauthenticated?.();
    throw new ApiError(problem, Number.isFinite(retryAfter) ? retryAfter : null);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
