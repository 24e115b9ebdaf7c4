import { can, requirePermission } from '../../access/permissions';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/pool';
import { AppError, type FieldError, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { queueCallMail } from './calls.mail';
import * as repo from './calls.repo';
import type { Call, CallInput, CallPatch } from './calls.schema';
import { PRIVACY_NOTICE } from './privacy-notice';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The public shape of a call, with its criteria and counts. */
export async function present(db: Queryable, row: repo.CallRow): Promise<Call> {
  const [criteria, counts] = await Promise.all([
    repo.findCriteria(db, row.id),
    repo.countSubmissions(db, row.id),
  ]);
  return {
    code: row.code,
    title: row.title,
    description: row.description,
    eligibility: row.eligibility,
    themes: row.themes,
    criteria: criteria.map((c) => ({ code: c.code, label: c.label, weight: c.weight })),
    organizer: row.organizer,
    strategy: row.strategy,
    node: row.node,
    scale: { min: row.scaleMin, max: row.scaleMax },
    opensAt: iso(row.opensAt),
    closesAt: iso(row.closesAt),
    state: row.state,
    isHistorical: row.isHistorical,
    publishedStats: row.publishedStats as Call['publishedStats'],
    source: row.source as Call['source'],
    counts,
    privacyNotice: PRIVACY_NOTICE,
    version: row.version,
  };
}

/** A call as the actor may see it: drafts only to `calls.manage`, 404 otherwise. */
export async function loadCall(ctx: Ctx, db: Queryable, code: string, lock = false): Promise<repo.CallRow> {
  const row = await repo.findCall(db, code, lock);
  if (!row || (row.state === 'draft' && !can(ctx.actor, 'calls.manage'))) throw notFound('call');
  return row;
}

export async function listCalls(ctx: Ctx): Promise<Call[]> {
  const rows = await repo.findCalls(ctx.db, can(ctx.actor, 'calls.manage'));
  return Promise.all(rows.map((row) => present(ctx.db, row)));
}

export async function getCall(ctx: Ctx, code: string): Promise<Call> {
  return present(ctx.db, await loadCall(ctx, ctx.db, code));
}

type Edits = Omit<CallPatch, 'version'>;

async function applyEdits(
  db: Queryable,
  current: repo.CallFields,
  edits: Edits,
  errors: FieldError[],
): Promise<repo.CallFields> {
  const next = { ...current };
  for (const key of ['title', 'description', 'eligibility', 'themes', 'scaleMin', 'scaleMax'] as const) {
    if (edits[key] !== undefined) (next as Record<string, unknown>)[key] = edits[key];
  }
  if (edits.opensAt !== undefined) next.opensAt = edits.opensAt;
  if (edits.closesAt !== undefined) next.closesAt = edits.closesAt;
  if (edits.organizer !== undefined) {
    next.organizerId =
      edits.organizer === null ? null : ((await repo.findOrganizationId(db, edits.organizer))?.id ?? '');
    if (next.organizerId === '')
      errors.push({
        path: '/body/organizer',
        code: 'unknown',
        message: `unknown organization ${edits.organizer}`,
      });
  }
  if (edits.strategy !== undefined) {
    next.strategyId =
      edits.strategy === null ? null : ((await repo.findStrategyId(db, edits.strategy))?.id ?? '');
    if (next.strategyId === '')
      errors.push({ path: '/body/strategy', code: 'unknown', message: `unknown strategy ${edits.strategy}` });
    if (edits.node === undefined) next.nodeId = null;
  }
  if (edits.node !== undefined) {
    if (edits.node === null) next.nodeId = null;
    else if (!next.strategyId) {
      errors.push({ path: '/body/node', code: 'required', message: 'a node needs the call’s strategy' });
    } else {
      next.nodeId = (await repo.findNodeId(db, next.strategyId, edits.node))?.id ?? '';
      if (next.nodeId === '')
        errors.push({ path: '/body/node', code: 'unknown', message: `no node ${edits.node}` });
    }
  }
  if (next.scaleMax <= next.scaleMin) {
    errors.push({
      path: '/body/scaleMax',
      code: 'out_of_range',
      message: 'the scale’s top must exceed its bottom',
    });
  }
  if (next.opensAt && next.closesAt && new Date(next.closesAt) <= new Date(next.opensAt)) {
    errors.push({ path: '/body/closesAt', code: 'before_opening', message: 'a call closes after it opens' });
  }
  const codes = (edits.criteria ?? []).map((c) => c.code);
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i)
      errors.push({
        path: `/body/criteria/${i}/code`,
        code: 'duplicate',
        message: `criterion ${code} twice`,
      });
  });
  return next;
}

const EMPTY: repo.CallFields = {
  title: {},
  description: null,
  eligibility: null,
  themes: [],
  organizerId: null,
  strategyId: null,
  nodeId: null,
  scaleMin: 0,
  scaleMax: 10,
  opensAt: null,
  closesAt: null,
};

const fieldsOf = (row: repo.CallRow): repo.CallFields => ({
  title: row.title,
  description: row.description,
  eligibility: row.eligibility,
  themes: row.themes,
  organizerId: row.organizerId,
  strategyId: row.strategyId,
  nodeId: row.nodeId,
  scaleMin: row.scaleMin,
  scaleMax: row.scaleMax,
  opensAt: row.opensAt,
  closesAt: row.closesAt,
});

/** Creates a call as a draft, with its criteria. */
export async function createCall(ctx: Ctx, input: CallInput): Promise<Call> {
  requirePermission(ctx.actor, 'calls.manage');
  return ctx.db.tx(async (tx) => {
    const errors: FieldError[] = [];
    if (await repo.findCall(tx, input.code)) {
      errors.push({ path: '/body/code', code: 'duplicate', message: 'this code is already used' });
    }
    const { code, criteria, ...edits } = input;
    const fields = await applyEdits(tx, EMPTY, { ...edits, criteria }, errors);
    if (errors.length) throw invalid(errors);
    const id = await repo.insertCall(tx, code, fields);
    if (criteria) await repo.replaceCriteria(tx, id, criteria);
    const created = await present(tx, (await repo.findCall(tx, code))!);
    await recordAudit(tx, ctx.actor, {
      action: 'call.create',
      subjectType: 'call',
      subjectId: id,
      after: created,
    });
    return created;
  });
}

async function loadForChange(ctx: Ctx, tx: Queryable, code: string, version: number) {
  const row = await loadCall(ctx, tx, code, true);
  const before = await present(tx, row);
  if (row.version !== version) throw versionConflict(before);
  return { row, before };
}

/** Edits a call. Criteria and scale are frozen once a juror has scored (they would change past scores' meaning). */
export async function updateCall(ctx: Ctx, code: string, patch: CallPatch): Promise<Call> {
  requirePermission(ctx.actor, 'calls.manage');
  return ctx.db.tx(async (tx) => {
    const { row, before } = await loadForChange(ctx, tx, code, patch.version);
    if (row.isHistorical)
      throw new AppError('call.historical', 409, 'A historical call is kept as published');
    const { version: _v, ...edits } = patch;
    const errors: FieldError[] = [];
    const fields = await applyEdits(tx, fieldsOf(row), edits, errors);
    if (errors.length) throw invalid(errors);
    const rescoring =
      edits.criteria !== undefined || edits.scaleMin !== undefined || edits.scaleMax !== undefined;
    if (rescoring && row.state !== 'draft' && row.state !== 'open') {
      throw new AppError('call.criteria_frozen', 409, 'Criteria and scale are fixed once the call is closed');
    }
    await repo.updateCall(tx, row.id, fields);
    if (edits.criteria) await repo.replaceCriteria(tx, row.id, edits.criteria);
    const after = await present(tx, (await repo.findCall(tx, row.code))!);
    await recordAudit(tx, ctx.actor, {
      action: 'call.update',
      subjectType: 'call',
      subjectId: row.id,
      before,
      after,
    });
    return after;
  });
}

/** Opens a draft call to applicants: it needs criteria and a closing date in the future. */
export async function openCall(ctx: Ctx, code: string, version: number): Promise<Call> {
  requirePermission(ctx.actor, 'calls.manage');
  return ctx.db.tx(async (tx) => {
    const { row, before } = await loadForChange(ctx, tx, code, version);
    if (row.state !== 'draft')
      throw new AppError('call.wrong_state', 409, `The call is ${row.state}`, { state: row.state });
    const errors: FieldError[] = [];
    if ((await repo.findCriteria(tx, row.id)).length === 0)
      errors.push({
        path: '/body/criteria',
        code: 'required',
        message: 'a call needs criteria before it opens',
      });
    if (!row.closesAt || new Date(row.closesAt) <= new Date())
      errors.push({
        path: '/body/closesAt',
        code: 'required',
        message: 'a call needs a closing date in the future',
      });
    if (errors.length) throw invalid(errors, 'The call cannot open yet');
    await repo.setCallState(tx, row.id, 'open');
    const after = await present(tx, (await repo.findCall(tx, row.code))!);
    await recordAudit(tx, ctx.actor, {
      action: 'call.open',
      subjectType: 'call',
      subjectId: row.id,
      before,
      after,
    });
    return after;
  });
}

/** Marks a closed call as decided: every submitted submission has a decision by then. */
export async function markDecided(ctx: Ctx, code: string, version: number): Promise<Call> {
  requirePermission(ctx.actor, 'calls.manage');
  return ctx.db.tx(async (tx) => {
    const { row, before } = await loadForChange(ctx, tx, code, version);
    if (row.state !== 'closed')
      throw new AppError('call.wrong_state', 409, `The call is ${row.state}`, { state: row.state });
    const open = await tx.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM call_submissions WHERE call_id = $1 AND state = 'submitted' AND decision IS NULL`,
      [row.id],
    );
    if (open.n > 0)
      throw new AppError('call.undecided', 409, `${open.n} submission(s) still without a decision`, {
        undecided: open.n,
      });
    await repo.setCallState(tx, row.id, 'decided');
    const after = await present(tx, (await repo.findCall(tx, row.code))!);
    await recordAudit(tx, ctx.actor, {
      action: 'call.decide',
      subjectType: 'call',
      subjectId: row.id,
      before,
      after,
    });
    return after;
  });
}

export const CLOSE_JOB = 'calls.close';

/**
 * The closing job: flips every open call past its closing time to closed and mails the strategy office. The
 * server refuses late submissions on its own (by the database clock); this job only makes the state say so.
 */
export async function closeExpiredCalls(deps: { db: Db; config: Config }): Promise<string[]> {
  const base = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  return deps.db.tx(async (tx) => {
    const closed = await repo.closeExpiredCalls(tx);
    if (closed.length === 0) return [];
    const office = await repo.findStrategyOffice(tx);
    for (const call of closed) {
      const { submitted } = await repo.countSubmissions(tx, call.id);
      await recordAudit(
        tx,
        { kind: 'system', reason: 'closing date reached' },
        {
          action: 'call.close',
          subjectType: 'call',
          subjectId: call.id,
          after: { state: 'closed', submitted },
        },
      );
      for (const user of office) {
        await queueCallMail(
          tx,
          'closed',
          user.email,
          user.locale,
          { callTitle: call.title, count: submitted, link: `${base}/app/calls/${call.code}` },
          `call.closed:${call.id}:${user.id}`,
        );
      }
    }
    return closed.map((c) => c.code);
  });
}

// ——— jurors

/** Gives a user a jury membership on the call (idempotent). */
export async function addJuror(ctx: Ctx, code: string, username: string) {
  requirePermission(ctx.actor, 'calls.manage');
  return ctx.db.tx(async (tx) => {
    const call = await loadCall(ctx, tx, code, true);
    const user = await repo.findUserByUsername(tx, username);
    if (!user)
      throw invalid([{ path: '/body/username', code: 'unknown', message: `no active user ${username}` }]);
    if (await repo.insertJuror(tx, call.id, user.id)) {
      await recordAudit(tx, ctx.actor, {
        action: 'call.juror.add',
        subjectType: 'call',
        subjectId: call.id,
        after: { juror: user.username },
      });
    }
    return { items: await repo.findJurors(tx, call.id) };
  });
}

export async function listJurors(ctx: Ctx, code: string) {
  requirePermission(ctx.actor, 'calls.manage');
  const call = await loadCall(ctx, ctx.db, code);
  return { items: await repo.findJurors(ctx.db, call.id) };
}
