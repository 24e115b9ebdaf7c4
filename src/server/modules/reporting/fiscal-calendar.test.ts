import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem } from '../../../../test/app';
import { type Fixture, MN, openCycle, setUp } from './reporting.fixture';

// A strategy whose fiscal year runs July–June, named by the year it ends in: its cycle "2011" calls for
// July 2010 to June 2011, and a figure is accepted when its period lies inside those days.

let f: Fixture;
beforeAll(async () => {
  f = await setUp();
});
afterAll(() => f.t.close());

const strategy = async () => (await f.send('GET', MN)).json();
const setCalendar = async (fields: object) =>
  f.send('PUT', `${MN}/fiscal-calendar`, f.users.office, {
    startMonth: 7,
    namedBy: 'end',
    version: (await strategy()).version,
    ...fields,
  });

describe('the fiscal calendar of reporting cycles', () => {
  it('defaults to the calendar year', async () => {
    expect((await strategy()).fiscalCalendar).toEqual({ startMonth: 1, namedBy: 'end' });
  });

  it('refuses a month that is not one, a stale version, and the public; writes nothing', async () => {
    const before = await strategy();
    const month = await setCalendar({ startMonth: 13 });
    expect(month.statusCode).toBe(400);
    expect(problem(month).errors).toEqual([expect.objectContaining({ path: '/body/startMonth' })]);
    const stale = await setCalendar({ version: before.version + 1 });
    expect(stale.statusCode).toBe(409);
    const reporter = await f.send('PUT', `${MN}/fiscal-calendar`, f.users.reporter, {
      startMonth: 7,
      namedBy: 'end',
      version: before.version,
    });
    expect(reporter.statusCode).toBe(403);
    expect(await strategy()).toEqual(before);
  });

  it('is set by the strategy office, audited, and travels in the strategy package', async () => {
    const response = await setCalendar({});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().fiscalCalendar).toEqual({ startMonth: 7, namedBy: 'end' });
    const audit = await f.t.database.db.one<{ after: unknown }>(
      `SELECT after FROM audit_events WHERE action = 'strategy.fiscal_calendar' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit.after).toMatchObject({ fiscalCalendar: { startMonth: 7, namedBy: 'end' } });
    const exported = (await f.send('GET', `${MN}/export?format=json`, f.users.office)).json();
    expect(exported.strategy.fiscalCalendar).toEqual({ startMonth: 7, namedBy: 'end' });
  });

  it('a yearly cycle covers the fiscal year, and takes figures for the periods inside it', async () => {
    const { cycle, reports } = await openCycle(f, '2011');
    expect([cycle.periodStart, cycle.periodEnd]).toEqual(['2010-07-01', '2011-06-30']);
    const report = reports.MEN!;
    const draft = async (figures: object[]) => {
      const current = (await f.send('GET', `/api/reporting/reports/${report}`, f.users.reporter)).json();
      return f.send('PUT', `/api/reporting/reports/${report}`, f.users.reporter, {
        version: current.version,
        figures,
      });
    };
    const inside = await draft([
      { indicator: 'MN-I01', period: '2010-Q4', value: 40 },
      { indicator: 'MN-I01', period: '2011-06-30', value: 45 },
    ]);
    expect(inside.statusCode, inside.body).toBe(200);
    const outside = await draft([
      { indicator: 'MN-I01', period: '2011', value: 50 },
      { indicator: 'MN-I01', period: '2011-Q3', value: 50 },
    ]);
    expect(outside.statusCode).toBe(400);
    expect(problem(outside).errors).toEqual([
      expect.objectContaining({ path: '/body/figures/0/period', code: 'period.outside_cycle' }),
      expect.objectContaining({ path: '/body/figures/1/period', code: 'period.outside_cycle' }),
    ]);
  });

  it('cannot change once a cycle follows it', async () => {
    const response = await setCalendar({ startMonth: 1 });
    expect(response.statusCode).toBe(409);
    expect(problem(response).code).toBe('fiscal_calendar.cycles_exist');
    expect((await strategy()).fiscalCalendar).toEqual({ startMonth: 7, namedBy: 'end' });
  });
});
