// Jury aggregation: from each juror's scores per criterion to a ranking of the submissions. Pure, no I/O.

export interface Criterion {
  code: string;
  weight: number;
}

export interface Review {
  submission: string;
  juror: string;
  /** A juror who declared a conflict of interest on the submission never counts, whatever they scored. */
  conflict: boolean;
  scores: Record<string, number | null | undefined>;
}

export interface SubmissionKey {
  ref: string;
  /** ISO timestamp; the earlier submission wins the last tie-break before the reference itself. */
  submittedAt: string;
}

export interface SubmissionResult {
  ref: string;
  /** Weighted means of the jurors who count, one per juror (juror → score), rounded to 4 decimals. */
  jurorScores: Record<string, number>;
  jurors: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Population standard deviation of the jurors' scores (0 for one juror). */
  stdDev: number | null;
  rank: number | null;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * A juror's score for one submission: the mean of the criteria's scores weighted by the criteria's weights.
 * Null when a criterion is not scored (an incomplete review does not count).
 */
export function weightedScore(criteria: Criterion[], scores: Review['scores']): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores[c.code];
    if (s == null || !Number.isFinite(s)) return null;
    sum += s * c.weight;
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * Aggregates the reviews of a call: per submission, the mean over jurors without a conflict and with a complete
 * review, its spread (min, max, population standard deviation), and a rank. Ranking: higher mean first; ties
 * broken by the higher minimum (the least-convinced juror), then the smaller standard deviation (more agreement),
 * then the earlier submission, then the reference. Submissions nobody scored come last, unranked.
 */
export function aggregateJury(
  criteria: Criterion[],
  submissions: SubmissionKey[],
  reviews: Review[],
): SubmissionResult[] {
  const results = submissions.map((s): SubmissionResult & { submittedAt: string } => {
    const jurorScores: Record<string, number> = {};
    const values: number[] = [];
    for (const r of reviews) {
      if (r.submission !== s.ref || r.conflict) continue;
      const score = weightedScore(criteria, r.scores);
      if (score === null) continue;
      jurorScores[r.juror] = round4(score);
      values.push(score);
    }
    if (values.length === 0) {
      return { ...s, jurorScores, jurors: 0, mean: null, min: null, max: null, stdDev: null, rank: null };
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
    return {
      ...s,
      jurorScores,
      jurors: values.length,
      mean: round4(mean),
      min: round4(Math.min(...values)),
      max: round4(Math.max(...values)),
      stdDev: round4(Math.sqrt(variance)),
      rank: null,
    };
  });
  const scored = results.filter((r) => r.mean !== null);
  scored.sort(
    (a, b) =>
      b.mean! - a.mean! ||
      b.min! - a.min! ||
      a.stdDev! - b.stdDev! ||
      (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0) ||
      (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0),
  );
  scored.forEach((r, i) => {
    r.rank = i + 1;
  });
  const unscored = results.filter((r) => r.mean === null).sort((a, b) => (a.ref < b.ref ? -1 : 1));
  return [...scored, ...unscored].map(({ submittedAt: _s, ...r }) => r);
}

/** True when `score` lies on the call's scale (bounds included). */
export function isOnScale(score: number, scale: { min: number; max: number }): boolean {
  return Number.isFinite(score) && score >= scale.min && score <= scale.max;
}
