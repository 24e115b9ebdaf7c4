import type { Queryable } from '../../db/pool';

// SQL of agreements, their parties and linked plan nodes. Commitments and realisations: commitments.repo.ts.

export interface AgreementRow {
  id: string;
  code: string;
  kind: 'mou' | 'convention' | 'progress_contract';
  title: Record<string, string>;
  scope: Record<string, string> | null;
  signedOn: string | null;
  signedOnText: string | null;
  event: string | null;
  signingPlace: string | null;
  place: string | null;
  regionCode: string | null;
  regionName: Record<string, string> | null;
  documents: { title: string; url: string }[];
  sources: Record<string, unknown>[];
  version: number;
}

export type AgreementFields = Omit<AgreementRow, 'id' | 'code' | 'version' | 'regionName'>;

const COLUMNS = `a.id, a.code, a.kind, a.title, a.scope, a.signed_on AS "signedOn", a.signed_on_text AS "signedOnText",
  a.event, a.signing_place AS "signingPlace", a.place, a.region_code AS "regionCode", a.documents, a.sources, a.version,
  (SELECT m.name FROM dimension_members m JOIN dimensions d ON d.id = m.dimension_id
    WHERE d.code = 'region' AND m.code = a.region_code) AS "regionName"`;

export interface AgreementFilter {
  event?: string;
  region?: string;
  party?: string;
  metric?: string;
}

/** Agreements matching the filters: an event by name, a region, a party (signing or committing), a metric. */
export function findAgreements(db: Queryable, filter: AgreementFilter): Promise<AgreementRow[]> {
  return db.query<AgreementRow>(
    `SELECT ${COLUMNS} FROM agreements a
      WHERE a.deleted_at IS NULL
        AND ($1::text IS NULL OR lower(a.event) = lower($1))
        AND ($2::text IS NULL OR a.region_code = $2)
        AND ($3::text IS NULL OR EXISTS (
              SELECT 1 FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id
               WHERE p.agreement_id = a.id AND lower(o.code) = lower($3))
            OR EXISTS (
              SELECT 1 FROM commitments c JOIN organizations o ON o.id = c.party_id
               WHERE c.agreement_id = a.id AND c.deleted_at IS NULL AND lower(o.code) = lower($3)))
        AND ($4::text IS NULL OR EXISTS (
              SELECT 1 FROM commitments c WHERE c.agreement_id = a.id AND c.deleted_at IS NULL AND c.metric = $4))
      ORDER BY a.signed_on DESC NULLS LAST, a.code`,
    [filter.event ?? null, filter.region ?? null, filter.party ?? null, filter.metric ?? null],
  );
}

export function findAgreementByCode(
  db: Queryable,
  code: string,
  forUpdate = false,
): Promise<AgreementRow | null> {
  return db.maybeOne<AgreementRow>(
    `SELECT ${COLUMNS} FROM agreements a WHERE lower(a.code) = lower($1) AND a.deleted_at IS NULL
     ${forUpdate ? 'FOR UPDATE' : ''}`,
    [code],
  );
}

export interface PartyRow {
  agreementId: string;
  organizationId: string;
  code: string;
  name: Record<string, string>;
  type: string;
  regionCode: string | null;
  role: 'government' | 'partner' | 'witness';
}

export function findPartiesOf(db: Queryable, agreementIds: string[]): Promise<PartyRow[]> {
  return db.query<PartyRow>(
    `SELECT p.agreement_id AS "agreementId", o.id AS "organizationId", o.code, o.name, o.type,
            o.region_code AS "regionCode", p.role
       FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id
      WHERE p.agreement_id = ANY($1::uuid[]) ORDER BY p.position, o.code`,
    [agreementIds],
  );
}

export interface LinkedNodeRow {
  agreementId: string;
  strategy: string;
  code: string;
  title: Record<string, string>;
}

export function findNodesOf(db: Queryable, agreementIds: string[]): Promise<LinkedNodeRow[]> {
  return db.query<LinkedNodeRow>(
    `SELECT an.agreement_id AS "agreementId", s.code AS strategy, n.code, n.title
       FROM agreement_nodes an JOIN plan_nodes n ON n.id = an.node_id JOIN strategies s ON s.id = n.strategy_id
      WHERE an.agreement_id = ANY($1::uuid[]) AND n.deleted_at IS NULL ORDER BY s.code, n.code`,
    [agreementIds],
  );
}

const fieldParams = (f: AgreementFields) => [
  f.kind,
  JSON.stringify(f.title),
  f.scope ? JSON.stringify(f.scope) : null,
  f.signedOn,
  f.signedOnText,
  f.event,
  f.signingPlace,
  f.place,
  f.regionCode,
  JSON.stringify(f.documents),
  JSON.stringify(f.sources),
];

export async function insertAgreement(tx: Queryable, code: string, f: AgreementFields): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO agreements (kind, title, scope, signed_on, signed_on_text, event, signing_place, place, region_code,
                             documents, sources, code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [...fieldParams(f), code],
  );
  return row.id;
}

/** Writes an agreement's fields; `onlyIfChanged` leaves the row (and its version) alone when nothing differs. */
export async function updateAgreement(
  tx: Queryable,
  id: string,
  f: AgreementFields,
  onlyIfChanged = false,
): Promise<void> {
  const unchanged = `AND (kind, title, scope, signed_on, signed_on_text, event, signing_place, place, region_code,
      documents, sources) IS DISTINCT FROM ($1, $2::jsonb, $3::jsonb, $4::date, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb)`;
  await tx.query(
    `UPDATE agreements SET kind = $1, title = $2, scope = $3, signed_on = $4, signed_on_text = $5, event = $6,
            signing_place = $7, place = $8, region_code = $9, documents = $10, sources = $11,
            version = version + 1, updated_at = now()
      WHERE id = $12 ${onlyIfChanged ? unchanged : ''}`,
    [...fieldParams(f), id],
  );
}

export async function softDeleteAgreement(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE agreements SET deleted_at = now(), updated_at = now() WHERE id = $1', [id]);
  await tx.query('UPDATE commitments SET deleted_at = now(), updated_at = now() WHERE agreement_id = $1', [
    id,
  ]);
}

export async function replaceParties(
  tx: Queryable,
  agreementId: string,
  parties: { organizationId: string; role: string }[],
): Promise<void> {
  await tx.query('DELETE FROM agreement_parties WHERE agreement_id = $1', [agreementId]);
  await tx.query(
    `INSERT INTO agreement_parties (agreement_id, organization_id, role, position)
     SELECT $1, p.organization_id, p.role, p.position
       FROM jsonb_to_recordset($2::jsonb) AS p(organization_id uuid, role text, position int)`,
    [
      agreementId,
      JSON.stringify(
        parties.map((p, i) => ({ organization_id: p.organizationId, role: p.role, position: i })),
      ),
    ],
  );
}

export async function replaceNodes(tx: Queryable, agreementId: string, nodeIds: string[]): Promise<void> {
  await tx.query('DELETE FROM agreement_nodes WHERE agreement_id = $1', [agreementId]);
  await tx.query(
    'INSERT INTO agreement_nodes (agreement_id, node_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
    [agreementId, nodeIds],
  );
}

/** Organization ids by code (case-insensitive), for the codes that exist. */
export async function findOrganizationIds(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; code: string }>(
    `SELECT id, code FROM organizations WHERE lower(code) = ANY($1::text[]) AND deleted_at IS NULL`,
    [codes.map((c) => c.toLowerCase())],
  );
  return new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
}

/** Plan node ids keyed `STRATEGY/NODE`, for the references that exist. */
export async function findNodeIds(
  db: Queryable,
  refs: { strategy: string; code: string }[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; key: string }>(
    `SELECT n.id, s.code || '/' || n.code AS key
       FROM plan_nodes n JOIN strategies s ON s.id = n.strategy_id
       JOIN jsonb_to_recordset($1::jsonb) AS r(strategy text, code text) ON r.strategy = s.code AND r.code = n.code
      WHERE n.deleted_at IS NULL AND s.deleted_at IS NULL`,
    [JSON.stringify(refs)],
  );
  return new Map(rows.map((r) => [r.key, r.id]));
}

export async function isRegion(db: Queryable, code: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM dimension_members m JOIN dimensions d ON d.id = m.dimension_id
      WHERE d.code = 'region' AND m.code = $1`,
    [code],
  );
  return rows.length > 0;
}
