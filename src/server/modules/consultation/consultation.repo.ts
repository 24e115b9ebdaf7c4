import type { Queryable } from '../../db/pool';

export interface ProposalRow {
  id: string;
  code: string;
  title: Record<string, string>;
  body: Record<string, string> | null;
  lang: 'fr' | 'ar' | 'en';
  organizationId: string;
  organization: string;
  coauthors: string[];
  strategy: string | null;
  submittedOn: string;
  response: 'accepted' | 'modified' | 'rejected' | null;
  responseReason: Record<string, string> | null;
  respondedAt: Date | null;
  source: unknown;
  version: number;
}

const COLUMNS = `p.id, p.code, p.title, p.body, p.lang, p.organization_id AS "organizationId", o.code AS organization,
  coalesce((SELECT array_agg(ao.code ORDER BY a.position) FROM proposal_authors a
              JOIN organizations ao ON ao.id = a.organization_id WHERE a.proposal_id = p.id), '{}') AS coauthors,
  s.code AS strategy, p.submitted_on::text AS "submittedOn", p.response, p.response_reason AS "responseReason",
  p.responded_at AS "respondedAt", p.source, p.version
  FROM proposals p JOIN organizations o ON o.id = p.organization_id LEFT JOIN strategies s ON s.id = p.strategy_id`;

export function findProposals(db: Queryable, filter: { strategy?: string; answered?: boolean }) {
  return db.query<ProposalRow>(
    `SELECT ${COLUMNS} WHERE p.deleted_at IS NULL AND ($1::text IS NULL OR s.code = $1)
        AND ($2::boolean IS NULL OR (p.response IS NOT NULL) = $2)
      ORDER BY p.submitted_on DESC, p.code`,
    [filter.strategy ?? null, filter.answered ?? null],
  );
}

export function findProposal(db: Queryable, code: string, lock = false) {
  return db.maybeOne<ProposalRow>(
    `SELECT ${COLUMNS} WHERE lower(p.code) = lower($1) AND p.deleted_at IS NULL ${lock ? 'FOR UPDATE OF p' : ''}`,
    [code],
  );
}

export function findEndorsements(db: Queryable, proposalId: string) {
  return db.query<{ organization: string; at: Date }>(
    `SELECT o.code AS organization, e.created_at AS at FROM proposal_endorsements e
       JOIN organizations o ON o.id = e.organization_id WHERE e.proposal_id = $1 ORDER BY e.created_at, o.code`,
    [proposalId],
  );
}

export function findComments(db: Queryable, proposalId: string) {
  return db.query<{ id: string; organization: string; body: string; at: Date }>(
    `SELECT c.id, o.code AS organization, c.body, c.created_at AS at FROM proposal_comments c
       JOIN organizations o ON o.id = c.organization_id
      WHERE c.proposal_id = $1 AND c.deleted_at IS NULL ORDER BY c.created_at, c.id`,
    [proposalId],
  );
}

export function findLinkedNodes(db: Queryable, proposalId: string) {
  return db.query<{ strategy: string; node: string; title: Record<string, string> }>(
    `SELECT s.code AS strategy, n.code AS node, n.title FROM proposal_nodes pn
       JOIN plan_nodes n ON n.id = pn.node_id JOIN strategies s ON s.id = n.strategy_id
      WHERE pn.proposal_id = $1 AND n.deleted_at IS NULL ORDER BY s.code, n.code`,
    [proposalId],
  );
}

export function findOrganizations(db: Queryable, codes: string[]) {
  return db.query<{ id: string; code: string }>(
    'SELECT id, code FROM organizations WHERE lower(code) = ANY($1::text[]) AND deleted_at IS NULL',
    [codes.map((c) => c.toLowerCase())],
  );
}

export function findStrategyId(db: Queryable, code: string) {
  return db.maybeOne<{ id: string }>('SELECT id FROM strategies WHERE code = $1', [code]);
}

export function findNode(db: Queryable, strategy: string, node: string) {
  return db.maybeOne<{ id: string }>(
    `SELECT n.id FROM plan_nodes n JOIN strategies s ON s.id = n.strategy_id
      WHERE s.code = $1 AND n.code = $2 AND n.deleted_at IS NULL`,
    [strategy, node],
  );
}

export interface ProposalFields {
  code: string;
  title: unknown;
  body: unknown;
  lang: string;
  organizationId: string;
  authorId: string | null;
  strategyId: string | null;
  submittedOn?: string | null;
  source?: unknown;
}

export async function insertProposal(tx: Queryable, f: ProposalFields): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `INSERT INTO proposals (code, title, body, lang, organization_id, author_id, strategy_id, submitted_on, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::date, current_date), $9) RETURNING id`,
    [
      f.code,
      f.title,
      f.body,
      f.lang,
      f.organizationId,
      f.authorId,
      f.strategyId,
      f.submittedOn ?? null,
      f.source ?? null,
    ],
  );
  return row.id;
}

export async function insertCoauthors(tx: Queryable, proposalId: string, orgIds: string[]): Promise<void> {
  await tx.query(
    `INSERT INTO proposal_authors (proposal_id, organization_id, position)
     SELECT $1, o, ord FROM unnest($2::uuid[]) WITH ORDINALITY AS x(o, ord) ON CONFLICT DO NOTHING`,
    [proposalId, orgIds],
  );
}

/** Records an endorsement; false when the organization had endorsed already (one per organization). */
export async function insertEndorsement(
  tx: Queryable,
  proposalId: string,
  orgId: string,
  userId: string | null,
) {
  const rows = await tx.query(
    `INSERT INTO proposal_endorsements (proposal_id, organization_id, user_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING proposal_id`,
    [proposalId, orgId, userId],
  );
  return rows.length > 0;
}

export async function insertComment(
  tx: Queryable,
  proposalId: string,
  orgId: string,
  userId: string | null,
  body: string,
): Promise<string> {
  const row = await tx.one<{ id: string }>(
    'INSERT INTO proposal_comments (proposal_id, organization_id, user_id, body) VALUES ($1, $2, $3, $4) RETURNING id',
    [proposalId, orgId, userId, body],
  );
  return row.id;
}

export async function saveResponse(
  tx: Queryable,
  id: string,
  r: { decision: string; reason: unknown; userId: string | null; nodeIds: string[] },
): Promise<void> {
  await tx.query(
    `UPDATE proposals SET response = $2, response_reason = $3, responded_at = now(), responded_by = $4,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, r.decision, r.reason, r.userId],
  );
  await tx.query('DELETE FROM proposal_nodes WHERE proposal_id = $1', [id]);
  await tx.query(
    'INSERT INTO proposal_nodes (proposal_id, node_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
    [id, r.nodeIds],
  );
}
