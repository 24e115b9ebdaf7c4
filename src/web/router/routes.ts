/** Every screen of the back office; anything else is `notFound`. */
export type RouteId =
  | 'login'
  | 'home'
  | 'organizations'
  | 'users'
  | 'audit'
  | 'tokens'
  | 'strategies'
  | 'strategy'
  | 'dashboard'
  | 'dashboards'
  | 'indicators'
  | 'indicator'
  | 'budget'
  | 'observatory'
  | 'imports'
  | 'reporting'
  | 'cycle'
  | 'report'
  | 'agenda'
  | 'reasons'
  | 'outbox'
  | 'agreements'
  | 'agreementsSummary'
  | 'agreement'
  | 'organization'
  | 'calls'
  | 'call'
  | 'consultation'
  | 'notFound';

type Known = Exclude<RouteId, 'notFound'>;

/** Path patterns: `:name` is one segment, `:name?` an optional last segment. */
const PATHS: Record<Known, string> = {
  login: '/login',
  home: '/',
  organizations: '/admin/organizations',
  users: '/admin/users',
  audit: '/admin/audit',
  tokens: '/account/tokens',
  strategies: '/strategies',
  // before `strategy`, whose optional section would match `dashboard` too
  dashboard: '/strategies/:code/dashboard',
  strategy: '/strategies/:code/:section?',
  dashboards: '/dashboard',
  indicators: '/indicators',
  indicator: '/indicators/:code',
  budget: '/budget',
  observatory: '/observatory',
  imports: '/imports',
  reporting: '/reporting',
  cycle: '/reporting/cycles/:id',
  report: '/reporting/reports/:id',
  agenda: '/reporting/agenda',
  reasons: '/reporting/reasons',
  outbox: '/admin/outbox',
  agreements: '/agreements',
  agreementsSummary: '/agreements/commitments',
  agreement: '/agreements/:code',
  organization: '/organizations/:code',
  calls: '/calls',
  call: '/calls/:code',
  consultation: '/consultation',
};

export type RouteParams = Record<string, string>;

/** The app's mount point (`/app`), without its trailing slash. */
export const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/**
 * Full URL path of a route, e.g. `href('users')` → `/app/admin/users`,
 * `href('strategy', { code: 'MN2013', section: 'budget' })` → `/app/strategies/MN2013/budget`.
 */
export function href(route: Known, params: RouteParams = {}): string {
  const path = PATHS[route]
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      const value = params[segment.replace(/^:|\?$/g, '')];
      return value ? encodeURIComponent(value) : null;
    })
    .filter((segment) => segment !== null)
    .join('/');
  return `${BASE}${path || '/'}`;
}

function matchPattern(pattern: string, local: string): RouteParams | null {
  const want = pattern.split('/');
  const got = local.split('/');
  const optional = want.at(-1)?.endsWith('?') ? 1 : 0;
  if (got.length > want.length || got.length < want.length - optional) return null;
  const params: RouteParams = {};
  for (const [i, segment] of want.entries()) {
    const value = got[i];
    if (value === undefined) continue;
    if (segment.startsWith(':')) {
      if (value === '') return null;
      try {
        params[segment.replace(/^:|\?$/g, '')] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (segment !== value) return null;
  }
  return params;
}

/** Which route a browser path shows, with its parameters; a trailing slash is ignored, the base must match. */
export function matchPath(pathname: string, base = BASE): { route: RouteId; params: RouteParams } {
  const notFound = { route: 'notFound' as const, params: {} };
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return notFound;
  const local = pathname.slice(base.length).replace(/\/+$/, '') || '/';
  for (const [id, pattern] of Object.entries(PATHS)) {
    const params = matchPattern(pattern, local);
    if (params) return { route: id as RouteId, params };
  }
  return notFound;
}

/** Which route a browser path shows. */
export function matchRoute(pathname: string, base = BASE): RouteId {
  return matchPath(pathname, base).route;
}

/** A `next` target after sign-in: only paths inside the app, so a link cannot send people elsewhere. */
export function safeNext(next: string | null, base = BASE): string {
  if (next?.startsWith(`${base}/`) && !next.startsWith('//') && !next.includes('\\')) {
    if (matchRoute(next.split(/[?#]/)[0] ?? '', base) !== 'login') return next;
  }
  return `${base}/`;
}
