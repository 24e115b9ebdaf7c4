import { totalsByMetric } from '../../../domain/agreements';
import { requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { type FieldError, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './agreements.repo';
import type { Agreement, AgreementInput, AgreementPatch, AgreementQuery } from './agreements.schema';
import { figuresOf, presentAgreements } from './agreements.view';
import * as commitments from './commitments.repo';
import { checkDueYear, commitmentFields } from './commitments.rules';

export const today = () => new Date().toISOString().slice(0, 10);

/** Agreements matching the filters, each complete, and the totals per metric over all of them (public). */
export async function listAgreements(ctx: Ctx, query: AgreementQuery) {
  const rows = await repo.findAgreements(ctx.db, query);
  const items = await presentAgreements(ctx.db, ctx.actor, rows, {
    metric: query.metric,
    asOf: query.asOf ?? today(),
  });
  return {
    items,
    totals: await totalsOver(
      ctx.db,
      rows.map((r) => r.id),
      query.metric,
    ),
  };
}

async function totalsOver(db: Queryable, agreementIds: string[], metric?: string) {
  const rows = await commitments.findCommitmentsOf(db, agreementIds, metric);
  const realisations = await commitments.findRealisationsOf(
    db,
    rows.map((c) => c.id),
  );
  return totalsByMetric(
    rows.map((c) =>
      figuresOf(
        c,
        realisations.filter((r) => r.commitmentId === c.id),
      ),
    ),
  );
}

/** One agreement, complete (public). */
export async function getAgreement(ctx: Ctx, code: string, asOf = today()): Promise<Agreement> {
  return loadAgreement(ctx, ctx.db, code, asOf);
}

export async function loadAgreement(
  ctx: Ctx,
  db: Queryable,
  code: string,
  asOf = today(),
): Promise<Agreement> {
  const row = await repo.findAgreementByCode(db, code);
  if (!row) throw notFound('agreement');
  const [agreement] = await presentAgreements(db, ctx.actor, [row], { asOf });
  return agreement!;
}

type Fields = Omit<AgreementInput, 'code' | 'commitments'>;

/** Checks an agreement's fields, resolves its parties and nodes; every fault lands in `errors`. */
async function resolveFields(db: Queryable, input: Fields, errors: FieldError[]) {
  if (input.parties.length === 0) {
    errors.push({
      path: '/body/parties',
      code: 'required',
      message: 'an agreement needs at least one party',
    });
  }
  const orgIds = await repo.findOrganizationIds(
    db,
    input.parties.map((p) => p.organization),
  );
  const parties = input.parties.map((p, i) => {
    const organizationId = orgIds.get(p.organization.toLowerCase());
    if (!organizationId) {
      errors.push({
        path: `/body/parties/${i}/organization`,
        code: 'unknown',
        message: `unknown organization ${p.organization}`,
      });
    }
    return { organizationId: organizationId ?? '', role: p.role ?? 'partner' };
  });
  if (new Set(parties.map((p) => p.organizationId)).size < parties.length) {
    errors.push({ path: '/body/parties', code: 'duplicate', message: 'an organization is a party once' });
  }
  const refs = input.nodes ?? [];
  const nodeIds = await repo.findNodeIds(db, refs);
  refs.forEach((ref, i) => {
    if (!nodeIds.has(`${ref.strategy}/${ref.code}`)) {
      errors.push({
        path: `/body/nodes/${i}`,
        code: 'unknown',
        message: `no node ${ref.code} in ${ref.strategy}`,
      });
    }
  });
  if (input.regionCode && !(await repo.isRegion(db, input.regionCode))) {
    errors.push({
      path: '/body/regionCode',
      code: 'unknown',
      message: `${input.regionCode} is not a region`,
    });
  }
  const fields: repo.AgreementFields = {
    kind: input.kind,
    title: input.title as Record<string, string>,
    scope: (input.scope ?? null) as Record<string, string> | null,
    signedOn: input.signedOn ?? null,
    signedOnText: input.signedOnText ?? null,
    event: input.event ?? null,
    signingPlace: input.signingPlace ?? null,
    place: input.place ?? null,
    regionCode: input.regionCode ?? null,
    documents: input.documents ?? [],
    sources: (input.sources ?? []) as Record<string, unknown>[],
  };
  return { fields, parties, nodeIds: [...nodeIds.values()] };
}

/** Creates an agreement with its parties, nodes and first commitments, all or nothing. */
export async function createAgreement(ctx: Ctx, input: AgreementInput): Promise<Agreement> {
  requirePermission(ctx.actor, 'agreements.manage');
  return ctx.db.tx(async (tx) => {
    const errors: FieldError[] = [];
    if (await repo.findAgreementByCode(tx, input.code)) {
      errors.push({ path: '/body/code', code: 'duplicate', message: 'this code is already used' });
    }
    const { commitments: list = [], code, ...rest } = input;
    const { fields, parties, nodeIds } = await resolveFields(tx, rest, errors);
    const codes = new Set<string>();
    const resolved = [];
    for (const [i, c] of list.entries()) {
      if (codes.has(c.code.toLowerCase())) {
        errors.push({
          path: `/body/commitments/${i}/code`,
          code: 'duplicate',
          message: 'a commitment code is used once',
        });
      }
      codes.add(c.code.toLowerCase());
      resolved.push({
        code: c.code,
        fields: await commitmentFields(tx, c, fields.signedOn, `/body/commitments/${i}`, errors),
      });
    }
    if (errors.length) throw invalid(errors);
    const id = await repo.insertAgreement(tx, code, fields);
    await repo.replaceParties(tx, id, parties);
    await repo.replaceNodes(tx, id, nodeIds);
    for (const c of resolved) await commitments.insertCommitment(tx, id, c.code, c.fields);
    const created = await loadAgreement(ctx, tx, code);
    await recordAudit(tx, ctx.actor, {
      action: 'agreement.create',
      subjectType: 'agreement',
      subjectId: id,
      after: created,
    });
    return created;
  });
}

/** Edits an agreement's own fields, parties and nodes; a stale version gets 409 and changes nothing. */
export async function updateAgreement(ctx: Ctx, code: string, patch: AgreementPatch): Promise<Agreement> {
  requirePermission(ctx.actor, 'agreements.manage');
  return ctx.db.tx(async (tx) => {
    const row = await repo.findAgreementByCode(tx, code, true);
    if (!row) throw notFound('agreement');
    const before = await loadAgreement(ctx, tx, code);
    if (row.version !== patch.version) throw versionConflict(before);
    const { version: _version, ...changes } = patch;
    const merged: Fields = {
      ...before,
      parties: before.parties.map((p) => ({ organization: p.code, role: p.role })),
      nodes: before.nodes.map(({ strategy, code: node }) => ({ strategy, code: node })),
      ...changes,
    } as Fields;
    const errors: FieldError[] = [];
    const { fields, parties, nodeIds } = await resolveFields(tx, merged, errors);
    if (fields.signedOn !== row.signedOn) {
      for (const c of before.commitments) checkDueYear(c.dueYear, fields.signedOn, '/body/signedOn', errors);
    }
    if (errors.length)
      throw invalid(errors.filter((e, i) => errors.findIndex((f) => f.path === e.path) === i));
    await repo.updateAgreement(tx, row.id, fields);
    await repo.replaceParties(tx, row.id, parties);
    await repo.replaceNodes(tx, row.id, nodeIds);
    const after = await loadAgreement(ctx, tx, code);
    await recordAudit(tx, ctx.actor, {
      action: 'agreement.update',
      subjectType: 'agreement',
      subjectId: row.id,
      before,
      after,
    });
    return after;
  });
}

/** Soft-deletes an agreement and its commitments. */
export async function deleteAgreement(ctx: Ctx, code: string, version: number): Promise<void> {
  requirePermission(ctx.actor, 'agreements.manage');
  await ctx.db.tx(async (tx) => {
    const row = await repo.findAgreementByCode(tx, code, true);
    if (!row) throw notFound('agreement');
    const before = await loadAgreement(ctx, tx, code);
    if (row.version !== version) throw versionConflict(before);
    await repo.softDeleteAgreement(tx, row.id);
    await recordAudit(tx, ctx.actor, {
      action: 'agreement.delete',
      subjectType: 'agreement',
      subjectId: row.id,
      before,
    });
  });
}
