import { periodEnd } from '../../../domain/periods';
import type { Queryable } from '../../db/pool';
import { dimsKey } from '../imports/package-import.service';
import type { ReportContent } from './reporting.schema';

// What approving a report writes into the plan's live data, inside the approval's transaction, so that the
// indicator pages and the tree show the figures at once. Reporting owns these writes: they are the report's
// figures, tagged with its id, and no other module's service can join the approval's transaction.

/** The report's figures become approved observations (a figure already there for the same key is replaced). */
export async function upsertObservations(
  tx: Queryable,
  reportId: string,
  figures: NonNullable<ReportContent['figures']>,
  source: Record<string, unknown>,
): Promise<number> {
  const rows = figures
    .filter((f) => f.value !== null)
    .map((f) => ({
      code: f.indicator,
      period: f.period,
      period_end: periodEnd(f.period),
      dims: f.dimensions ?? {},
      dims_key: dimsKey(f.dimensions),
      value: f.value,
      source: f.note ? { ...source, note: f.note } : source,
    }));
  if (rows.length === 0) return 0;
  const written = await tx.query(
    `INSERT INTO observations (indicator_id, period, period_end, dims, dims_key, value, state, source, report_id)
     SELECT i.id, x.period, x.period_end, x.dims, x.dims_key, x.value, 'approved', x.source, $1
       FROM jsonb_to_recordset($2) AS x(code text, period text, period_end date, dims jsonb, dims_key text,
                                       value numeric, source jsonb)
       -- by code alone: an indicator of another strategy (the observatory's) may measure this plan's nodes
       JOIN indicators i ON i.code = x.code AND i.deleted_at IS NULL
     ON CONFLICT (indicator_id, dims_key, period) DO UPDATE SET value = EXCLUDED.value, state = 'approved',
        source = EXCLUDED.source, confidence = NULL, reported = NULL, report_id = EXCLUDED.report_id,
        updated_at = now()
     RETURNING id`,
    [reportId, JSON.stringify(rows)],
  );
  return written.length;
}

/** The report's transactions, replacing those an earlier approval of the same report wrote. */
export async function replaceTransactions(
  tx: Queryable,
  reportId: string,
  strategyId: string,
  transactions: NonNullable<ReportContent['transactions']>,
  source: Record<string, unknown>,
): Promise<void> {
  await tx.query('DELETE FROM transactions WHERE report_id = $1', [reportId]);
  if (transactions.length === 0) return;
  await tx.query(
    `INSERT INTO transactions (strategy_id, node_id, date, type, amount, description, source, report_id)
     SELECT $2, n.id, x.date, x.type, x.amount, x.description, $4, $1
       FROM jsonb_to_recordset($3) AS x(node text, date date, type text, amount numeric, description jsonb)
       JOIN plan_nodes n ON n.code = x.node AND n.strategy_id = $2 AND n.deleted_at IS NULL`,
    [
      reportId,
      strategyId,
      JSON.stringify(
        transactions.map((t) => ({ ...t, description: t.description ? { fr: t.description } : null })),
      ),
      JSON.stringify(source),
    ],
  );
}

export async function setMilestoneDates(
  tx: Queryable,
  milestones: NonNullable<ReportContent['milestones']>,
): Promise<void> {
  if (milestones.length === 0) return;
  await tx.query(
    `UPDATE project_milestones m SET actual_date = x.actual FROM jsonb_to_recordset($1) AS x(id uuid, actual text)
      WHERE m.id = x.id`,
    [JSON.stringify(milestones.map((m) => ({ id: m.milestone, actual: m.actualDate })))],
  );
}

/** The implementation state the report gives each node; the node's version moves, so stale edits get 409. */
export async function setNodeStates(
  tx: Queryable,
  strategyId: string,
  nodes: NonNullable<ReportContent['nodes']>,
): Promise<void> {
  const states = nodes.filter((n) => n.state);
  if (states.length === 0) return;
  await tx.query(
    `UPDATE plan_nodes n SET state = x.state, version = version + 1, updated_at = now()
       FROM jsonb_to_recordset($2) AS x(node text, state text)
      WHERE n.strategy_id = $1 AND n.code = x.node AND n.deleted_at IS NULL AND n.state IS DISTINCT FROM x.state`,
    [strategyId, JSON.stringify(states)],
  );
}

/**
 * A reopened report's figures are no longer approved: its observations fall back to provisional (out of the
 * public series) and its transactions leave the budget execution, until the report is approved again.
 */
export async function withdrawFigures(tx: Queryable, reportId: string): Promise<void> {
  await tx.query(`UPDATE observations SET state = 'provisional', updated_at = now() WHERE report_id = $1`, [
    reportId,
  ]);
  await tx.query('DELETE FROM transactions WHERE report_id = $1', [reportId]);
}

/**
 * The report's realisations, awaiting verification by the strategy office: those an earlier approval of the
 * same report wrote are replaced unless already verified (a verified figure stands).
 */
export async function replaceRealisations(
  tx: Queryable,
  reportId: string,
  period: { text: string; end: string },
  realisations: NonNullable<ReportContent['realisations']>,
  reportedBy: string | null,
): Promise<number> {
  await tx.query(
    `UPDATE realisations SET deleted_at = now(), updated_at = now()
      WHERE report_id = $1 AND deleted_at IS NULL AND state <> 'verified'`,
    [reportId],
  );
  if (realisations.length === 0) return 0;
  const written = await tx.query(
    `INSERT INTO realisations (commitment_id, period, period_end, value, note, reported_by, report_id)
     SELECT x.commitment, $2, $3, x.value, x.note, $4, $1
       FROM jsonb_to_recordset($5) AS x(commitment uuid, value numeric, note text)
      WHERE NOT EXISTS (SELECT 1 FROM realisations r WHERE r.commitment_id = x.commitment AND r.period = $2
                           AND r.state = 'verified' AND r.deleted_at IS NULL)
     RETURNING id`,
    [reportId, period.text, period.end, reportedBy, JSON.stringify(realisations)],
  );
  return written.length;
}
