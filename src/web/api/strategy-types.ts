import type { I18nText } from '../../domain/i18n';

// The strategy, indicator, budget and import resources as the API sends them (GET /api/openapi.json).

export const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'not_started', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];
export type StatusCounts = Partial<Record<Status, number>>;

export const CONFIDENCES = ['high', 'medium', 'low', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Where a statement or a figure comes from (FORMAT.md, "Sources"). */
export interface Source {
  document?: string;
  section?: string;
  page?: number | string;
  url?: string;
  publisher?: string;
  date?: string;
  note?: string;
  confidence?: Confidence;
}

/** The calculation components of a computed figure: enough for anyone to redo it. */
export interface Computation {
  method: string;
  inputs?: Record<string, unknown>;
  thresholds?: Record<string, number>;
  formula?: string;
  result?: unknown;
  reason?: string;
  steps?: Computation[];
}

export interface Level {
  key: string;
  name: I18nText;
}

export interface Strategy {
  code: string;
  title: I18nText;
  subtitle: I18nText | null;
  description: I18nText | null;
  vision: I18nText | null;
  periodStart: string;
  periodEnd: string;
  state: 'draft' | 'adopted' | 'closed';
  levels: Level[];
  predecessor: string | null;
  successors: string[];
  statusThresholds: { onTrack: number; atRisk: number } | null;
  fiscalCalendar: FiscalCalendar;
  source: Source | null;
  version: number;
}

/** The fiscal year reporting cycles follow: the month it starts, and the calendar year that names it. */
export interface FiscalCalendar {
  startMonth: number;
  namedBy: 'start' | 'end';
}

export interface TreeNode {
  code: string;
  level: string;
  title: I18nText;
  weight: number;
  /** The tree leaves these out when unknown. */
  owner?: string | null;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  state?: string | null;
  version: number;
  progress: number | null;
  performance: number | null;
  status: Status;
  /** Sent for nodes with children only: a leaf's count is its own status once. */
  statusCounts?: StatusCounts;
  basis: 'indicators' | 'children' | 'none' | string;
  indicators: string[];
  components?: Computation;
  children: TreeNode[];
}

export interface PlanTree {
  strategy: { code: string; title: I18nText; levels: Level[] };
  asOf: string;
  policy: string;
  thresholds: { onTrack: number; atRisk: number };
  progress: number | null;
  performance: number | null;
  status: Status;
  statusCounts: StatusCounts;
  nodes: TreeNode[];
}

export const NODE_STATES = ['planned', 'in_progress', 'completed', 'cancelled', 'unknown'] as const;

export interface BudgetAmount {
  rubric?: string;
  rubricLabel?: I18nText | null;
  year?: number;
  node?: string | null;
  amount: number;
}

export interface Budget {
  strategy: string;
  currency: string | null;
  scale: number | null;
  type: string;
  by: string[];
  rows: BudgetAmount[];
  totals: { total: number; byYear: BudgetAmount[]; byRubric: BudgetAmount[] };
  execution: {
    allocated: number;
    committed: number;
    disbursed: number;
    spent: number;
    commitmentRate: number | null;
    disbursementRate: number | null;
    executionRate: number | null;
    components?: Computation;
  };
}

export interface IndicatorSummary {
  code: string;
  name: I18nText;
  unit: string;
  strategy: string;
  direction: string;
}

export interface TargetPoint {
  period: string;
  value: number | null;
  source?: Source;
}

export interface TargetVersion {
  version: number;
  baseline: TargetPoint | null;
  milestones: TargetPoint[];
  final: TargetPoint | null;
  reason: string;
  effectiveFrom: string;
  createdAt: string;
  createdBy: string | { username?: string } | null;
}

export interface ReportedFigure {
  value: number;
  unit?: string;
  text?: string;
}

export interface Observation {
  period: string;
  periodEnd: string;
  dims: Record<string, string>;
  value: number | null;
  state: 'provisional' | 'approved';
  source: Source | null;
  confidence: Confidence | null;
  reported: ReportedFigure | null;
  comparison: (Computation & { result?: ReportedComparison }) | null;
}

export interface ReportedComparison {
  computedPercent: number;
  reportedPercent: number;
  gapPoints: number;
  mismatch: boolean;
}

export interface EvaluationResult {
  status: Status;
  achievement: number | null;
  performance: number | null;
  judgedPeriod: string | null;
  actual: number | null;
  expected: number | null;
}

export interface ForecastResult {
  targetDate: string;
  slopePerDay: number | null;
  slopePerYear: number | null;
  intercept: number | null;
  r2: number | null;
  valueAtTargetDate: number | null;
  reachDate: string | null;
  reason: string | null;
}

export interface IndicatorDetail {
  code: string;
  name: I18nText;
  description: I18nText | null;
  unit: string;
  direction: 'increase' | 'decrease';
  aggregation: string;
  decimals: number;
  dimensions: string[];
  periodicity: string;
  source: Source | null;
  version: number;
  nodes: { code: string; title: I18nText; level: string }[];
  strategy: { code: string; title: I18nText };
  asOf: string;
  target: TargetVersion | null;
  targetVersions: Omit<TargetVersion, 'baseline' | 'milestones' | 'final'>[];
  observations: Observation[];
  series: { period: string; value: number | null; aggregatedFrom?: number }[];
  computed: Computation & { result?: EvaluationResult };
  forecast: Computation & { result?: ForecastResult };
}

export interface Dimension {
  code: string;
  name: I18nText;
  builtin: boolean;
  members: { code: string; name: I18nText }[];
}

export interface Operation {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed';
  format: string | null;
  filename: string | null;
  done: number;
  total: number | null;
  summary: Record<string, unknown> | null;
  errors: OperationError[] | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface OperationError {
  path?: string;
  sheet?: string;
  row?: number;
  column?: string;
  code?: string;
  message?: string;
}

export interface Milestone {
  id: string;
  code: string | null;
  title: I18nText;
  plannedDate: string | null;
  actualDate: string | null;
  source: Source | null;
}

export interface Project {
  id: string;
  code: string;
  strategy: string;
  node: string | null;
  title: I18nText;
  description: I18nText | null;
  kind: string | null;
  flagship: boolean;
  group: I18nText | null;
  owner: string | null;
  source: Source | null;
  milestones: Milestone[];
  version: number;
}

export interface GovernanceBody {
  code: string;
  strategy: string;
  name: I18nText;
  kind: string;
  mandate: I18nText | null;
  chair: string | null;
  members: string[];
  reportsTo: string | null;
  source: Source | null;
  version: number;
}

export interface ReportingLine {
  organization: string;
  reviewer: string;
}

/** One change to a plan: a new target version of an indicator, or a new weight of a node. */
export interface PlanChange {
  kind: 'target' | 'weight';
  subject: string;
  at: string;
  version?: number;
  reason?: string;
  effectiveFrom?: string;
  from?: number;
  to?: number;
  createdBy: string | null;
}

export interface PlanTarget {
  version: number;
  baseline: TargetPoint | null;
  milestones: TargetPoint[] | null;
  final: TargetPoint | null;
  effectiveFrom: string;
}

/** The plan as of two dates, side by side. */
export interface PlanComparison {
  strategy: string;
  from: string;
  to: string;
  targets: {
    indicator: string;
    name: I18nText;
    from: PlanTarget | null;
    to: PlanTarget | null;
    changes: {
      version: number;
      reason: string;
      effectiveFrom: string;
      createdAt: string;
      createdBy: string | null;
    }[];
  }[];
  weights: {
    node: string;
    from: number;
    to: number;
    reason: string;
    effectiveFrom: string;
    at: string;
    by: string | null;
  }[];
}
