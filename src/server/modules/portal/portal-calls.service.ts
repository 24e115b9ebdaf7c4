import { anonymous } from '../../access/actor';
import type { Db } from '../../db/pool';
import { AppError } from '../../errors';
import type { Ctx } from '../../types';
import type { Call, Submission } from '../calls/calls.schema';
import { getCall, listCalls } from '../calls/calls.service';
import { getResults } from '../calls/decisions.service';
import { getSubmissionByToken } from '../calls/submissions.service';
import type { Proposal } from '../consultation/consultation.schema';
import { getProposal, listProposals, traceProposal } from '../consultation/consultation.service';

// What the portal's calls and consultation pages show, read through the calls and consultation services as the
// public sees them (the anonymous actor, whoever is signed in): never a draft call, never an applicant's data
// except behind their own private link.

export const publicCtx = (db: Db): Ctx => ({ actor: anonymous, db });

export type CallResults = Awaited<ReturnType<typeof getResults>>;
export interface CallWithResults {
  call: Call;
  /** The published results of a decided call, null before. */
  results: CallResults | null;
}

/** The window of a call is open now: open state, past its opening, before its closing (by this clock). */
export function isAccepting(call: Call, now = new Date()): boolean {
  return (
    call.state === 'open' &&
    call.closesAt !== null &&
    new Date(call.closesAt) > now &&
    (call.opensAt === null || new Date(call.opensAt) <= now)
  );
}

async function withResults(ctx: Ctx, call: Call): Promise<CallWithResults> {
  return { call, results: call.state === 'decided' ? await getResults(ctx, call.code) : null };
}

/** The public calls, open ones first, then the past ones by their closing date (latest first). */
export async function loadCalls(db: Db): Promise<CallWithResults[]> {
  const ctx = publicCtx(db);
  const calls = await listCalls(ctx);
  const rank = (c: Call) => (isAccepting(c) ? 0 : c.state === 'open' ? 1 : 2);
  const sorted = [...calls].sort(
    (a, b) =>
      rank(a) - rank(b) || (b.closesAt ?? '').localeCompare(a.closesAt ?? '') || a.code.localeCompare(b.code),
  );
  return Promise.all(sorted.map((call) => withResults(ctx, call)));
}

export async function loadCall(db: Db, code: string): Promise<CallWithResults> {
  const ctx = publicCtx(db);
  return withResults(ctx, await getCall(ctx, code));
}

export interface SubmissionPageData {
  submission: Submission;
  call: Call;
  accepting: boolean;
}

/** The application behind a private link and its call; 404 for an unknown or erased link. */
export async function loadSubmission(db: Db, token: string): Promise<SubmissionPageData> {
  const ctx = publicCtx(db);
  const submission = await getSubmissionByToken(ctx, token);
  const call = await getCall(ctx, submission.call);
  return { submission, call, accepting: isAccepting(call) };
}

export type ProposalTrace = Awaited<ReturnType<typeof traceProposal>>;

export async function loadProposals(db: Db): Promise<Proposal[]> {
  return listProposals(publicCtx(db), {});
}

/** A proposal and, once answered, what it became (null when unanswered or when its nodes are not public). */
export async function loadProposal(
  db: Db,
  code: string,
): Promise<{ proposal: Proposal; trace: ProposalTrace | null }> {
  const ctx = publicCtx(db);
  const proposal = await getProposal(ctx, code);
  if (!proposal.response) return { proposal, trace: null };
  try {
    return { proposal, trace: await traceProposal(ctx, code) };
  } catch (error) {
    // a node in a strategy the public cannot see: the answer is shown, its trace is not
    if (error instanceof AppError && error.status === 404) return { proposal, trace: null };
    throw error;
  }
}
