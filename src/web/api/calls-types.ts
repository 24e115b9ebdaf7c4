import type { I18nText } from '../../domain/i18n';
import type { Source } from './strategy-types';

export interface CallSummary {
  code: string;
  title: I18nText;
  description: I18nText | null;
  eligibility: I18nText | null;
  themes: { code: string; label: I18nText }[];
  criteria: { code: string; label: I18nText; weight: number }[];
  organizer: string | null;
  strategy: string | null;
  node: string | null;
  scale: { min: number; max: number };
  opensAt: string | null;
  closesAt: string | null;
  state: 'draft' | 'open' | 'closed' | 'decided';
  isHistorical: boolean;
  publishedStats: {
    submissions: number | null;
    selected: number | null;
    selectedApproximate?: boolean;
    receivedWithinHours?: number | null;
    fields?: string[];
    source: Source;
  } | null;
  counts: { submitted: number; selected: number };
  version: number;
}

export interface RankingItem {
  ref: string;
  title: string | null;
  jurors: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  stdDev: number | null;
  rank: number | null;
  shortlisted: boolean;
  decision: string | null;
}

export interface ProposalSummary {
  code: string;
  title: I18nText;
  body: I18nText | null;
  organization: string;
  coauthors: string[];
  strategy: string | null;
  submittedOn: string;
  endorsements: { organization: string; at: string }[];
  comments: { id: string; organization: string; body: string; at: string }[];
  response: { decision: 'accepted' | 'modified' | 'rejected'; reason: I18nText; at: string } | null;
  nodes: { strategy: string; node: string; title: I18nText }[];
  source: Source | null;
}

export interface ProposalTrace {
  nodes: {
    strategy: string;
    node: string;
    title: I18nText;
    level: string;
    indicators: { code: string; name: I18nText }[];
    projects: { code: string; title: I18nText }[];
    budget: { currency: string | null; total: number; byYear: { year: number; amount: number }[] };
  }[];
}
