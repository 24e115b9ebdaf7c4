import type { CommitmentMetric, RealisationState } from '../../../domain/agreements';
import type { Queryable } from '../../db/pool';

// SQL of commitments, the realisations reported against them and their attribution to plan nodes.

export interface CommitmentRow {
  id: string;
  agreementId: string;
  agreementCode: string;
  code: string;
  partyId: string;
  partyCode: string;
  partyName: Record<string, string>;
  metric: CommitmentMetric;
  value: number | null;
  qualifier: 'exact' | 'at_least' | 'about';
  dueYear: number | null;
  description: Record<string, string> | null;
  source: Record<string, unknown> | null;
  version: number;
}

export type CommitmentFields = Pick<
  CommitmentRow,
  'partyId' | 'metric' | 'value' | 'qualifier' | 'dueYear' | 'description' | 'source'
>;

const COLUMNS = `c.id, c.agreement_id AS "agreementId", a.code AS "agreementCode", c.code, c.party_id AS "partyId",
  o.code AS "partyCode", o.name AS "partyName", c.metric, c.value, c.qualifier, c.due_year AS "dueYear",
  c.description, c.source, c.version`;
const FROM = `FROM commitments c JOIN agreements a ON a.id = c.agreement_id JOIN organizations o ON o.id = c.party_id`;

export function findCommitmentsOf(
  db: Queryable,
  agreementIds: string[],
  metric?: string,
): Promise<CommitmentRow[]> {
  return db.query<CommitmentRow>(
    `SELECT ${COLUMNS} ${FROM}
      WHERE c.agreement_id = ANY($1::uuid[]) AND c.deleted_at IS NULL AND ($2::text IS NULL OR c.metric = $2)
      ORDER BY c.code`,
    [agreementIds, metric ?? null],
  );
}

/** The commitments whose party is one of `orgIds`: what a reporting cycle asks those organizations about. */
export function listCommitmentsOwnedBy(db: Queryable, orgIds: string[]): Promise<CommitmentRow[]> {
  return db.query<CommitmentRow>(
    `SELECT ${COLUMNS} ${FROM}
      WHERE c.party_id = ANY($1::uuid[]) AND c.deleted_at IS NULL AND a.deleted_at IS NULL
      ORDER BY a.code, c.code`,
    [orgIds],
  );
}

export function findCommitment(
  db: Queryable,
  agreementId: string,
  code: string,
  forUpdate = false,
): Promise<CommitmentRow | null> {
  return db.maybeOne<CommitmentRow>(
    `SELECT ${COLUMNS} ${FROM}
      WHERE c.agreement_id = $1 AND lower(c.code) = lower($2) AND c.deleted_at IS NULL
      ${forUpdate ? 'FOR UPDATE OF c' : ''}`,
    [agreementId, code],
  );
}

const fieldParams = (f: CommitmentFields) => [
  f.partyId,
  f.metric,
  f.value,
  f.qualifier,
  f.dueYear,
  f.description ? JSON.stringify(f.description) : null,
  f.source ? JSON.stringify(f.source) : null,
];

export async function insertCommitment(
  tx: Queryable,
  agreementId: string,
  code: string,
  f: CommitmentFields,
): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO commitments (party_id, metric, value, qualifier, due_year, description, source, agreement_id, code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [...fieldParams(f), agreementId, code],
  );
  return row.id;
}

/** Writes a commitment's fields; `onlyIfChanged` leaves the row (and its version) alone when nothing differs. */
export async function updateCommitment(
  tx: Queryable,
  id: string,
  f: CommitmentFields,
  onlyIfChanged = false,
): Promise<void> {
  const unchanged = `AND (party_id, metric, value, qualifier, due_year, description, source)
      IS DISTINCT FROM ($1::uuid, $2, $3::numeric, $4, $5::int, $6::jsonb, $7::jsonb)`;
  await tx.query(
    `UPDATE commitments SET party_id = $1, metric = $2, value = $3, qualifier = $4, due_year = $5, description = $6,
            source = $7, version = version + 1, updated_at = now()
      WHERE id = $8 ${onlyIfChanged ? unchanged : ''}`,
    [...fieldParams(f), id],
  );
}

export async function bumpCommitmentVersion(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE commitments SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

export async function softDeleteCommitment(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE commitments SET deleted_at = now(), updated_at = now() WHERE id = $1', [id]);
}

export interface RealisationRow {
  id: string;
  commitmentId: string;
  agreement: string;
  commitment: string;
  partyId: string;
  period: string;
  value: number;
  state: RealisationState;
  evidence: { title: string; url: string }[];
  note: string | null;
  reportedAt: string;
  reportedBy: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  verificationNote: string | null;
  version: number;
}

const REALISATION = `SELECT r.id, r.commitment_id AS "commitmentId", a.code AS agreement, c.code AS commitment,
    c.party_id AS "partyId", r.period, r.value, r.state, r.evidence, r.note,
    to_char(r.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "reportedAt", r.reported_by AS "reportedBy",
    to_char(r.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "verifiedAt",
    u.display_name AS "verifiedBy", r.verification_note AS "verificationNote", r.version
  FROM realisations r JOIN commitments c ON c.id = r.commitment_id JOIN agreements a ON a.id = c.agreement_id
  LEFT JOIN users u ON u.id = r.verified_by`;

export function findRealisationsOf(db: Queryable, commitmentIds: string[]): Promise<RealisationRow[]> {
  return db.query<RealisationRow>(
    `${REALISATION} WHERE r.commitment_id = ANY($1::uuid[]) AND r.deleted_at IS NULL ORDER BY r.period_end, r.reported_at`,
    [commitmentIds],
  );
}

export function findRealisation(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<RealisationRow | null> {
  return db.maybeOne<RealisationRow>(
    `${REALISATION} WHERE r.id = $1 AND r.deleted_at IS NULL AND c.deleted_at IS NULL ${forUpdate ? 'FOR UPDATE OF r' : ''}`,
    [id],
  );
}

export async function insertRealisation(
  tx: Queryable,
  r: {
    commitmentId: string;
    period: string;
    periodEnd: string;
    value: number;
    evidence: unknown[];
    note: string | null;
    reportedBy: string | null;
  },
): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO realisations (commitment_id, period, period_end, value, evidence, note, reported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [r.commitmentId, r.period, r.periodEnd, r.value, JSON.stringify(r.evidence), r.note, r.reportedBy],
  );
  return row.id;
}

/** Corrects a figure not yet verified; it goes back to `reported`, its earlier verification cleared. */
export async function amendRealisation(
  tx: Queryable,
  id: string,
  r: { period: string; periodEnd: string; value: number; evidence: unknown[]; note: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE realisations SET period = $2, period_end = $3, value = $4, evidence = $5, note = $6, state = 'reported',
            verified_by = NULL, verified_at = NULL, verification_note = NULL, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, r.period, r.periodEnd, r.value, JSON.stringify(r.evidence), r.note],
  );
}

export async function setVerification(
  tx: Queryable,
  id: string,
  v: { state: 'verified' | 'disputed'; by: string | null; note: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE realisations SET state = $2, verified_by = $3, verified_at = now(), verification_note = $4,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, v.state, v.by, v.note],
  );
}

export interface AttributionRow {
  commitmentId: string;
  nodeId: string;
  strategy: string;
  node: string;
  share: number;
}

const ATTRIBUTION = `SELECT t.commitment_id AS "commitmentId", t.node_id AS "nodeId", s.code AS strategy, n.code AS node,
    t.share FROM commitment_attributions t JOIN plan_nodes n ON n.id = t.node_id JOIN strategies s ON s.id = n.strategy_id`;

export function findAttributionsOf(db: Queryable, commitmentIds: string[]): Promise<AttributionRow[]> {
  return db.query<AttributionRow>(
    `${ATTRIBUTION} WHERE t.commitment_id = ANY($1::uuid[]) ORDER BY s.code, n.code`,
    [commitmentIds],
  );
}

/** Attributions to the nodes of one strategy, of commitments still in force. */
export function findAttributionsInStrategy(db: Queryable, strategyId: string): Promise<AttributionRow[]> {
  return db.query<AttributionRow>(
    `${ATTRIBUTION} JOIN commitments c ON c.id = t.commitment_id JOIN agreements a ON a.id = c.agreement_id
      WHERE n.strategy_id = $1 AND n.deleted_at IS NULL AND c.deleted_at IS NULL AND a.deleted_at IS NULL`,
    [strategyId],
  );
}

export function findCommitmentsByIds(db: Queryable, ids: string[]): Promise<CommitmentRow[]> {
  return db.query<CommitmentRow>(`SELECT ${COLUMNS} ${FROM} WHERE c.id = ANY($1::uuid[]) ORDER BY c.code`, [
    ids,
  ]);
}

export async function replaceAttributions(
  tx: Queryable,
  commitmentId: string,
  items: { nodeId: string; share: number }[],
): Promise<void> {
  await tx.query('DELETE FROM commitment_attributions WHERE commitment_id = $1', [commitmentId]);
  await tx.query(
    `INSERT INTO commitment_attributions (commitment_id, node_id, share)
     SELECT $1, i.node_id, i.share FROM jsonb_to_recordset($2::jsonb) AS i(node_id uuid, share numeric)`,
    [commitmentId, JSON.stringify(items.map((i) => ({ node_id: i.nodeId, share: i.share })))],
  );
}

export function findStrategyNodes(
  db: Queryable,
  strategyId: string,
): Promise<{ id: string; parentId: string | null; code: string }[]> {
  return db.query(
    `SELECT id, parent_id AS "parentId", code FROM plan_nodes WHERE strategy_id = $1 AND deleted_at IS NULL ORDER BY position, code`,
    [strategyId],
  );
}
