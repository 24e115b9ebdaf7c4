import { type Computation, roundTo } from './components';
import { assertFinite } from './errors';
import { type IsoDate, parseIsoDate, periodEnd } from './periods';
import { DEFAULT_STATUS_THRESHOLDS, indicatorStatus, type Status, type StatusThresholds } from './status';

// Agreements with partners: what they promised (commitments), what they delivered (realisations), and how
// both are credited to the plan without counting anything twice.

export const COMMITMENT_METRICS = [
  'direct_jobs',
  'investment_mad',
  'people_trained',
  'centres_opened',
  'other',
] as const;
export type CommitmentMetric = (typeof COMMITMENT_METRICS)[number];

export const REALISATION_STATES = ['reported', 'verified', 'disputed'] as const;
export type RealisationState = (typeof REALISATION_STATES)[number];

/** A realisation: what a party delivered in one period (a flow; periods add up). */
export interface RealisationFigure {
  period: string;
  value: number;
  state: RealisationState;
}

export interface CommitmentFigures {
  id: string;
  metric: CommitmentMetric;
  /** Null when the source gives no figure: the commitment is counted, its value is not. */
  value: number | null;
  realisations: readonly RealisationFigure[];
}

/** Per metric: what was promised and what was delivered, verified apart from merely reported. */
export interface MetricTotal {
  metric: CommitmentMetric;
  commitments: number;
  /** Commitments without a figure (e.g. an MoU that names no job count). */
  withoutValue: number;
  committed: number;
  /** Verified realisations only: the one figure that counts as achieved. */
  achieved: number;
  /** Realisations reported and not yet verified (shown beside, never added to `achieved`). */
  reported: number;
  disputed: number;
}

const sum = (values: number[]) =>
  roundTo(
    values.reduce((a, b) => a + b, 0),
    6,
  );

/** Sum of a commitment's realisations in one state. */
export function realisedIn(c: Pick<CommitmentFigures, 'realisations'>, state: RealisationState): number {
  return sum(c.realisations.filter((r) => r.state === state).map((r) => r.value));
}

/** Totals per metric over commitments, in the order of COMMITMENT_METRICS; metrics without any are left out. */
export function totalsByMetric(commitments: readonly CommitmentFigures[]): MetricTotal[] {
  return COMMITMENT_METRICS.flatMap((metric) => {
    const mine = commitments.filter((c) => c.metric === metric);
    if (mine.length === 0) return [];
    for (const c of mine) {
      if (c.value !== null) assertFinite(c.value, `commitments.${c.id}.value`);
    }
    return [
      {
        metric,
        commitments: mine.length,
        withoutValue: mine.filter((c) => c.value === null).length,
        committed: sum(mine.map((c) => c.value ?? 0)),
        achieved: sum(mine.map((c) => realisedIn(c, 'verified'))),
        reported: sum(mine.map((c) => realisedIn(c, 'reported'))),
        disputed: sum(mine.map((c) => realisedIn(c, 'disputed'))),
      },
    ];
  });
}

export interface ShareInput {
  node: string;
  share: number;
}

export type ShareProblem = { index: number | null; code: 'out_of_range' | 'duplicate' | 'over_100' };

/**
 * Checks the shares of one commitment: each in (0, 1], each node once, and together at most 1 (100 %), so the
 * nodes never receive more than the commitment holds. `index` null means the whole list is at fault.
 */
export function checkShares(shares: readonly ShareInput[]): ShareProblem[] {
  const problems: ShareProblem[] = [];
  const seen = new Set<string>();
  for (const [index, { node, share }] of shares.entries()) {
    if (!Number.isFinite(share) || share <= 0 || share > 1) problems.push({ index, code: 'out_of_range' });
    if (seen.has(node)) problems.push({ index, code: 'duplicate' });
    seen.add(node);
  }
  if (
    roundTo(
      shares.reduce((a, s) => a + (Number.isFinite(s.share) ? s.share : 0), 0),
      9,
    ) > 1
  ) {
    problems.push({ index: null, code: 'over_100' });
  }
  return problems;
}

export interface TreeNodeRef {
  id: string;
  parentId: string | null;
}

export interface Attribution {
  commitmentId: string;
  nodeId: string;
  share: number;
}

export interface AttributedTotal {
  metric: CommitmentMetric;
  committed: number;
  achieved: number;
  reported: number;
}

/**
 * Credits commitments to plan nodes. A node receives, for each commitment, the sum of the shares held by the
 * distinct nodes of its subtree (itself included), capped at 1, times the commitment's figures. So a
 * realisation reaches a roll-up at most once: two measures holding 50 % each give their initiative 100 %, not
 * 200 %; a node and its own child holding shares are each counted once; and with shares summing to at most 1
 * per commitment, the national total never exceeds what was delivered. Nodes credited with nothing are left out.
 */
export function attributedRollup(
  nodes: readonly TreeNodeRef[],
  attributions: readonly Attribution[],
  commitments: readonly CommitmentFigures[],
): Map<string, AttributedTotal[]> {
  const children = new Map<string | null, string[]>();
  const known = new Set(nodes.map((n) => n.id));
  for (const node of nodes) {
    const parent = node.parentId !== null && known.has(node.parentId) ? node.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), node.id]);
  }
  const own = new Map<string, Map<string, number>>();
  for (const a of attributions) {
    assertFinite(a.share, `attributions.${a.nodeId}.share`);
    const shares = own.get(a.nodeId) ?? new Map<string, number>();
    shares.set(a.commitmentId, (shares.get(a.commitmentId) ?? 0) + a.share);
    own.set(a.nodeId, shares);
  }
  const subtree = new Map<string, Map<string, number>>();
  // Iterative post-order: plans can be deep, and a recursion limit must not decide a total.
  const stack: { id: string; done: boolean }[] = (children.get(null) ?? []).map((id) => ({
    id,
    done: false,
  }));
  while (stack.length > 0) {
    const top = stack.pop()!;
    const kids = children.get(top.id) ?? [];
    if (!top.done) {
      stack.push({ id: top.id, done: true }, ...kids.map((id) => ({ id, done: false })));
      continue;
    }
    const shares = new Map(own.get(top.id) ?? []);
    for (const kid of kids) {
      for (const [c, s] of subtree.get(kid) ?? []) shares.set(c, (shares.get(c) ?? 0) + s);
    }
    subtree.set(top.id, shares);
  }
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const result = new Map<string, AttributedTotal[]>();
  for (const [nodeId, shares] of subtree) {
    const totals = new Map<CommitmentMetric, AttributedTotal>();
    for (const [commitmentId, raw] of shares) {
      const c = byId.get(commitmentId);
      if (!c || raw <= 0) continue;
      const share = Math.min(1, roundTo(raw, 9));
      const t = totals.get(c.metric) ?? { metric: c.metric, committed: 0, achieved: 0, reported: 0 };
      t.committed += (c.value ?? 0) * share;
      t.achieved += realisedIn(c, 'verified') * share;
      t.reported += realisedIn(c, 'reported') * share;
      totals.set(c.metric, t);
    }
    if (totals.size === 0) continue;
    result.set(
      nodeId,
      COMMITMENT_METRICS.flatMap((m) => {
        const t = totals.get(m);
        if (!t) return [];
        return [
          {
            metric: m,
            committed: roundTo(t.committed, 6),
            achieved: roundTo(t.achieved, 6),
            reported: roundTo(t.reported, 6),
          },
        ];
      }),
    );
  }
  return result;
}

export type CommitmentStatus = Status | 'no_target';

export interface CommitmentRiskInput {
  signedOn: IsoDate | null;
  dueYear: number | null;
  value: number | null;
  realisations: readonly RealisationFigure[];
  asOf: IsoDate;
  thresholds?: StatusThresholds;
}

export interface CommitmentRisk {
  status: CommitmentStatus;
  /** At risk or off track against the straight line from 0 at signing to the value at the end of the due year. */
  atRisk: boolean;
  /** Verified cumulative value at the judged date. */
  achieved: number;
  expected: number | null;
  progress: number | null;
}

/** Cumulative verified figures, one point per period end: what the trajectory is judged against. */
export function cumulativeVerified(
  realisations: readonly RealisationFigure[],
): { period: IsoDate; value: number }[] {
  const byEnd = new Map<IsoDate, number>();
  for (const r of realisations) {
    if (r.state !== 'verified') continue;
    const end = periodEnd(r.period);
    byEnd.set(end, (byEnd.get(end) ?? 0) + r.value);
  }
  let running = 0;
  return [...byEnd.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, value]) => {
      running = roundTo(running + value, 6);
      return { period, value: running };
    });
}

/**
 * Judges a commitment with the indicator status rule: baseline 0 on the signing date, the committed value at
 * the end of the due year, the verified cumulative value as the observation. Without a signing date, a due
 * year, or a positive value there is no trajectory: `no_target`.
 */
export function commitmentRisk(input: CommitmentRiskInput): Computation<CommitmentRisk> {
  const asOf = parseIsoDate(input.asOf, 'asOf');
  const observations = cumulativeVerified(input.realisations);
  const achievedNow = observations.filter((o) => o.period <= asOf).at(-1)?.value ?? 0;
  const { signedOn, dueYear, value } = input;
  if (
    !signedOn ||
    dueYear === null ||
    value === null ||
    value <= 0 ||
    periodEnd(String(dueYear)) <= signedOn
  ) {
    const result = {
      status: 'no_target' as const,
      atRisk: false,
      achieved: achievedNow,
      expected: null,
      progress: null,
    };
    return {
      method: 'commitment.trajectory',
      inputs: { signedOn, dueYear, value, asOf },
      formula: 'no signing date, due year or positive value: no trajectory',
      result,
      reason: 'no_target',
    };
  }
  const status = indicatorStatus({
    target: {
      baseline: { period: signedOn, value: 0 },
      milestones: [],
      final: { period: String(dueYear), value },
    },
    direction: 'increase',
    observations,
    asOf,
    startDate: signedOn,
    thresholds: input.thresholds ?? DEFAULT_STATUS_THRESHOLDS,
  });
  const r = status.result;
  return {
    method: 'commitment.trajectory',
    inputs: { signedOn, dueYear, value, asOf, observations },
    thresholds: status.thresholds,
    formula: status.formula,
    result: {
      status: r.status,
      atRisk: r.status === 'at_risk' || r.status === 'off_track',
      achieved: r.observation?.value ?? achievedNow,
      expected: r.expected,
      progress: r.progress,
    },
    steps: [status],
  };
}
