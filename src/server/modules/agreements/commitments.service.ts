import { checkShares } from '../../../domain/agreements';
import { requirePermission } from '../../access/permissions';
import type { Tx } from '../../db/pool';
import { type FieldError, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './agreements.repo';
import type { Agreement, AttributionsInput, CommitmentInput, CommitmentPatch } from './agreements.schema';
import { loadAgreement } from './agreements.service';
import * as commitments from './commitments.repo';
import { commitmentFields } from './commitments.rules';

async function loadParent(tx: Tx, code: string) {
  const agreement = await repo.findAgreementByCode(tx, code, true);
  if (!agreement) throw notFound('agreement');
  return agreement;
}

/** Loads a commitment for a change: 404 when unknown, 409 with the agreement when `version` is stale. */
async function loadCommitment(ctx: Ctx, tx: Tx, code: string, commitmentCode: string, version: number) {
  const agreement = await loadParent(tx, code);
  const row = await commitments.findCommitment(tx, agreement.id, commitmentCode, true);
  if (!row) throw notFound('commitment');
  if (row.version !== version) throw versionConflict(await loadAgreement(ctx, tx, code));
  return { agreement, row };
}

/** Adds a commitment to an agreement (returns the agreement). */
export async function addCommitment(ctx: Ctx, code: string, input: CommitmentInput): Promise<Agreement> {
  requirePermission(ctx.actor, 'agreements.manage');
  return ctx.db.tx(async (tx) => {
    const agreement = await loadParent(tx, code);
    const errors: FieldError[] = [];
    if (await commitments.findCommitment(tx, agreement.id, input.code)) {
      errors.push({
        path: '/body/code',
        code: 'duplicate',
        message: 'this code is already used in the agreement',
      });
    }
    const fields = await commitmentFields(tx, input, agreement.signedOn, '/body', errors);
    if (errors.length) throw invalid(errors);
    const id = await commitments.insertCommitment(tx, agreement.id, input.code, fields);
    const after = await loadAgreement(ctx, tx, code);
    await recordAudit(tx, ctx.actor, {
      action: 'commitment.create',
      subjectType: 'commitment',
      subjectId: id,
      after: after.commitments.find((c) => c.id === id),
    });
    return after;
  });
}

/** Edits a commitment (returns the agreement). */
export async function updateCommitment(
  ctx: Ctx,
  code: string,
  commitmentCode: string,
  patch: CommitmentPatch,
): Promise<Agreement> {
  requirePermission(ctx.actor, 'agreements.manage');
  return ctx.db.tx(async (tx) => {
    const { agreement, row } = await loadCommitment(ctx, tx, code, commitmentCode, patch.version);
    const { version: _version, ...changes } = patch;
    const errors: FieldError[] = [];
    const merged = {
      party: row.partyCode,
      metric: row.metric,
      value: row.value,
      qualifier: row.qualifier,
      dueYear: row.dueYear,
      description: row.description,
      source: row.source,
      ...changes,
    } as Omit<CommitmentInput, 'code'>;
    const fields = await commitmentFields(tx, merged, agreement.signedOn, '/body', errors);
    if (errors.length) throw invalid(errors);
    const before = (await loadAgreement(ctx, tx, code)).commitments.find((c) => c.id === row.id);
    await commitments.updateCommitment(tx, row.id, fields);
    const after = await loadAgreement(ctx, tx, code);
    await recordAudit(tx, ctx.actor, {
      action: 'commitment.update',
      subjectType: 'commitment',
      subjectId: row.id,
      before,
      after: after.commitments.find((c) => c.id === row.id),
    });
    return after;
  });
}

/** Soft-deletes a commitment (its realisations go with it from every total). */
export async function deleteCommitment(ctx: Ctx, code: string, commitmentCode: string, version: number) {
  requirePermission(ctx.actor, 'agreements.manage');
  return ctx.db.tx(async (tx) => {
    const { row } = await loadCommitment(ctx, tx, code, commitmentCode, version);
    const before = (await loadAgreement(ctx, tx, code)).commitments.find((c) => c.id === row.id);
    await commitments.softDeleteCommitment(tx, row.id);
    await recordAudit(tx, ctx.actor, {
      action: 'commitment.delete',
      subjectType: 'commitment',
      subjectId: row.id,
      before,
    });
    return loadAgreement(ctx, tx, code);
  });
}

/**
 * Replaces the shares of a commitment credited to plan nodes. Shares are in (0, 1], each node once, and sum to
 * at most 1, so that no roll-up counts a job twice; the whole list is refused otherwise.
 */
export async function setAttributions(
  ctx: Ctx,
  code: string,
  commitmentCode: string,
  input: AttributionsInput,
): Promise<Agreement> {
  requirePermission(ctx.actor, 'agreements.manage');
  return ctx.db.tx(async (tx) => {
    const { row } = await loadCommitment(ctx, tx, code, commitmentCode, input.version);
    const errors: FieldError[] = [];
    const nodeIds = await repo.findNodeIds(
      tx,
      input.items.map((i) => ({ strategy: i.strategy, code: i.node })),
    );
    input.items.forEach((item, i) => {
      if (!nodeIds.has(`${item.strategy}/${item.node}`)) {
        errors.push({
          path: `/body/items/${i}/node`,
          code: 'unknown',
          message: `no node ${item.node} in ${item.strategy}`,
        });
      }
    });
    const keyed = input.items.map((i) => ({ node: `${i.strategy}/${i.node}`, share: i.share }));
    for (const problem of checkShares(keyed)) {
      if (problem.index === null) {
        errors.push({
          path: '/body/items',
          code: 'over_100',
          message: 'the shares add up to more than 100 %',
        });
      } else {
        const field = problem.code === 'duplicate' ? 'node' : 'share';
        const message =
          problem.code === 'duplicate' ? 'a node is credited once' : 'a share is above 0 and at most 1';
        errors.push({ path: `/body/items/${problem.index}/${field}`, code: problem.code, message });
      }
    }
    if (errors.length) throw invalid(errors);
    const before = (await loadAgreement(ctx, tx, code)).commitments.find(
      (c) => c.id === row.id,
    )?.attributions;
    await commitments.replaceAttributions(
      tx,
      row.id,
      input.items.map((i) => ({ nodeId: nodeIds.get(`${i.strategy}/${i.node}`)!, share: i.share })),
    );
    await commitments.bumpCommitmentVersion(tx, row.id);
    const after = await loadAgreement(ctx, tx, code);
    await recordAudit(tx, ctx.actor, {
      action: 'commitment.attribute',
      subjectType: 'commitment',
      subjectId: row.id,
      before,
      after: after.commitments.find((c) => c.id === row.id)?.attributions,
    });
    return after;
  });
}
