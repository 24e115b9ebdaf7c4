import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../test/app';
import type { Config } from '../../config';

// The MN2013 setup every reporting test starts from. The package names no node owners, so ownership is given
// here through the API: the Ministry of Education's structure owns measure M01 (GENIE), ANRT owns M05; the
// steering committee CP-TIEN (chaired by MICNT) reviews the Ministry of Education's reports. The ministry also
// owns a GENIE project with one milestone.

export const MN = '/api/strategies/MN2013';

export interface Fixture {
  t: TestApp;
  admin: Session;
  users: Record<string, Session>;
  userIds: Record<string, string>;
  send: (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    session?: Session | null,
    payload?: object,
  ) => Promise<LightMyRequestResponse>;
}

const ROLES: Record<string, [string, string | null]> = {
  office: ['strategy_office', null],
  reporter: ['reporter', 'MEN'],
  reporter2: ['reporter', 'MEN'],
  anrtReporter: ['reporter', 'ANRT'],
  reviewer: ['reviewer', 'MICNT'],
  otherReviewer: ['reviewer', 'ANRT'],
  analyst: ['analyst', null],
  viewer: ['viewer', null],
};

export async function setUp(
  options: { locales?: Record<string, string>; config?: Partial<Config> } = {},
): Promise<Fixture> {
  const t = await createTestApp(options.config ?? {}, false, { seed: true });
  const admin = await signIn(t.app);
  const send: Fixture['send'] = (method, url, session = admin, payload) =>
    t.app.inject({
      method,
      url,
      headers: session?.headers ?? {},
      ...(payload === undefined ? {} : { payload }),
    });
  const ok = async (response: LightMyRequestResponse, status = 200) => {
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  const men = await ok(
    await send('POST', '/api/organizations', admin, {
      code: 'MEN',
      name: { fr: 'Ministère de l’Éducation nationale', en: 'Ministry of National Education' },
      type: 'ministry',
    }),
    201,
  );
  const orgs = new Map<string, string>([['MEN', men.id]]);
  for (const code of ['ANRT', 'MICNT']) {
    const { items } = await ok(await send('GET', `/api/organizations?q=${code}`));
    orgs.set(code, items.find((o: { code: string }) => o.code === code).id);
  }
  for (const [node, owner] of [
    ['M01', 'MEN'],
    ['M05', 'ANRT'],
  ]) {
    const current = await ok(await send('GET', `${MN}/nodes/${node}`));
    await ok(await send('PATCH', `${MN}/nodes/${node}`, admin, { version: current.version, owner }));
  }
  await ok(
    await send('POST', `${MN}/projects`, admin, {
      code: 'GENIE-VMM',
      node: 'M01',
      owner: 'MEN',
      title: { fr: 'GENIE : valises multimédias', en: 'GENIE: multimedia kits' },
      milestones: [{ title: { fr: 'Valises livrées aux écoles' }, plannedDate: '2010-09-30' }],
    }),
    201,
  );
  const body = await ok(await send('GET', `${MN}/bodies/CP-TIEN`));
  await ok(await send('PATCH', `${MN}/bodies/CP-TIEN`, admin, { version: body.version, members: ['MICNT'] }));
  await ok(
    await send('PUT', `${MN}/reporting-lines`, admin, {
      lines: [
        { organization: 'MEN', reviewer: 'CP-TIEN' },
        { organization: 'ANRT', reviewer: 'CSSI' },
      ],
    }),
  );
  const users: Record<string, Session> = {};
  const userIds: Record<string, string> = {};
  for (const [name, [role, org]] of Object.entries(ROLES)) {
    const created = await ok(
      await send('POST', '/api/users', admin, {
        username: name,
        displayName: name,
        email: `${name}@example.ma`,
        locale: options.locales?.[name] ?? 'fr',
        password: `${name}-password-1234`,
        roles: [{ role, organizationId: org ? orgs.get(org) : null }],
      }),
      201,
    );
    userIds[name] = created.id;
    users[name] = await signIn(t.app, name, `${name}-password-1234`);
  }
  return { t, admin, users, userIds, send };
}

/** Opens a cycle as the strategy office and returns it with the report id of each organization. */
export async function openCycle(f: Fixture, period = '2010', dueDate = '2099-01-31') {
  const response = await f.send('POST', '/api/reporting/cycles', f.users.office, {
    strategy: 'MN2013',
    period,
    dueDate,
  });
  expect(response.statusCode, response.body).toBe(201);
  const cycle = response.json();
  const detail = (await f.send('GET', `/api/reporting/cycles/${cycle.id}`, f.users.office)).json();
  const reports = Object.fromEntries(
    detail.assignments.map((a: { organization: string; report: string }) => [a.organization, a.report]),
  );
  return { cycle, reports: reports as Record<string, string> };
}

/** GENIE figures for 2010: MN-I01 on track, MN-I28 at risk (so M01 is at risk too). */
export const GENIE_2010 = {
  narrative: 'GENIE 2010: équipement des établissements et formation des enseignants.',
  nodes: [{ node: 'M01', progress: 45, state: 'in_progress' }],
  figures: [
    { indicator: 'MN-I01', period: '2010', value: 56 },
    { indicator: 'MN-I28', period: '2010', value: 60000 },
    { indicator: 'MN-I33', period: '2010', value: 40 },
    { indicator: 'MN-I34', period: '2010', value: null, note: 'Inventaire des salles en cours' },
  ],
};

export const explanation = (kind: 'indicator' | 'node', code: string, escalate = false) => ({
  kind,
  code,
  reasonCode: 'procurement',
  narrative: 'Les marchés de formation ont été lancés en retard.',
  correctiveAction: 'Procédure accélérée avec les AREF.',
  owner: 'Direction GENIE',
  dueDate: '2011-06-30',
  escalate,
});

/** The draft above with the explanations it needs, saved; returns the saved report. */
export async function fillGenie(f: Fixture, report: string, session = f.users.reporter) {
  const current = (await f.send('GET', `/api/reporting/reports/${report}`, session)).json();
  const response = await f.send('PUT', `/api/reporting/reports/${report}`, session, {
    version: current.version,
    ...GENIE_2010,
    explanations: [explanation('indicator', 'MN-I28', true), explanation('node', 'M01')],
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
