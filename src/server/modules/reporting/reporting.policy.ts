import type { Actor } from '../../access/actor';
import { actorUserId } from '../../access/actor';
import { can, scopeFilter } from '../../access/permissions';
import { AppError, forbidden } from '../../errors';

/**
 * Who may see and act on reports. The organization ids in which the actor reports, reviews and manages
 * (null = everywhere), as the visibility SQL takes them.
 *
 * Belonging to a body: a user belongs to a governance body when it holds `reporting.review` (the reviewer
 * role) scoped to the body's chair or to one of its member organizations; an unscoped reviewer, strategy office
 * or admin belongs to every body. A reviewer reviews the reports of the organizations whose reporting line
 * names one of its bodies, for the cycle's strategy.
 */
export interface ReportAccess {
  report: string[] | null;
  review: string[] | null;
  manage: string[] | null;
}

export function reportAccess(actor: Actor): ReportAccess {
  return {
    report: scopeFilter(actor, 'reporting.report'),
    review: scopeFilter(actor, 'reporting.review'),
    manage: scopeFilter(actor, 'reporting.manage'),
  };
}

/** What a report row tells the policy: its organization, its reviewers' flag and who last wrote it. */
export interface ReportFacts {
  organizationId: string;
  isVisible: boolean;
  isReviewer: boolean;
  submittedBy: string | null;
  updatedBy: string | null;
}

export const canReport = (actor: Actor, facts: ReportFacts) =>
  can(actor, 'reporting.report', facts.organizationId);
export const canManage = (actor: Actor, facts: ReportFacts) =>
  can(actor, 'reporting.manage', facts.organizationId);

/** Reviewing one's own report defeats the review: whoever submitted or last edited it may not judge it. */
export function assertReviewer(actor: Actor, facts: ReportFacts): void {
  if (!facts.isReviewer) throw forbidden('Your bodies do not review this organization’s reports');
  const userId = actorUserId(actor);
  if (userId && (userId === facts.submittedBy || userId === facts.updatedBy)) {
    throw new AppError('report.own_report', 403, 'You cannot review a report you wrote');
  }
}
