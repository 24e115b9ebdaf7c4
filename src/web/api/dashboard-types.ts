import type { I18nText } from '../../domain/i18n';
import type { Computation, Status, StatusCounts } from './strategy-types';

// The executive dashboard as GET /api/strategies/{code}/dashboard sends it.

export interface BudgetFigures {
  allocated: number;
  committed: number;
  disbursed: number;
  spent: number;
  commitmentRate: number | null;
  disbursementRate: number | null;
  executionRate: number | null;
  financialProgress: number | null;
  physicalProgress: number | null;
  gap: number | null;
  components: unknown;
}

export interface DashboardRow {
  code: string;
  level: string;
  title: I18nText;
  weight: number;
  owner: string | null;
  status: Status | null;
  progress: number | null;
  performance: number | null;
  statusCounts: StatusCounts;
  scope: string[];
  budget: BudgetFigures;
  components: Computation | null;
  link: string;
}

export interface KeyIndicator {
  code: string;
  name: I18nText;
  unit: string;
  decimals: number;
  direction: string;
  nodes: string[];
  trajectory: { period: string; value: number | null; role: string }[];
  observations: { period: string; value: number | null }[];
  actual: number | null;
  judgedPeriod: string | null;
  expected: number | null;
  status: Status;
  achievement: number | null;
  performance: number | null;
  components: Computation;
  link: string;
}

export interface Explanation {
  period: string;
  organization: string;
  status: string;
  reasonCode: string;
  reasonLabel: I18nText | null;
  narrative: string;
  correctiveAction: string;
  owner: string;
  dueDate: string;
  escalate: boolean;
  reportState: string;
}

export interface AttentionItem {
  kind: 'node' | 'indicator';
  code: string;
  title: I18nText;
  level: string | null;
  owner: string | null;
  status: Status;
  progress: number | null;
  performance: number | null;
  explanation: Explanation | null;
  link: string;
}

export interface Completeness {
  cycle: { id: string; period: string; dueDate: string; state: string };
  reports: number;
  assigned: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  late: number;
  submittedRate: number | null;
  approvedRate: number | null;
  organizations: Record<string, string | number>[];
}

export interface Dashboard {
  strategy: { code: string; title: I18nText; levels: { key: string; name: I18nText }[]; state: string };
  asOf: string;
  filters: {
    priority: string | null;
    organization: string | null;
    region: string | null;
    period: string | null;
  };
  options: {
    priorities: { code: string; title: I18nText }[];
    organizations: string[];
    regions: { code: string; name: I18nText }[];
  };
  keyIndicatorRule: string;
  currency: string | null;
  scale: number | null;
  budgetType: string;
  summary: {
    progress: number | null;
    components: Computation | null;
    statusCounts: StatusCounts;
    budget: BudgetFigures;
    strategyWideAllocated: number | null;
  };
  rows: DashboardRow[];
  keyIndicators: KeyIndicator[];
  attention: AttentionItem[];
  completeness: Completeness | null;
}
