import { describe, expect, it } from 'vitest';
import { href, matchPath, matchRoute, safeNext } from './routes';

describe('matchRoute', () => {
  it.each([
    ['/app', 'home'],
    ['/app/', 'home'],
    ['/app/login', 'login'],
    ['/app/admin/organizations', 'organizations'],
    ['/app/admin/organizations/', 'organizations'],
    ['/app/admin/users', 'users'],
    ['/app/admin/audit', 'audit'],
    ['/app/account/tokens', 'tokens'],
    ['/app/strategies', 'strategies'],
    ['/app/strategies/MN2013', 'strategy'],
    ['/app/strategies/MN2013/budget', 'strategy'],
    ['/app/strategies/MN2013/budget/x', 'notFound'],
    ['/app/strategies/MN2013/dashboard', 'dashboard'],
    ['/app/dashboard', 'dashboards'],
    ['/app/indicators', 'indicators'],
    ['/app/indicators/MN-I28', 'indicator'],
    ['/app/budget', 'budget'],
    ['/app/observatory', 'observatory'],
    ['/app/imports', 'imports'],
    ['/app/reporting', 'reporting'],
    ['/app/reporting/agenda', 'agenda'],
    ['/app/reporting/reasons', 'reasons'],
    ['/app/reporting/cycles/0b1c', 'cycle'],
    ['/app/reporting/reports/0b1c', 'report'],
    ['/app/reporting/reports', 'notFound'],
    ['/app/admin/outbox', 'outbox'],
    ['/app/admin', 'notFound'],
    ['/app/nope', 'notFound'],
    ['/application', 'notFound'],
    ['/login', 'notFound'],
  ])('%s → %s', (path, route) => {
    expect(matchRoute(path, '/app')).toBe(route);
  });
});

describe('route parameters', () => {
  it('reads and decodes them', () => {
    expect(matchPath('/app/strategies/MN2013/budget', '/app')).toEqual({
      route: 'strategy',
      params: { code: 'MN2013', section: 'budget' },
    });
    expect(matchPath('/app/strategies/MN2013', '/app').params).toEqual({ code: 'MN2013' });
    expect(matchPath('/app/indicators/A%20B', '/app').params).toEqual({ code: 'A B' });
    expect(matchPath('/app/indicators/%E0%A4%A', '/app').route).toBe('notFound');
  });

  it('builds paths that match back', () => {
    expect(href('strategy', { code: 'MN2013', section: 'budget' })).toMatch(/\/strategies\/MN2013\/budget$/);
    expect(href('strategy', { code: 'MN2013' })).toMatch(/\/strategies\/MN2013$/);
    expect(href('indicator', { code: 'A/B' })).toMatch(/\/indicators\/A%2FB$/);
  });
});

describe('safeNext', () => {
  it.each([
    ['/app/admin/users?x=1', '/app/admin/users?x=1'],
    [null, '/app/'],
    ['https://evil.example/app/', '/app/'],
    ['//evil.example/app/', '/app/'],
    ['/app/\\evil', '/app/'],
    ['/app/login', '/app/'],
    ['/other', '/app/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next, '/app')).toBe(expected);
  });
});
