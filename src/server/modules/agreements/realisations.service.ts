import { isValidPeriod, periodEnd } from '../../../domain/periods';
import { actorUserId } from '../../access/actor';
import { authorize, can, requirePermission } from '../../access/permissions';
import { AppError, type FieldError, invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import { canSeePending } from './agreements.policy';
import * as repo from './agreements.repo';
import type { Realisation, RealisationInput, RealisationPatch, VerificationInput } from './agreements.schema';
import { presentRealisation } from './agreements.view';
import * as commitments from './commitments.repo';

/** One realisation: public once verified; before that, 404 to all but its party and the strategy office. */
export async function getRealisation(ctx: Ctx, id: string): Promise<Realisation> {
  const row = await commitments.findRealisation(ctx.db, id);
  if (!row || (row.state !== 'verified' && !canSeePending(ctx.actor, row.partyId)))
    throw notFound('realisation');
  return presentRealisation(ctx.actor, row);
}

/**
 * Reports what a party delivered for one period against one of its commitments. A reporter reports for its
 * own organization (or one below it) only; the strategy office for anyone. The figure waits, `reported`, until
 * the strategy office verifies it: only then does it count as achieved.
 */
export async function reportRealisation(ctx: Ctx, input: RealisationInput): Promise<Realisation> {
  requirePermission(ctx.actor, 'agreements.report');
  return ctx.db.tx(async (tx) => {
    const errors: FieldError[] = [];
    const agreement = await repo.findAgreementByCode(tx, input.agreement);
    const commitment = agreement
      ? await commitments.findCommitment(tx, agreement.id, input.commitment)
      : null;
    if (!agreement) {
      errors.push({ path: '/body/agreement', code: 'unknown', message: `no agreement ${input.agreement}` });
    } else if (!commitment) {
      errors.push({
        path: '/body/commitment',
        code: 'unknown',
        message: `no commitment ${input.commitment} in ${agreement.code}`,
      });
    }
    if (!isValidPeriod(input.period)) {
      errors.push({
        path: '/body/period',
        code: 'invalid_period',
        message: `${input.period} is not a period`,
      });
    } else if (agreement?.signedOn && periodEnd(input.period) < agreement.signedOn) {
      errors.push({
        path: '/body/period',
        code: 'before_signing',
        message: 'the period ended before the signing',
      });
    }
    if (errors.length) throw invalid(errors);
    // Commitments are public: another organization's reporter can read it but not act on it.
    authorize(true, can(ctx.actor, 'agreements.report', commitment!.partyId), 'commitment');
    const id = await commitments.insertRealisation(tx, {
      commitmentId: commitment!.id,
      period: input.period,
      periodEnd: periodEnd(input.period),
      value: input.value,
      evidence: input.evidence ?? [],
      note: input.note ?? null,
      reportedBy: actorUserId(ctx.actor),
    });
    const created = presentRealisation(ctx.actor, (await commitments.findRealisation(tx, id))!);
    await recordAudit(tx, ctx.actor, {
      action: 'realisation.report',
      subjectType: 'realisation',
      subjectId: id,
      after: created,
    });
    return created;
  });
}

/**
 * The strategy office verifies a reported figure (it then counts as achieved) or disputes it, saying why.
 * A verified figure can still be disputed later, and a disputed one verified, each with its audit event.
 */
export async function verifyRealisation(
  ctx: Ctx,
  id: string,
  input: VerificationInput,
): Promise<Realisation> {
  requirePermission(ctx.actor, 'agreements.verify');
  return ctx.db.tx(async (tx) => {
    const row = await commitments.findRealisation(tx, id, true);
    if (!row || (row.state !== 'verified' && !canSeePending(ctx.actor, row.partyId)))
      throw notFound('realisation');
    authorize(true, can(ctx.actor, 'agreements.verify', row.partyId), 'realisation');
    const before = presentRealisation(ctx.actor, row);
    if (row.version !== input.version) throw versionConflict(before);
    const note = input.note?.trim() || null;
    if (input.state === 'disputed' && !note) {
      throw invalid([{ path: '/body/note', code: 'required', message: 'say why the figure is disputed' }]);
    }
    await commitments.setVerification(tx, id, { state: input.state, by: actorUserId(ctx.actor), note });
    const after = presentRealisation(ctx.actor, (await commitments.findRealisation(tx, id))!);
    await recordAudit(tx, ctx.actor, {
      action: `realisation.${input.state === 'verified' ? 'verify' : 'dispute'}`,
      subjectType: 'realisation',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * The party corrects a figure the strategy office has not verified (e.g. after a dispute): it goes back to
 * `reported` and waits for verification again. A verified figure is locked (409).
 */
export async function amendRealisation(ctx: Ctx, id: string, patch: RealisationPatch): Promise<Realisation> {
  requirePermission(ctx.actor, 'agreements.report');
  return ctx.db.tx(async (tx) => {
    const row = await commitments.findRealisation(tx, id, true);
    if (!row || (row.state !== 'verified' && !canSeePending(ctx.actor, row.partyId)))
      throw notFound('realisation');
    authorize(true, can(ctx.actor, 'agreements.report', row.partyId), 'realisation');
    const before = presentRealisation(ctx.actor, row);
    if (row.version !== patch.version) throw versionConflict(before);
    if (row.state === 'verified')
      throw new AppError('realisation_verified', 409, 'A verified figure cannot be changed');
    const period = patch.period ?? row.period;
    if (!isValidPeriod(period)) {
      throw invalid([{ path: '/body/period', code: 'invalid_period', message: `${period} is not a period` }]);
    }
    await commitments.amendRealisation(tx, id, {
      period,
      periodEnd: periodEnd(period),
      value: patch.value ?? row.value,
      evidence: patch.evidence ?? row.evidence,
      note: patch.note === undefined ? row.note : patch.note,
    });
    const after = presentRealisation(ctx.actor, (await commitments.findRealisation(tx, id))!);
    await recordAudit(tx, ctx.actor, {
      action: 'realisation.amend',
      subjectType: 'realisation',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}
