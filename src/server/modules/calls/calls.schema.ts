import { type Static, Type } from '@sinclair/typebox';
import { I18nText, Nullable, StringEnum } from '../../schemas';
import { Source } from '../strategy/nodes.schema';

const CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$';
const Code = (description: string) => Type.String({ pattern: CODE_PATTERN, description });
const DateTime = Type.String({ format: 'date-time', description: 'ISO 8601 timestamp' });
export const LANGS = ['fr', 'ar', 'en'] as const;
export const Lang = StringEnum(LANGS, { description: 'the applicant’s language (mails are written in it)' });

export const CallState = StringEnum(['draft', 'open', 'closed', 'decided'] as const);
export const Theme = Type.Object({ code: Code('theme code'), label: I18nText });
export const CriterionSchema = Type.Object({
  code: Code('criterion code'),
  label: I18nText,
  weight: Type.Number({ exclusiveMinimum: 0, description: 'relative weight in the weighted mean' }),
});
export const SourceRef = Source;
export const PublishedStats = Type.Object(
  {
    submissions: Nullable(Type.Integer()),
    selected: Nullable(Type.Integer()),
    selectedApproximate: Type.Optional(Type.Boolean()),
    receivedWithinHours: Type.Optional(
      Nullable(Type.Integer({ description: 'the submissions arrived within this many hours' })),
    ),
    fields: Type.Optional(Type.Array(Type.String())),
    source: SourceRef,
  },
  { description: 'figures published about a past call (kept with their source, never invented)' },
);

export const PrivacyNotice = Type.Object({ version: Type.String(), text: I18nText });

export const Call = Type.Object({
  code: Type.String(),
  title: I18nText,
  description: Nullable(I18nText),
  eligibility: Nullable(I18nText),
  themes: Type.Array(Theme),
  criteria: Type.Array(CriterionSchema),
  organizer: Nullable(Type.String({ description: 'organization code' })),
  strategy: Nullable(Type.String()),
  node: Nullable(Type.String({ description: 'plan node the selected projects go under' })),
  scale: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
  opensAt: Nullable(Type.String()),
  closesAt: Nullable(Type.String()),
  state: CallState,
  isHistorical: Type.Boolean(),
  publishedStats: Nullable(PublishedStats),
  source: Nullable(SourceRef),
  counts: Type.Object({ submitted: Type.Integer(), selected: Type.Integer() }),
  privacyNotice: PrivacyNotice,
  version: Type.Integer(),
});
export type Call = Static<typeof Call>;

const editable = {
  description: Type.Optional(Nullable(I18nText)),
  eligibility: Type.Optional(Nullable(I18nText)),
  themes: Type.Optional(Type.Array(Theme)),
  criteria: Type.Optional(Type.Array(CriterionSchema, { minItems: 1, maxItems: 30 })),
  organizer: Type.Optional(Nullable(Code('organization code'))),
  strategy: Type.Optional(Nullable(Code('strategy code'))),
  node: Type.Optional(Nullable(Code('node code in that strategy'))),
  scaleMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  scaleMax: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  opensAt: Type.Optional(Nullable(DateTime)),
  closesAt: Type.Optional(Nullable(DateTime)),
};
export const CallInput = Type.Object(
  { code: Code('call code, e.g. HACKCOVID2020'), title: I18nText, ...editable },
  { additionalProperties: false },
);
export type CallInput = Static<typeof CallInput>;
export const CallPatch = Type.Object(
  { version: Type.Integer(), title: Type.Optional(I18nText), ...editable },
  { additionalProperties: false },
);
export type CallPatch = Static<typeof CallPatch>;
export const CallParams = Type.Object({ code: Type.String() });
export const VersionBody = Type.Object({ version: Type.Integer() }, { additionalProperties: false });

// ——— submissions (the applicant's side, behind the private link)

const applicantFields = {
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  organization: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  title: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  summary: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
  theme: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  answers: Type.Optional(
    Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 10_000 }), {
      description: 'free answers to the call’s questions, by key',
    }),
  ),
};
export const SubmissionCreate = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    language: Type.Optional(Lang),
    ...applicantFields,
  },
  { additionalProperties: false },
);
export type SubmissionCreate = Static<typeof SubmissionCreate>;
export const SubmissionPatch = Type.Object(
  { version: Type.Integer(), language: Type.Optional(Lang), ...applicantFields },
  { additionalProperties: false },
);
export type SubmissionPatch = Static<typeof SubmissionPatch>;
export const SubmitBody = Type.Object(
  {
    version: Type.Integer(),
    consent: Type.Optional(
      Type.Object({
        accepted: Type.Boolean({ description: 'the applicant agrees to the processing described' }),
        noticeVersion: Type.String({ description: 'version of the privacy notice shown' }),
      }),
    ),
  },
  { additionalProperties: false },
);
export type SubmitBody = Static<typeof SubmitBody>;

export const AttachmentInfo = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  type: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String(),
});

export const Submission = Type.Object({
  ref: Type.String({ description: 'the submission’s number, as cited by the jury' }),
  call: Type.String(),
  state: StringEnum(['draft', 'submitted', 'erased'] as const),
  email: Nullable(Type.String()),
  name: Nullable(Type.String()),
  organization: Nullable(Type.String()),
  language: Lang,
  title: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  theme: Nullable(Type.String()),
  answers: Type.Record(Type.String(), Type.String()),
  consent: Nullable(Type.Object({ at: Type.String(), noticeVersion: Type.String() })),
  submittedAt: Nullable(Type.String()),
  attachments: Type.Array(AttachmentInfo),
  decision: Nullable(StringEnum(['selected', 'rejected'] as const)),
  decisionReason: Nullable(Type.String()),
  shortlisted: Type.Boolean(),
  project: Nullable(Type.String({ description: 'code of the project it became' })),
  version: Type.Integer(),
});
export type Submission = Static<typeof Submission>;

export const Created = Type.Object({
  token: Type.String({
    description: 'the private link’s secret: shown once, also mailed; only its hash is kept',
  }),
  link: Type.String(),
  submission: Submission,
});
export const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
export const TokenAttachmentParams = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 100 }),
  attachmentId: Type.String({ format: 'uuid' }),
});
export const UploadQuery = Type.Object({ filename: Type.String({ minLength: 1, maxLength: 1000 }) });

// ——— jury

export const SubmissionParams = Type.Object({ code: Type.String(), ref: Type.String({ pattern: '^\\d+$' }) });
export const JurorInput = Type.Object({ username: Type.String() }, { additionalProperties: false });
export const AssignInput = Type.Object(
  {
    submissions: Type.Optional(
      Type.Array(Type.String({ pattern: '^\\d+$' }), { description: 'all when absent' }),
    ),
    jurors: Type.Optional(Type.Array(Type.String(), { description: 'usernames; all jurors when absent' })),
  },
  { additionalProperties: false },
);
export const ConflictInput = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const ScoreInput = Type.Object(
  {
    scores: Type.Array(
      Type.Object({
        criterion: Type.String(),
        score: Type.Number(),
        comment: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
      }),
      { minItems: 1 },
    ),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
  },
  { additionalProperties: false },
);
export type ScoreInput = Static<typeof ScoreInput>;
export const ReviewSchema = Type.Object({
  submission: Type.String(),
  juror: Type.String(),
  conflict: Type.Boolean(),
  conflictReason: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  scores: Type.Array(
    Type.Object({ criterion: Type.String(), score: Type.Number(), comment: Nullable(Type.String()) }),
  ),
  scoredAt: Nullable(Type.String()),
});
export const ShortlistInput = Type.Object(
  { submissions: Type.Array(Type.String({ pattern: '^\\d+$' })) },
  { additionalProperties: false },
);
export const DecisionInput = Type.Object(
  {
    version: Type.Integer(),
    decision: StringEnum(['selected', 'rejected'] as const),
    reason: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionInput>;
export const ProjectFromSubmission = Type.Object(
  {
    code: Code('project code'),
    strategy: Type.Optional(Code('strategy code; the call’s when absent')),
    node: Type.Optional(Code('plan node; the call’s when absent')),
    owner: Type.Optional(Nullable(Code('organization code'))),
  },
  { additionalProperties: false },
);
export type ProjectFromSubmission = Static<typeof ProjectFromSubmission>;
export const RankingRow = Type.Object({
  ref: Type.String(),
  title: Nullable(Type.String()),
  jurorScores: Type.Record(Type.String(), Type.Number()),
  jurors: Type.Integer(),
  mean: Nullable(Type.Number()),
  min: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  stdDev: Nullable(Type.Number()),
  rank: Nullable(Type.Integer()),
  shortlisted: Type.Boolean(),
  decision: Nullable(Type.String()),
});
