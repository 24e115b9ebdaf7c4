import { actorUserId } from '../../access/actor';
import { can, requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { AppError, type FieldError, forbidden, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { getBudget } from '../budget/budget.service';
import { getNode } from '../strategy/nodes.service';
import * as repo from './consultation.repo';
import type { Proposal, ProposalInput, ResponseInput } from './consultation.schema';

// Consultation: organizations put proposals to the strategy, others endorse (one endorsement per organization)
// and comment, the ministry answers each one (accepted, modified or rejected, with the reason) and links the
// plan nodes it became. Proposals are public; a signed-in user speaks only for the organizations its grants cover.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

async function present(db: Queryable, row: repo.ProposalRow): Promise<Proposal> {
  const [endorsements, comments, nodes] = await Promise.all([
    repo.findEndorsements(db, row.id),
    repo.findComments(db, row.id),
    repo.findLinkedNodes(db, row.id),
  ]);
  return {
    code: row.code,
    title: row.title,
    body: row.body,
    lang: row.lang,
    organization: row.organization,
    coauthors: row.coauthors,
    strategy: row.strategy,
    submittedOn: row.submittedOn,
    endorsements: endorsements.map((e) => ({ organization: e.organization, at: iso(e.at)! })),
    comments: comments.map((c) => ({ ...c, at: iso(c.at)! })),
    response: row.response
      ? { decision: row.response, reason: row.responseReason!, at: iso(row.respondedAt)! }
      : null,
    nodes,
    source: row.source as Proposal['source'],
    version: row.version,
  };
}

async function load(db: Queryable, code: string, lock = false) {
  const row = await repo.findProposal(db, code, lock);
  if (!row) throw notFound('proposal');
  return row;
}

export async function listProposals(ctx: Ctx, filter: { strategy?: string; answered?: boolean }) {
  const rows = await repo.findProposals(ctx.db, filter);
  return Promise.all(rows.map((row) => present(ctx.db, row)));
}

export async function getProposal(ctx: Ctx, code: string) {
  return present(ctx.db, await load(ctx.db, code));
}

/** The organization the actor speaks for: 400 when unknown, 403 when outside the actor's grants. */
async function actingFor(ctx: Ctx, db: Queryable, code: string, path = '/body/organization') {
  const [org] = await repo.findOrganizations(db, [code]);
  if (!org) throw invalid([{ path, code: 'unknown', message: `unknown organization ${code}` }]);
  if (!can(ctx.actor, 'consultation.propose', org.id)) throw forbidden(`You do not speak for ${org.code}`);
  return org;
}

/** Submits a proposal on behalf of an organization the author belongs to. */
export async function submitProposal(ctx: Ctx, input: ProposalInput) {
  requirePermission(ctx.actor, 'consultation.propose');
  return ctx.db.tx(async (tx) => {
    const org = await actingFor(ctx, tx, input.organization);
    const errors: FieldError[] = [];
    if (await repo.findProposal(tx, input.code)) {
      errors.push({ path: '/body/code', code: 'duplicate', message: 'this code is already used' });
    }
    const coauthorCodes = (input.coauthors ?? []).filter((c) => c.toLowerCase() !== org.code.toLowerCase());
    const coauthors = await repo.findOrganizations(tx, coauthorCodes);
    coauthorCodes.forEach((c, i) => {
      if (!coauthors.some((o) => o.code.toLowerCase() === c.toLowerCase()))
        errors.push({ path: `/body/coauthors/${i}`, code: 'unknown', message: `unknown organization ${c}` });
    });
    const strategy = input.strategy ? await repo.findStrategyId(tx, input.strategy) : null;
    if (input.strategy && !strategy)
      errors.push({ path: '/body/strategy', code: 'unknown', message: `unknown strategy ${input.strategy}` });
    if (errors.length) throw invalid(errors);
    const id = await repo.insertProposal(tx, {
      code: input.code,
      title: input.title,
      body: input.body ?? null,
      lang: input.lang ?? 'fr',
      organizationId: org.id,
      authorId: actorUserId(ctx.actor),
      strategyId: strategy?.id ?? null,
    });
    const ordered = coauthorCodes.map(
      (c) => coauthors.find((o) => o.code.toLowerCase() === c.toLowerCase())!.id,
    );
    await repo.insertCoauthors(tx, id, ordered);
    const created = await present(tx, (await repo.findProposal(tx, input.code))!);
    await recordAudit(tx, ctx.actor, {
      action: 'proposal.submit',
      subjectType: 'proposal',
      subjectId: id,
      after: created,
    });
    return created;
  });
}

/** One endorsement per organization; the authors do not endorse their own proposal. */
export async function endorseProposal(ctx: Ctx, code: string, organization: string) {
  requirePermission(ctx.actor, 'consultation.propose');
  return ctx.db.tx(async (tx) => {
    const row = await load(tx, code, true);
    const org = await actingFor(ctx, tx, organization);
    if (org.code === row.organization || row.coauthors.includes(org.code)) {
      throw new AppError('proposal.own', 409, 'An author does not endorse its own proposal');
    }
    if (!(await repo.insertEndorsement(tx, row.id, org.id, actorUserId(ctx.actor)))) {
      throw new AppError('proposal.already_endorsed', 409, `${org.code} endorsed this proposal already`, {}, [
        { path: '/body/organization', code: 'duplicate', message: 'one endorsement per organization' },
      ]);
    }
    await recordAudit(tx, ctx.actor, {
      action: 'proposal.endorse',
      subjectType: 'proposal',
      subjectId: row.id,
      after: { organization: org.code },
    });
    return present(tx, row);
  });
}

export async function commentProposal(ctx: Ctx, code: string, input: { organization: string; body: string }) {
  requirePermission(ctx.actor, 'consultation.propose');
  return ctx.db.tx(async (tx) => {
    const row = await load(tx, code);
    const org = await actingFor(ctx, tx, input.organization);
    const body = input.body.trim();
    if (!body) throw invalid([{ path: '/body/body', code: 'required', message: 'a comment needs text' }]);
    const id = await repo.insertComment(tx, row.id, org.id, actorUserId(ctx.actor), body);
    await recordAudit(tx, ctx.actor, {
      action: 'proposal.comment',
      subjectType: 'proposal',
      subjectId: row.id,
      after: { comment: id, organization: org.code },
    });
    return present(tx, row);
  });
}

/**
 * The ministry's answer: accepted or modified proposals name the plan nodes they became, a rejected one names
 * none; the reason is required. Version-checked, so two answers cannot cross; a later answer replaces it.
 */
export async function answerProposal(ctx: Ctx, code: string, input: ResponseInput) {
  requirePermission(ctx.actor, 'consultation.answer');
  return ctx.db.tx(async (tx) => {
    const row = await load(tx, code, true);
    if (row.version !== input.version) throw versionConflict(await present(tx, row));
    const errors: FieldError[] = [];
    const nodes = input.nodes ?? [];
    if (Object.values(input.reason).every((v) => !v?.trim()))
      errors.push({ path: '/body/reason', code: 'required', message: 'the answer gives its reason' });
    if (input.decision !== 'rejected' && nodes.length === 0)
      errors.push({
        path: '/body/nodes',
        code: 'required',
        message: 'name the plan nodes the proposal became',
      });
    if (input.decision === 'rejected' && nodes.length > 0)
      errors.push({
        path: '/body/nodes',
        code: 'not_allowed',
        message: 'a rejected proposal became no node',
      });
    const nodeIds: string[] = [];
    for (const [i, ref] of nodes.entries()) {
      const node = await repo.findNode(tx, ref.strategy, ref.node);
      if (!node)
        errors.push({
          path: `/body/nodes/${i}`,
          code: 'unknown',
          message: `no node ${ref.strategy}/${ref.node}`,
        });
      else nodeIds.push(node.id);
    }
    if (errors.length) throw invalid(errors);
    const before = await present(tx, row);
    await repo.saveResponse(tx, row.id, {
      decision: input.decision,
      reason: input.reason,
      userId: actorUserId(ctx.actor),
      nodeIds,
    });
    const after = await present(tx, (await repo.findProposal(tx, row.code))!);
    await recordAudit(tx, ctx.actor, {
      action: 'proposal.answer',
      subjectType: 'proposal',
      subjectId: row.id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Follows an answered proposal to what it became: the plan nodes, each with its indicators, projects and the
 * budget recorded on it (through the strategy and budget services). Public; an unanswered proposal has no trace.
 */
export async function traceProposal(ctx: Ctx, code: string) {
  const row = await load(ctx.db, code);
  if (!row.response) throw notFound('answer to this proposal');
  const budgets = new Map<string, Awaited<ReturnType<typeof getBudget>>>();
  const nodes = [];
  for (const link of await repo.findLinkedNodes(ctx.db, row.id)) {
    const node = await getNode(ctx, link.strategy, link.node);
    if (!budgets.has(link.strategy))
      budgets.set(link.strategy, await getBudget(ctx, link.strategy, { by: ['node', 'year'] }));
    const budget = budgets.get(link.strategy)!;
    const lines = budget.rows.filter((r) => r.node === link.node);
    nodes.push({
      strategy: link.strategy,
      node: node.code,
      title: node.title,
      level: node.level,
      indicators: node.indicators,
      projects: node.projects.map((p) => ({ code: p.code, title: p.title })),
      budget: {
        currency: budget.currency ?? null,
        total: lines.reduce((sum, r) => sum + r.amount, 0),
        byYear: lines.map((r) => ({ year: r.year!, amount: r.amount })),
      },
    });
  }
  return {
    proposal: {
      code: row.code,
      title: row.title,
      organization: row.organization,
      submittedOn: row.submittedOn,
    },
    response: { decision: row.response, reason: row.responseReason!, at: iso(row.respondedAt)! },
    nodes,
  };
}
