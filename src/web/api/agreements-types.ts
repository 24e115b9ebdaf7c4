import type { I18nText } from '../../domain/i18n';
import type { Source, Status } from './strategy-types';

// What the agreements API answers (src/server/modules/agreements/agreements.schema.ts).

export const METRICS = [
  'direct_jobs',
  'investment_mad',
  'people_trained',
  'centres_opened',
  'other',
] as const;
export type Metric = (typeof METRICS)[number];
export type RealisationState = 'reported' | 'verified' | 'disputed';
export type CommitmentStatus = Status | 'no_target';

export interface MetricTotal {
  metric: Metric;
  commitments: number;
  withoutValue: number;
  committed: number;
  achieved: number;
  reported: number;
  disputed: number;
}

export interface Realisation {
  id: string;
  agreement: string;
  commitment: string;
  period: string;
  value: number;
  state: RealisationState;
  evidence: { title: string; url: string }[];
  note: string | null;
  reportedAt: string;
  verifiedAt: string | null;
  verifiedBy: string | null;
  verificationNote: string | null;
  version: number;
}

export interface Commitment {
  id: string;
  code: string;
  party: { code: string; name: I18nText };
  metric: Metric;
  value: number | null;
  qualifier: 'exact' | 'at_least' | 'about';
  dueYear: number | null;
  description: I18nText | null;
  source: Source | null;
  achieved: number;
  reported: number;
  disputed: number;
  risk: {
    status: CommitmentStatus;
    atRisk: boolean;
    achieved: number;
    expected: number | null;
    progress: number | null;
    formula: string;
  };
  attributions: { strategy: string; code: string; share: number }[];
  realisations: Realisation[];
  version: number;
}

export interface Agreement {
  code: string;
  kind: 'mou' | 'convention' | 'progress_contract';
  title: I18nText;
  scope: I18nText | null;
  signedOn: string | null;
  signedOnText: string | null;
  event: string | null;
  signingPlace: string | null;
  place: string | null;
  regionCode: string | null;
  regionName: I18nText | null;
  parties: { code: string; name: I18nText; type: string; regionCode: string | null; role: string }[];
  nodes: { strategy: string; code: string; title: I18nText }[];
  documents: { title: string; url: string }[];
  sources: Source[];
  commitments: Commitment[];
  totals: MetricTotal[];
  version: number;
}

export interface AgreementList {
  items: Agreement[];
  totals: MetricTotal[];
}

export interface CommitmentSummary {
  by: string;
  groups: { key: string | null; name: I18nText | null; totals: MetricTotal[] }[];
}
