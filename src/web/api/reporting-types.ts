import type { I18nText } from '../../domain/i18n';

// The reporting API's shapes as the back office reads them (src/server/modules/reporting/reporting.schema.ts).

export const REPORT_STATES = ['assigned', 'draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export type ItemKind = 'indicator' | 'node';

export interface Cycle {
  id: string;
  strategy: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  state: 'open' | 'closed';
  counts: Record<string, number>;
  version: number;
}

export interface Assignment {
  report: string;
  organization: string;
  organizationName: I18nText;
  state: ReportState;
  isLate: boolean;
  submittedAt: string | null;
  approvedAt: string | null;
  items: { nodes: number; indicators: number; projects: number };
}

export interface CycleDetail extends Cycle {
  assignments: Assignment[];
}

export interface CompletenessRow {
  organization: string;
  assigned: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  late: number;
  onTime: number;
}

export interface ReportSummary {
  id: string;
  cycle: string;
  strategy: string;
  period: string;
  dueDate: string;
  organization: string;
  state: ReportState;
  isLate: boolean;
  version: number;
}

export interface NodeEntry {
  node: string;
  progress?: number | null;
  state?: string | null;
  comment?: string;
}

export interface FigureEntry {
  indicator: string;
  period: string;
  dimensions?: Record<string, string>;
  value: number | null;
  note?: string;
}

export interface ExplanationEntry {
  kind: ItemKind;
  code: string;
  reasonCode: string;
  narrative: string;
  correctiveAction: string;
  owner: string;
  dueDate: string;
  escalate: boolean;
}

export interface ReportContent {
  narrative?: string;
  nodes?: NodeEntry[];
  milestones?: { milestone: string; actualDate: string | null }[];
  figures?: FigureEntry[];
  transactions?: unknown[];
  realisations?: { commitment: string; value: number; note?: string }[];
  explanations?: ExplanationEntry[];
}

export interface ReviewComments {
  message?: string;
  items?: { item: string; comment: string }[];
}

export interface Evaluation {
  kind: ItemKind;
  code: string;
  status: string;
  performance: number | null;
  needsExplanation: boolean;
}

export interface Report {
  id: string;
  cycle: { id: string; strategy: string; period: string; dueDate: string; state: 'open' | 'closed' };
  organization: { code: string; name: I18nText };
  state: ReportState;
  isLate: boolean;
  scope: {
    nodes: { code: string; title: I18nText }[];
    indicators: { code: string; name: I18nText; unit: string; dimensions: string[] }[];
    projects: {
      code: string;
      title: I18nText;
      milestones: { id: string; title: I18nText; plannedDate: string | null; actualDate: string | null }[];
    }[];
    /** The organization's commitments in agreements serving the strategy. */
    commitments?: ScopeCommitment[];
  };
  content: ReportContent;
  evaluations: Evaluation[] | null;
  comments: ReviewComments | null;
  followUps: {
    period: string;
    kind: ItemKind;
    code: string;
    correctiveAction: string;
    owner: string;
    dueDate: string;
    escalated: boolean;
  }[];
  submittedAt: string | null;
  approvedAt: string | null;
  abilities: { edit: boolean; submit: boolean; review: boolean; reopen: boolean };
  version: number;
}

export interface Reason {
  code: string;
  label: I18nText;
  active: boolean;
}

export interface AgendaItem {
  report: string;
  strategy: string;
  period: string;
  organization: string;
  kind: ItemKind;
  code: string;
  status: string;
  reasonCode: string;
  narrative: string;
  correctiveAction: string;
  owner: string;
  dueDate: string;
  reportState: ReportState;
}

export interface CapturedMail {
  id: number;
  messageId: string | null;
  from: string | null;
  to: string[];
  subject: string;
  text: string | null;
  language: string | null;
  receivedAt: string;
}

/** The evidence types the server accepts, judged by the file's bytes. */
export const ATTACHMENT_TYPES = ['pdf', 'png', 'jpeg', 'xlsx'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** A file attached to a report as evidence (without its bytes). */
export interface Attachment {
  id: string;
  filename: string;
  type: AttachmentType;
  size: number;
  sha256: string;
  uploader: { id: string; username: string } | null;
  createdAt: string;
}

export interface ScopeCommitment {
  id: string;
  code: string;
  agreement: string;
  title: I18nText;
  metric: string;
  value: number | null;
  dueYear: number | null;
}
