import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  problem,
  type Session,
  signIn,
  signInWithRole,
  type TestApp,
} from '../../../../test/app';
import { loadAgreementsData } from './agreements.seed';
import { listCommitmentsOwnedBy } from './commitments.repo';

let t: TestApp;
let admin: Session;
let office: Session;
let kpmgReporter: Session;
let arrowReporter: Session;
let viewer: Session;
const anonymous: Session = { cookie: '', csrfToken: '', headers: {} };

const userWith = (username: string, role: string, organizationCode: string | null = null) =>
  signInWithRole(t, admin, username, role, organizationCode);

const get = (url: string, session: Session = anonymous) =>
  t.app.inject({ method: 'GET', url, headers: session.headers });
const send = (session: Session, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
const count = async (table: string) =>
  (await t.database.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;
const jobsOf = (body: { totals: { metric: string; committed: number }[] }) =>
  body.totals.find((x) => x.metric === 'direct_jobs');

beforeAll(async () => {
  t = await createTestApp({}, false, { seed: true });
  admin = await signIn(t.app);
  office = await userWith('office', 'strategy_office');
  kpmgReporter = await userWith('kpmg-reporter', 'reporter', 'KPMG');
  arrowReporter = await userWith('arrow-reporter', 'reporter', 'ARROW-ECS');
  viewer = await userWith('viewer', 'viewer');
}, 120_000);
afterAll(() => t.close());

describe('GET /api/agreements (seeded data)', () => {
  it('lists the GITEX Africa 2025 agreements with a total of 1,050 direct jobs', async () => {
    const response = await get('/api/agreements?event=GITEX%20Africa%202025');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const partners = body.items.map(
      (a: { parties: { code: string; role: string }[] }) => a.parties.find((p) => p.role === 'partner')?.code,
    );
    expect(partners.sort()).toEqual(['2T-SERVICES', 'ARROW-ECS', 'KPMG', 'NOKIA']);
    expect(jobsOf(body)).toMatchObject({ committed: 1050, commitments: 3, achieved: 0, reported: 0 });
    const nokia = body.items.find((a: { code: string }) => a.code === 'GITEX25-NOKIA');
    expect(nokia.commitments).toEqual([]);
    expect(nokia.sources[0].url).toMatch(/^https:\/\/medias24\.com/);
    const arrow = body.items.find((a: { code: string }) => a.code === 'GITEX25-ARROW');
    expect(arrow).toMatchObject({
      regionCode: 'MA-06',
      regionName: expect.objectContaining({ fr: 'Casablanca-Settat' }),
      signedOn: '2025-04-15',
      signingPlace: 'Marrakech',
    });
    expect(arrow.commitments[0]).toMatchObject({
      code: 'JOBS',
      party: { code: 'ARROW-ECS' },
      metric: 'direct_jobs',
      value: 700,
      dueYear: 2029,
      source: { url: 'https://fr.allafrica.com/stories/202504160161.html', confidence: 'high' },
    });
  });

  it('filters by region, party and metric', async () => {
    const oriental = (await get('/api/agreements?region=MA-02')).json();
    expect(oriental.items.map((a: { code: string }) => a.code)).toEqual(['GITEX25-2T']);
    const ministry = (await get('/api/agreements?party=MICEPP')).json();
    expect(ministry.items.map((a: { code: string }) => a.code).sort()).toEqual([
      'GITEX25-2T',
      'GITEX25-ARROW',
      'GITEX25-KPMG',
      'INETUM-2024',
    ]);
    expect(jobsOf(ministry)?.committed).toBe(2550);
    const money = (await get('/api/agreements?metric=investment_mad')).json();
    expect(money.items.map((a: { code: string }) => a.code).sort()).toEqual([
      'GITEX24-ORACLE',
      'INETUM-2024',
    ]);
    expect(money.totals).toEqual([
      expect.objectContaining({ metric: 'investment_mad', committed: 1_450_000_000, commitments: 2 }),
    ]);
    const oracle = (await get('/api/agreements/GITEX24-ORACLE')).json();
    expect(oracle).toMatchObject({
      signedOn: null,
      signedOnText: '2024-05-29..31',
      event: 'GITEX Africa 2024',
    });
    expect(oracle.commitments[0].risk.status).toBe('no_target');
  });

  it('reloads the data without duplicating anything or bumping versions', async () => {
    const versions = async () =>
      (await get('/api/agreements'))
        .json()
        .items.map((a: { code: string; version: number }) => `${a.code}@${a.version}`);
    const versionsBefore = await versions();
    const before = [
      await count('agreements'),
      await count('commitments'),
      await count('organization_partnerships'),
    ];
    await loadAgreementsData(t.database.db);
    expect(await versions()).toEqual(versionsBefore);
    expect([
      await count('agreements'),
      await count('commitments'),
      await count('organization_partnerships'),
    ]).toEqual(before);
  });

  it('groups commitments by event, party and due year', async () => {
    const byEvent = (await get('/api/agreements/summary?by=event&metric=direct_jobs')).json();
    expect(
      byEvent.groups.map((g: { key: string | null; totals: { committed: number }[] }) => [
        g.key,
        g.totals[0]?.committed,
      ]),
    ).toEqual([
      ['GITEX Africa 2025', 1050],
      [null, 1500],
    ]);
    const byYear = (await get('/api/agreements/summary?by=dueYear&metric=direct_jobs')).json();
    expect(byYear.groups.map((g: { key: string }) => g.key)).toEqual(['2027', '2028', '2029']);
  });
});

describe('realisations: reported → verified moves the totals', () => {
  let id: string;

  it('lets the party report, keeps it out of achieved until verified, and hides it from others', async () => {
    const response = await send(kpmgReporter, 'POST', '/api/realisations', {
      agreement: 'GITEX25-KPMG',
      commitment: 'JOBS',
      period: '2025',
      value: 30,
      evidence: [{ title: 'Payroll summary', url: 'https://example.org/kpmg-2025.pdf' }],
    });
    expect(response.statusCode, response.body).toBe(201);
    id = response.json().id;
    expect(response.json().state).toBe('reported');
    const totals = jobsOf((await get('/api/agreements?event=GITEX%20Africa%202025')).json());
    expect(totals).toMatchObject({ committed: 1050, achieved: 0, reported: 30 });
    // Not verified yet: public and another party's reporter see the total, not the row.
    expect((await get(`/api/realisations/${id}`)).statusCode).toBe(404);
    expect((await get(`/api/realisations/${id}`, arrowReporter)).statusCode).toBe(404);
    expect((await get(`/api/realisations/${id}`, kpmgReporter)).statusCode).toBe(200);
    const publicView = (await get('/api/agreements/GITEX25-KPMG')).json();
    expect(publicView.commitments[0].realisations).toEqual([]);
    expect(publicView.commitments[0].reported).toBe(30);
  });

  it('refuses the reporter of another party (403) and the verification by a reporter (403)', async () => {
    const other = await send(arrowReporter, 'POST', '/api/realisations', {
      agreement: 'GITEX25-KPMG',
      commitment: 'JOBS',
      period: '2025',
      value: 5,
    });
    expect(other.statusCode).toBe(403);
    const self = await send(kpmgReporter, 'POST', `/api/realisations/${id}/verification`, {
      state: 'verified',
      version: 1,
    });
    expect(self.statusCode).toBe(403);
    expect(
      (
        await send(anonymous, 'POST', `/api/realisations/${id}/verification`, {
          state: 'verified',
          version: 1,
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await send(arrowReporter, 'POST', `/api/realisations/${id}/verification`, {
          state: 'verified',
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('needs a reason to dispute, then verification by the strategy office moves it to achieved', async () => {
    const noReason = await send(office, 'POST', `/api/realisations/${id}/verification`, {
      state: 'disputed',
      version: 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(problem(noReason).errors?.[0]?.path).toBe('/body/note');
    const disputed = await send(office, 'POST', `/api/realisations/${id}/verification`, {
      state: 'disputed',
      note: 'Payroll covers two entities',
      version: 1,
    });
    expect(disputed.json()).toMatchObject({ state: 'disputed', verifiedBy: 'office', version: 2 });
    expect(jobsOf((await get('/api/agreements?party=KPMG')).json())).toMatchObject({
      achieved: 0,
      reported: 0,
      disputed: 30,
    });
    const stale = await send(office, 'POST', `/api/realisations/${id}/verification`, {
      state: 'verified',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const verified = await send(office, 'POST', `/api/realisations/${id}/verification`, {
      state: 'verified',
      note: 'Checked against CNSS declarations',
      version: 2,
    });
    expect(verified.json()).toMatchObject({
      state: 'verified',
      verificationNote: 'Checked against CNSS declarations',
    });
    const totals = jobsOf((await get('/api/agreements?event=GITEX%20Africa%202025')).json());
    expect(totals).toMatchObject({ committed: 1050, achieved: 30, reported: 0, disputed: 0 });
    const publicRow = (await get(`/api/realisations/${id}`)).json();
    expect(publicRow).toMatchObject({ state: 'verified', value: 30, verifiedBy: null });
    const audit = await get(`/api/audit?subjectType=realisation&subjectId=${id}`, admin);
    expect(
      audit
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['realisation.dispute', 'realisation.report', 'realisation.verify']);
  });

  it('judges the commitment against its trajectory from signing to 2029', async () => {
    const kpmg = (await get('/api/agreements/GITEX25-KPMG?asOf=2026-06-30')).json();
    // 150 × 260 / 1721 = 22.66 expected at the end of 2025; 30 verified → on track.
    expect(kpmg.commitments[0].risk).toMatchObject({ status: 'on_track', atRisk: false, achieved: 30 });
    expect(kpmg.commitments[0].risk.expected).toBeCloseTo(22.661243, 5);
    await send(office, 'POST', '/api/realisations', {
      agreement: 'GITEX25-2T',
      commitment: 'JOBS',
      period: '2025',
      value: 1,
    });
    const [row] = await t.database.db.query<{ id: string }>(
      `SELECT r.id FROM realisations r JOIN commitments c ON c.id = r.commitment_id JOIN agreements a ON a.id = c.agreement_id
        WHERE a.code = 'GITEX25-2T'`,
    );
    await send(office, 'POST', `/api/realisations/${row!.id}/verification`, {
      state: 'verified',
      version: 1,
    });
    const atRisk = (await get('/api/agreements/at-risk?asOf=2026-06-30')).json();
    expect(atRisk.items.map((i: { agreement: { code: string } }) => i.agreement.code)).toEqual([
      'GITEX25-2T',
    ]);
    expect(atRisk.items[0].commitment.risk.status).toBe('off_track');
  });
});

describe('attribution to plan nodes', () => {
  it('counts a job attributed to two measures once in their pillar', async () => {
    const kpmg = (await get('/api/agreements/GITEX25-KPMG')).json();
    type Node = { code: string; children?: Node[] };
    const tree = (await get('/api/strategies/MN2013/tree')).json() as { nodes: Node[] };
    const parentOfTwo = (list: Node[]): Node | undefined =>
      list.find((n) => (n.children?.length ?? 0) >= 2) ??
      list.flatMap((n) => n.children ?? []).find((n) => (n.children?.length ?? 0) >= 2);
    const pillar = parentOfTwo(tree.nodes)!;
    const [a, b] = pillar.children as [Node, Node];
    const set = await send(office, 'PUT', '/api/agreements/GITEX25-KPMG/commitments/JOBS/attributions', {
      version: kpmg.commitments[0].version,
      items: [
        { strategy: 'MN2013', node: a.code, share: 0.5 },
        { strategy: 'MN2013', node: b.code, share: 0.5 },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    const rollup = (await get('/api/strategies/MN2013/commitment-rollup')).json();
    const achieved = (code: string) =>
      rollup.nodes
        .find((n: { code: string }) => n.code === code)
        ?.totals.find((x: { metric: string }) => x.metric === 'direct_jobs')?.achieved;
    expect([achieved(a.code), achieved(b.code), achieved(pillar.code)]).toEqual([15, 15, 30]);
  });
});

describe('bad input: clear errors, nothing written', () => {
  const valid = {
    code: 'TEST-1',
    kind: 'mou',
    title: { fr: 'Test' },
    signedOn: '2025-04-15',
    parties: [{ organization: 'MTNRA', role: 'government' }, { organization: 'KPMG' }],
    commitments: [{ code: 'JOBS', party: 'KPMG', metric: 'direct_jobs', value: 10, dueYear: 2026 }],
  };
  const cases: [string, object, string][] = [
    ['no party', { ...valid, parties: [] }, '/body/parties'],
    ['an unknown party', { ...valid, parties: [{ organization: 'NOPE' }] }, '/body/parties/0/organization'],
    [
      'a negative value',
      { ...valid, commitments: [{ ...valid.commitments[0], value: -5 }] },
      '/body/commitments/0/value',
    ],
    [
      'a due year before signing',
      { ...valid, commitments: [{ ...valid.commitments[0], dueYear: 2024 }] },
      '/body/commitments/0/dueYear',
    ],
    ['an unknown region', { ...valid, regionCode: 'MA-99' }, '/body/regionCode'],
  ];
  it.each(cases)('refuses %s', async (_name, body, path) => {
    const before = [await count('agreements'), await count('commitments'), await count('audit_events')];
    const response = await send(office, 'POST', '/api/agreements', body);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(problem(response).errors?.map((e) => e.path)).toContain(path);
    expect([await count('agreements'), await count('commitments'), await count('audit_events')]).toEqual(
      before,
    );
  });

  it('refuses shares above 100 % and keeps the previous ones', async () => {
    const kpmg = (await get('/api/agreements/GITEX25-KPMG')).json();
    const response = await send(office, 'PUT', '/api/agreements/GITEX25-KPMG/commitments/JOBS/attributions', {
      version: kpmg.commitments[0].version,
      items: [
        { strategy: 'DM2030', node: 'DM-P1', share: 0.6 },
        { strategy: 'DM2030', node: 'DM-P2', share: 0.6 },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/body/items', code: 'over_100' }),
    ]);
    const after = (await get('/api/agreements/GITEX25-KPMG')).json();
    expect(after.commitments[0].attributions).toEqual(kpmg.commitments[0].attributions);
  });

  it('refuses a realisation for an unknown commitment or a bad period', async () => {
    const before = await count('realisations');
    const unknown = await send(office, 'POST', '/api/realisations', {
      agreement: 'GITEX25-KPMG',
      commitment: 'NOPE',
      period: '2025',
      value: 3,
    });
    expect(unknown.statusCode).toBe(400);
    expect(problem(unknown).errors?.map((e) => e.path)).toEqual(['/body/commitment']);
    const negative = await send(office, 'POST', '/api/realisations', {
      agreement: 'GITEX25-KPMG',
      commitment: 'JOBS',
      period: '2025',
      value: -3,
    });
    expect(problem(negative).errors?.map((e) => e.path)).toEqual(['/body/value']);
    const early = await send(office, 'POST', '/api/realisations', {
      agreement: 'GITEX25-KPMG',
      commitment: 'JOBS',
      period: '2024',
      value: 3,
    });
    expect(problem(early).errors?.map((e) => e.code)).toEqual(['before_signing']);
    expect(await count('realisations')).toBe(before);
  });

  it('refuses to move the signing date after a due year', async () => {
    const { version } = (await get('/api/agreements/GITEX25-2T')).json();
    const response = await send(office, 'PATCH', '/api/agreements/GITEX25-2T', {
      version,
      signedOn: '2029-01-01',
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.map((e) => e.path)).toEqual(['/body/signedOn']);
  });
});

describe('writes and roles', () => {
  it('lets the strategy office create, edit and delete an agreement; others get 401/403', async () => {
    const body = {
      code: 'TEST-2',
      kind: 'convention',
      title: { fr: 'Convention test' },
      signedOn: '2025-01-10',
      parties: [{ organization: 'MTNRA', role: 'government' }],
    };
    expect((await send(anonymous, 'POST', '/api/agreements', body)).statusCode).toBe(401);
    expect((await send(viewer, 'POST', '/api/agreements', body)).statusCode).toBe(403);
    expect((await send(kpmgReporter, 'POST', '/api/agreements', body)).statusCode).toBe(403);
    const created = await send(office, 'POST', '/api/agreements', body);
    expect(created.statusCode, created.body).toBe(201);
    const added = await send(office, 'POST', '/api/agreements/TEST-2/commitments', {
      code: 'TRAIN',
      party: 'MTNRA',
      metric: 'people_trained',
      value: 100,
      dueYear: 2026,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().totals).toEqual([
      expect.objectContaining({ metric: 'people_trained', committed: 100 }),
    ]);
    const edited = await send(office, 'PATCH', '/api/agreements/TEST-2', { version: 1, event: 'Test event' });
    expect(edited.json()).toMatchObject({ event: 'Test event', version: 2 });
    expect(
      (await send(office, 'PATCH', '/api/agreements/TEST-2', { version: 1, event: 'x' })).statusCode,
    ).toBe(409);
    expect((await send(viewer, 'DELETE', '/api/agreements/TEST-2?version=2')).statusCode).toBe(403);
    expect((await send(office, 'DELETE', '/api/agreements/TEST-2?version=2')).statusCode).toBe(204);
    expect((await get('/api/agreements/TEST-2')).statusCode).toBe(404);
  });
});

describe('registry: contacts, memberships, partnerships', () => {
  const orgId = async (code: string) =>
    (await t.database.db.one<{ id: string }>('SELECT id FROM organizations WHERE code = $1', [code])).id;

  it('shows the cluster partnership with Systematic from either side', async () => {
    const mnc = (await get(`/api/organizations/${await orgId('MNC')}/partnerships`)).json();
    expect(mnc.items).toEqual([
      expect.objectContaining({
        kind: 'cluster_partnership',
        partner: expect.objectContaining({ code: 'SYSTEMATIC' }),
      }),
    ]);
    const systematic = (await get(`/api/organizations/${await orgId('SYSTEMATIC')}/partnerships`)).json();
    expect(systematic.items[0].partner.code).toBe('MNC');
  });

  it('adds a member to the cluster with its type (strategy office only)', async () => {
    const mnc = await orgId('MNC');
    expect(
      (await send(viewer, 'POST', `/api/organizations/${mnc}/members`, { member: 'KPMG' })).statusCode,
    ).toBe(403);
    const added = await send(office, 'POST', `/api/organizations/${mnc}/members`, { member: 'KPMG' });
    expect(added.statusCode, added.body).toBe(201);
    const dup = await send(office, 'POST', `/api/organizations/${mnc}/members`, { member: 'KPMG' });
    expect(problem(dup).errors?.[0]).toMatchObject({ path: '/body/member', code: 'duplicate' });
    const list = (await get(`/api/organizations/${mnc}/memberships`)).json();
    expect(list.members).toEqual([
      expect.objectContaining({
        role: 'member',
        organization: expect.objectContaining({ code: 'KPMG', type: 'enterprise' }),
      }),
    ]);
    const kpmg = (await get(`/api/organizations/${await orgId('KPMG')}/memberships`)).json();
    expect(kpmg.memberOf[0].organization.code).toBe('MNC');
  });

  it('keeps contacts from the public and from roles that do not need them', async () => {
    const kpmg = await orgId('KPMG');
    const created = await send(office, 'POST', `/api/organizations/${kpmg}/contacts`, {
      name: 'A. Contact',
      roleTitle: 'Partner',
      email: 'contact@example.org',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await get(`/api/organizations/${kpmg}/contacts`)).statusCode).toBe(401);
    expect((await get(`/api/organizations/${kpmg}/contacts`, viewer)).statusCode).toBe(403);
    expect((await get(`/api/organizations/${kpmg}/contacts`, kpmgReporter)).statusCode).toBe(403);
    const seen = await get(`/api/organizations/${kpmg}/contacts`, office);
    expect(seen.json().items).toEqual([
      expect.objectContaining({ name: 'A. Contact', email: 'contact@example.org' }),
    ]);
    const audit = await get(`/api/audit?subjectType=organization&subjectId=${kpmg}`, admin);
    expect(JSON.stringify(audit.json())).not.toContain('contact@example.org');
    const agreement = await get('/api/agreements/GITEX25-KPMG');
    expect(agreement.body).not.toContain('contact@example.org');
  });
});

describe('cluster innovation projects', () => {
  it('records a labelled project of the cluster with its members, niche and funding', async () => {
    const body = {
      code: 'MNC-TEST-1',
      cluster: 'MNC',
      title: { fr: 'Paiement mobile' },
      niche: 'mobile_services',
      fundingSource: 'innovation_fund',
      members: ['KPMG', 'ARROW-ECS'],
    };
    expect((await send(anonymous, 'POST', '/api/innovation-projects', body)).statusCode).toBe(401);
    expect((await send(kpmgReporter, 'POST', '/api/innovation-projects', body)).statusCode).toBe(403);
    const notCluster = await send(office, 'POST', '/api/innovation-projects', { ...body, cluster: 'KPMG' });
    expect(problem(notCluster).errors?.[0]).toMatchObject({ path: '/body/cluster', code: 'not_a_cluster' });
    const created = await send(office, 'POST', '/api/innovation-projects', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      stage: 'labelled',
      cluster: { code: 'MNC' },
      members: [{ code: 'ARROW-ECS' }, { code: 'KPMG' }],
    });
    const moved = await send(office, 'PATCH', '/api/innovation-projects/MNC-TEST-1', {
      version: 1,
      stage: 'in_progress',
    });
    expect(moved.json()).toMatchObject({ stage: 'in_progress', version: 2 });
    const list = (await get('/api/innovation-projects?niche=mobile_services')).json();
    expect(list.items.map((p: { code: string }) => p.code)).toEqual(['MNC-TEST-1']);
    expect((await get('/api/innovation-projects?niche=web_multimedia')).json().items).toEqual([]);
  });
});

describe('role × action matrix', () => {
  let sessions: Record<string, Session>;
  let pendingId: string;
  let kpmgId: string;

  beforeAll(async () => {
    sessions = {
      anonymous,
      admin,
      office,
      reviewer: await userWith('matrix-reviewer', 'reviewer'),
      analyst: await userWith('matrix-analyst', 'analyst'),
      viewer,
      kpmgReporter,
      arrowReporter,
    };
    kpmgId = (await t.database.db.one<{ id: string }>(`SELECT id FROM organizations WHERE code = 'KPMG'`)).id;
    const created = await send(kpmgReporter, 'POST', '/api/realisations', {
      agreement: 'GITEX25-KPMG',
      commitment: 'JOBS',
      period: '2026-Q1',
      value: 4,
    });
    pendingId = created.json().id;
  });

  const who = [
    'anonymous',
    'admin',
    'office',
    'reviewer',
    'analyst',
    'viewer',
    'kpmgReporter',
    'arrowReporter',
  ];
  const matrix: [string, (s: Session) => Promise<number>, number[]][] = [
    [
      // A body the service refuses after the gate: allowed roles get 400, and nothing is written.
      'create an agreement',
      async (s) =>
        (
          await send(s, 'POST', '/api/agreements', {
            code: 'M-1',
            kind: 'mou',
            title: { fr: 'x' },
            parties: [],
          })
        ).statusCode,
      [401, 400, 400, 403, 403, 403, 403, 403],
    ],
    [
      'see a pending realisation',
      async (s) => (await get(`/api/realisations/${pendingId}`, s)).statusCode,
      [404, 200, 200, 404, 404, 404, 200, 404],
    ],
    [
      'verify it (with a stale version: allowed roles get 409)',
      async (s) =>
        (
          await send(s, 'POST', `/api/realisations/${pendingId}/verification`, {
            state: 'verified',
            version: 99,
          })
        ).statusCode,
      [401, 409, 409, 403, 403, 403, 403, 403],
    ],
    [
      'correct it (with a stale version: allowed roles get 409)',
      async (s) =>
        (await send(s, 'PATCH', `/api/realisations/${pendingId}`, { version: 99, value: 5 })).statusCode,
      [401, 409, 409, 403, 403, 403, 409, 404],
    ],
    [
      'read contacts',
      async (s) => (await get(`/api/organizations/${kpmgId}/contacts`, s)).statusCode,
      [401, 200, 200, 403, 403, 403, 403, 403],
    ],
    [
      'read agreements',
      async (s) => (await get('/api/agreements/GITEX25-KPMG', s)).statusCode,
      [200, 200, 200, 200, 200, 200, 200, 200],
    ],
  ];
  it.each(matrix)('%s', async (_action, act, expected) => {
    const got: number[] = [];
    for (const name of who) got.push(await act(sessions[name]!));
    expect(Object.fromEntries(who.map((w, i) => [w, got[i]]))).toEqual(
      Object.fromEntries(who.map((w, i) => [w, expected[i]])),
    );
  });

  it('lets the party correct a disputed figure, which goes back to reported; a verified one is locked', async () => {
    const disputed = await send(office, 'POST', `/api/realisations/${pendingId}/verification`, {
      state: 'disputed',
      note: 'No evidence',
      version: 1,
    });
    expect(disputed.json().state).toBe('disputed');
    const corrected = await send(kpmgReporter, 'PATCH', `/api/realisations/${pendingId}`, {
      version: 2,
      value: 3,
      evidence: [{ title: 'Contracts', url: 'https://example.org/contracts.pdf' }],
    });
    expect(corrected.json()).toMatchObject({
      state: 'reported',
      value: 3,
      verificationNote: null,
      version: 3,
    });
    await send(office, 'POST', `/api/realisations/${pendingId}/verification`, {
      state: 'verified',
      version: 3,
    });
    const locked = await send(kpmgReporter, 'PATCH', `/api/realisations/${pendingId}`, {
      version: 4,
      value: 9,
    });
    expect(locked.statusCode).toBe(409);
    expect(problem(locked).code).toBe('realisation_verified');
  });
});

describe('for the reporting cycles', () => {
  it('lists the commitments an organization owns', async () => {
    const ids = (
      await t.database.db.query<{ id: string }>(
        `SELECT id FROM organizations WHERE code IN ('INETUM', 'KPMG')`,
      )
    ).map((r) => r.id);
    const rows = await listCommitmentsOwnedBy(t.database.db, ids);
    expect(rows.map((c) => `${c.agreementCode}/${c.code}:${c.value}`)).toEqual([
      'GITEX25-KPMG/JOBS:150',
      'INETUM-2024/INVEST:50000000',
      'INETUM-2024/JOBS:1500',
    ]);
  });

  it('refuses a commitment added with a due year before the signing, naming the field', async () => {
    const response = await send(office, 'POST', '/api/agreements/INETUM-2024/commitments', {
      code: 'LATE',
      party: 'INETUM',
      metric: 'direct_jobs',
      value: 10,
      dueYear: 2023,
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors).toEqual([
      expect.objectContaining({ path: '/body/dueYear', code: 'before_signing' }),
    ]);
  });
});
