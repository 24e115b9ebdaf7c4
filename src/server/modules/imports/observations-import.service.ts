import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { periodEnd, periodStart } from '../../../domain/periods';
import { requirePermission } from '../../access/permissions';
import type { Tx } from '../../db/pool';
import { AppError } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import type { Progress } from '../operations/operations.service';
import { type ObservationRow, parseObservationsCsv } from './formats/observations-csv';
import type { RowError } from './formats/types';
import * as repo from './observations-import.repo';

const EVALUATION_YEARS = 3;

/** COPY text format: tabs, newlines and backslashes escaped, `\N` for null. */
function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(
    /[\\\t\n\r]/g,
    (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!,
  );
}

/** Row errors as problem fields, so that the API and the UI show where each one is. */
export function rowErrorsToFields(errors: RowError[]) {
  return errors.map((e) => ({ path: `/${e.sheet}/${e.row}/${e.column}`, ...e }));
}

/**
 * Imports a CSV of observations (`indicator,period,value` + `dim:<dimension>` columns …), all or nothing:
 * rows stream through COPY into a staging table inside one transaction and are merged at the end, so a million
 * rows cost little more than COPY itself; any bad row → every error reported, nothing written.
 */
export async function importObservationsCsv(
  ctx: Ctx,
  input: Readable | AsyncIterable<Buffer | string>,
  options: { source?: string; progress?: Progress; expectedBytes?: number } = {},
): Promise<{ observations: number; rows: number }> {
  requirePermission(ctx.actor, 'observations.write');
  const indicators = new Map((await repo.findIndicatorsForImport(ctx.db)).map((i) => [i.code, i]));
  const members = new Set((await repo.findMembers(ctx.db)).map((m) => `${m.dimension}=${m.code}`));
  return ctx.db.tx(async (tx) => {
    await repo.createStaging(tx);
    let staged = 0;
    const parsed = await parseObservationsCsv(
      input,
      async (rows) => {
        await copyBatch(tx, rows, indicators);
        staged += rows.length;
        await options.progress?.(staged, Math.max(staged + 1, staged * 2));
      },
      {
        knownIndicators: (code) => indicators.has(code),
        knownMembers: (dimension, code) => members.has(`${dimension}=${code}`),
        periodOk: (code, period) => periodProblem(indicators.get(code), period),
      },
    );
    if (parsed.errors.length) {
      throw new AppError(
        'csv_invalid',
        422,
        'The CSV has errors; nothing was imported',
        {},
        rowErrorsToFields(parsed.errors),
      );
    }
    const observations = await repo.mergeStaging(tx);
    await recordAudit(tx, ctx.actor, {
      action: 'observations.import',
      subjectType: 'observations',
      subjectId: null,
      after: { source: options.source ?? null, rows: parsed.rows, observations },
    });
    return { observations, rows: parsed.rows };
  });
}

function periodProblem(indicator: repo.IndicatorForImport | undefined, period: string): string | null {
  if (!indicator?.linked) return null;
  const from = indicator.baseline_period ? periodStart(indicator.baseline_period) : indicator.period_start;
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text; Math.min would turn them into NaN
  const start = from < indicator.period_start ? from : indicator.period_start;
  const end = `${Number(indicator.period_end.slice(0, 4)) + EVALUATION_YEARS}${indicator.period_end.slice(4)}`;
  if (periodStart(period) < start || periodEnd(period) > end) {
    return `period ${period} lies outside ${start} … ${end} (the strategy and its evaluation)`;
  }
  return null;
}

async function copyBatch(tx: Tx, rows: ObservationRow[], indicators: Map<string, repo.IndicatorForImport>) {
  const lines = rows.map((row) =>
    [
      indicators.get(row.indicator)!.id,
      row.period,
      periodEnd(row.period),
      JSON.stringify(row.dims),
      row.dimsKey,
      row.value,
      row.state,
      row.source ? JSON.stringify(row.source) : null,
      row.confidence,
    ]
      .map(copyField)
      .join('\t'),
  );
  const stream = tx.client.query(copyFrom('COPY observation_staging FROM STDIN'));
  await pipeline(
    (async function* () {
      yield `${lines.join('\n')}\n`;
    })(),
    stream,
  );
}
