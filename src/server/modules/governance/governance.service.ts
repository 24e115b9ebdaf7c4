import type { Actor } from '../../access/actor';
import { can, requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { AppError, type FieldError, forbidden, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { getStrategy } from '../strategy/strategy.service';
import * as repo from './governance.repo';
import type { Body, BodyInput, BodyPatch } from './governance.schema';

/**
 * Governance spans the whole strategy: only an office holding `strategy.manage` everywhere (not one scoped to
 * an organization) changes it. 401 for the public, 403 for others.
 */
export function requireGovernance(actor: Actor): void {
  requirePermission(actor, 'strategy.manage');
  if (!can(actor, 'strategy.manage'))
    throw forbidden('Governance is managed by an office with a national scope');
}

async function loadDetail(db: Queryable, strategyId: string, code: string): Promise<Body> {
  const body = await repo.findBodyDetail(db, strategyId, code);
  if (!body) throw notFound('governance body');
  return body;
}

type Edits = Omit<BodyPatch, 'version'>;

/** Applies `edits`: organizations and the body reported to, named by code, become ids; loops are refused. */
async function applyEdits(
  db: Queryable,
  strategyId: string,
  current: repo.BodyRow | null,
  edits: Edits,
  errors: FieldError[],
): Promise<{ fields: repo.BodyFields; memberIds: string[] | undefined }> {
  const next: repo.BodyFields = {
    name: edits.name ?? current?.name ?? {},
    kind: edits.kind ?? current?.kind ?? 'other',
    mandate: edits.mandate !== undefined ? edits.mandate : (current?.mandate ?? null),
    chairId: current?.chairId ?? null,
    reportsToId: current?.reportsToId ?? null,
    source: edits.source !== undefined ? edits.source : (current?.source ?? null),
  };
  const orgs = await repo.findOrganizationIds(
    db,
    [edits.chair ?? '', ...(edits.members ?? [])].filter(Boolean),
  );
  if (edits.chair !== undefined) {
    next.chairId = edits.chair === null ? null : (orgs.get(edits.chair.toLowerCase()) ?? null);
    if (edits.chair && !next.chairId) {
      errors.push({ path: '/body/chair', code: 'unknown', message: `unknown organization ${edits.chair}` });
    }
  }
  const memberIds = edits.members?.map((code, i) => {
    const id = orgs.get(code.toLowerCase());
    if (!id)
      errors.push({ path: `/body/members/${i}`, code: 'unknown', message: `unknown organization ${code}` });
    return id ?? '';
  });
  if (edits.reportsTo !== undefined) {
    const target = edits.reportsTo === null ? null : await repo.findBody(db, strategyId, edits.reportsTo);
    next.reportsToId = target?.id ?? null;
    if (edits.reportsTo && !target) {
      errors.push({ path: '/body/reportsTo', code: 'unknown', message: `no body ${edits.reportsTo}` });
    } else if (target && current && (await repo.isSelfOrBelow(db, current.id, target.id))) {
      errors.push({
        path: '/body/reportsTo',
        code: 'cycle',
        message: 'a body cannot report to itself or below',
      });
    }
  }
  return { fields: next, memberIds: memberIds && [...new Set(memberIds)] };
}

async function saveOrganizations(
  tx: Queryable,
  strategyId: string,
  bodyId: string,
  f: repo.BodyFields,
  members?: string[],
) {
  if (members) await repo.replaceMembers(tx, bodyId, members);
  const ids = [...(f.chairId ? [f.chairId] : []), ...(members ?? [])];
  if (ids.length) await repo.linkStrategyOrganizations(tx, strategyId, ids);
}

/** The governance bodies of a strategy with chair, members, reports-to and mandate; public unless a draft. */
export async function listBodies(ctx: Ctx, code: string): Promise<Body[]> {
  const strategy = await getStrategy(ctx, code);
  return repo.findBodies(ctx.db, strategy.id);
}

export async function getBody(ctx: Ctx, code: string, bodyCode: string): Promise<Body> {
  const strategy = await getStrategy(ctx, code);
  return loadDetail(ctx.db, strategy.id, bodyCode);
}

/** Creates a body; its code is unique in the strategy, deleted bodies' codes included. */
export async function createBody(ctx: Ctx, code: string, input: BodyInput): Promise<Body> {
  requireGovernance(ctx.actor);
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    await repo.lockGovernance(tx, strategy.id);
    const errors: FieldError[] = [];
    if (await repo.isCodeTaken(tx, strategy.id, input.code)) {
      errors.push({
        path: '/body/code',
        code: 'duplicate',
        message: 'this code is already used in the strategy',
      });
    }
    const { code: bodyCode, ...edits } = input;
    const { fields, memberIds } = await applyEdits(tx, strategy.id, null, edits, errors);
    if (errors.length) throw invalid(errors);
    const id = await repo.insertBody(tx, strategy.id, bodyCode, fields);
    await saveOrganizations(tx, strategy.id, id, fields, memberIds);
    const created = await loadDetail(tx, strategy.id, bodyCode);
    await recordAudit(tx, ctx.actor, {
      action: 'governance_body.create',
      subjectType: 'governance_body',
      subjectId: id,
      after: created,
    });
    return created;
  });
}

/** Edits a body; a stale `version` gets 409 with the current body and changes nothing. */
export async function updateBody(ctx: Ctx, code: string, bodyCode: string, patch: BodyPatch): Promise<Body> {
  requireGovernance(ctx.actor);
  const strategy = await getStrategy(ctx, code);
  return ctx.db.tx(async (tx) => {
    await repo.lockGovernance(tx, strategy.id);
    const current = await repo.findBody(tx, strategy.id, bodyCode, true);
    if (!current) throw notFound('governance body');
    const before = await loadDetail(tx, strategy.id, bodyCode);
    if (current.version !== patch.version) throw versionConflict(before);
    const { version: _version, ...edits } = patch;
    const errors: FieldError[] = [];
    const { fields, memberIds } = await applyEdits(tx, strategy.id, current, edits, errors);
    if (errors.length) throw invalid(errors);
    await repo.updateBody(tx, current.id, fields);
    await saveOrganizations(tx, strategy.id, current.id, fields, memberIds);
    const after = await loadDetail(tx, strategy.id, bodyCode);
    await recordAudit(tx, ctx.actor, {
      action: 'governance_body.update',
      subjectType: 'governance_body',
      subjectId: current.id,
      before,
      after,
    });
    return after;
  });
}

/** Soft-deletes a body that no other body reports to and no reporting line names. */
export async function deleteBody(ctx: Ctx, code: string, bodyCode: string, version: number): Promise<void> {
  requireGovernance(ctx.actor);
  const strategy = await getStrategy(ctx, code);
  await ctx.db.tx(async (tx) => {
    await repo.lockGovernance(tx, strategy.id);
    const current = await repo.findBody(tx, strategy.id, bodyCode, true);
    if (!current) throw notFound('governance body');
    const before = await loadDetail(tx, strategy.id, bodyCode);
    if (current.version !== version) throw versionConflict(before);
    const uses = await repo.countUses(tx, current.id);
    if (uses.reportingBodies > 0 || uses.reportingLines > 0) {
      throw new AppError(
        'in_use',
        409,
        'Other bodies report to it or it reviews reports; change those first',
        uses,
      );
    }
    await repo.softDeleteBody(tx, current.id);
    await recordAudit(tx, ctx.actor, {
      action: 'governance_body.delete',
      subjectType: 'governance_body',
      subjectId: current.id,
      before,
    });
  });
}
