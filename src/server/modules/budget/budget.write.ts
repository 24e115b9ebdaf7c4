import { Type } from '@sinclair/typebox';
import { requirePermission } from '../../access/permissions';
import { ctxOf } from '../../context';
import type { Queryable } from '../../db/pool';
import { type FieldError, invalid } from '../../errors';
import { I18nText, Nullable, ProblemResponses, StringEnum } from '../../schemas';
import type { App, Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { getStrategy } from '../strategy/strategy.service';

// The write side of the budget: one envelope line at a time (node × year × rubric × type), and transactions.

const Source = Type.Record(Type.String(), Type.Unknown());
const LineInput = Type.Object(
  {
    node: Type.Optional(Nullable(Type.String({ description: 'node code; absent for the whole strategy' }))),
    rubric: Type.String({ minLength: 1, maxLength: 100 }),
    rubricLabel: Type.Optional(Nullable(I18nText)),
    year: Type.Integer(),
    amount: Type.Number({ minimum: 0, description: 'in the strategy’s currency × scale' }),
    type: StringEnum(['original', 'revised'] as const),
    status: StringEnum(['indicative', 'committed'] as const),
    source: Type.Optional(Nullable(Source)),
  },
  { additionalProperties: false },
);
const TransactionInput = Type.Object(
  {
    node: Type.Optional(Nullable(Type.String())),
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    type: StringEnum(['commitment', 'disbursement', 'expenditure'] as const),
    amount: Type.Number({ minimum: 0 }),
    description: Type.Optional(Nullable(I18nText)),
    source: Type.Optional(Nullable(Source)),
  },
  { additionalProperties: false },
);

async function nodeId(
  tx: Queryable,
  strategyId: string,
  code: string | null | undefined,
  errors: FieldError[],
) {
  if (!code) return null;
  const row = await tx.maybeOne<{ id: string }>(
    'SELECT id FROM plan_nodes WHERE strategy_id = $1 AND code = $2 AND deleted_at IS NULL',
    [strategyId, code],
  );
  if (!row) errors.push({ path: '/body/node', code: 'reference.unknown_node', message: `no node ${code}` });
  return row?.id ?? null;
}

type Line = typeof LineInput.static;
type Transaction = typeof TransactionInput.static;

/** Sets one budget line (creating or replacing it); the year must lie in the strategy's period. */
export async function setBudgetLine(ctx: Ctx, code: string, line: Line) {
  requirePermission(ctx.actor, 'budget.manage');
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    const errors: FieldError[] = [];
    const node = await nodeId(tx, strategy.id, line.node, errors);
    const [from, to] = [Number(strategy.periodStart.slice(0, 4)), Number(strategy.periodEnd.slice(0, 4))];
    if (line.year < from || line.year > to) {
      errors.push({ path: '/body/year', code: 'period.outside_strategy', message: `outside ${from}–${to}` });
    }
    if (errors.length) throw invalid(errors);
    const before = await tx.maybeOne(
      `SELECT amount, status FROM budget_lines WHERE strategy_id = $1 AND node_id IS NOT DISTINCT FROM $2
          AND rubric = $3 AND year = $4 AND type = $5`,
      [strategy.id, node, line.rubric, line.year, line.type],
    );
    await tx.query(
      `INSERT INTO budget_lines (strategy_id, node_id, rubric, rubric_label, year, amount, type, status, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (strategy_id, coalesce(node_id, '00000000-0000-0000-0000-000000000000'::uuid), rubric, year, type)
       DO UPDATE SET amount = EXCLUDED.amount, status = EXCLUDED.status,
         rubric_label = coalesce(EXCLUDED.rubric_label, budget_lines.rubric_label),
         source = coalesce(EXCLUDED.source, budget_lines.source), updated_at = now()`,
      [
        strategy.id,
        node,
        line.rubric,
        line.rubricLabel ? JSON.stringify(line.rubricLabel) : null,
        line.year,
        line.amount,
        line.type,
        line.status,
        line.source ? JSON.stringify(line.source) : null,
      ],
    );
    await recordAudit(tx, ctx.actor, {
      action: 'budget_line.set',
      subjectType: 'strategy',
      subjectId: code,
      before,
      after: {
        node: line.node ?? null,
        rubric: line.rubric,
        year: line.year,
        type: line.type,
        amount: line.amount,
        status: line.status,
      },
    });
    return { ok: true };
  });
}

/** Records a commitment, disbursement or expenditure against the strategy or one of its nodes. */
export async function addTransaction(ctx: Ctx, code: string, input: Transaction) {
  requirePermission(ctx.actor, 'budget.manage');
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    const errors: FieldError[] = [];
    const node = await nodeId(tx, strategy.id, input.node, errors);
    if (Number.isNaN(Date.parse(input.date)))
      errors.push({ path: '/body/date', code: 'date.invalid', message: 'not a date' });
    if (errors.length) throw invalid(errors);
    const row = await tx.one<{ id: string }>(
      `INSERT INTO transactions (strategy_id, node_id, date, type, amount, description, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        strategy.id,
        node,
        input.date,
        input.type,
        input.amount,
        input.description ? JSON.stringify(input.description) : null,
        input.source ? JSON.stringify(input.source) : null,
      ],
    );
    await recordAudit(tx, ctx.actor, {
      action: 'transaction.create',
      subjectType: 'transaction',
      subjectId: row.id,
      after: input,
    });
    return { id: row.id };
  });
}

export default async function budgetWriteRoutes(app: App) {
  const params = Type.Object({ code: Type.String({ maxLength: 64 }) });
  app.put(
    '/api/strategies/:code/budget/lines',
    {
      schema: {
        tags: ['budget'],
        summary: 'Set one budget line (node × year × rubric × type)',
        params,
        body: LineInput,
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...ProblemResponses },
      },
    },
    (request) => setBudgetLine(ctxOf(app, request), request.params.code, request.body),
  );
  app.post(
    '/api/strategies/:code/transactions',
    {
      schema: {
        tags: ['budget'],
        summary: 'Record a commitment, disbursement or expenditure',
        params,
        body: TransactionInput,
        response: { 201: Type.Object({ id: Type.String() }), ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addTransaction(ctxOf(app, request), request.params.code, request.body)),
  );
}
