import { type Static, Type } from '@sinclair/typebox';
import { CODE_PATTERN, PROJECT_KINDS } from '../../../domain/package/schema';
import { I18nText, Nullable, StringEnum, Uuid } from '../../schemas';
import { Source } from '../strategy/nodes.schema';

// A project as the back office edits it: the vocabulary of the strategy package (FORMAT.md, "projects"), with
// its node and owner named by their codes.

const Code = (description: string) => Type.String({ pattern: CODE_PATTERN, description });
const Version = Type.Integer({
  minimum: 1,
  description: 'the project version the caller loaded (stale → 409)',
});
const PeriodText = Type.String({
  maxLength: 10,
  description: 'a date or a period: YYYY, YYYY-MM, YYYY-MM-DD (also YYYY-Qn, YYYY-Hn)',
});

export const ProjectKind = StringEnum(PROJECT_KINDS, {
  description: 'infrastructure … integrated are the e-government maturity stages',
});

export const ProjectParams = Type.Object({
  code: Type.String({ maxLength: 64, description: 'strategy code, e.g. MN2013' }),
  projectCode: Type.String({ maxLength: 64, description: 'project code, e.g. EGOV-01' }),
});
export const MilestoneParams = Type.Composite([ProjectParams, Type.Object({ milestoneId: Uuid })]);
export const VersionQuery = Type.Object({ version: Version });

export const Milestone = Type.Object({
  id: Uuid,
  code: Nullable(Type.String()),
  title: I18nText,
  plannedDate: Nullable(Type.String({ description: 'planned date or period' })),
  actualDate: Nullable(
    Type.String({ description: 'actual date or period; may come before the planned one' }),
  ),
  source: Nullable(Source),
});

export const Project = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    strategy: Type.String({ description: 'strategy code' }),
    node: Nullable(Type.String({ description: 'code of the plan node it delivers' })),
    title: I18nText,
    description: Nullable(I18nText),
    kind: Nullable(ProjectKind),
    flagship: Type.Boolean(),
    group: Nullable(I18nText),
    owner: Nullable(Type.String({ description: 'code of the organization delivering it' })),
    source: Nullable(Source),
    milestones: Type.Array(Milestone, { description: 'in order' }),
    version: Type.Integer(),
  },
  { description: 'A deliverable under a plan node: an e-government service, a technopark, a programme' },
);
export type Project = Static<typeof Project>;

export const MilestoneInput = Type.Object(
  {
    code: Type.Optional(Nullable(Code('milestone code'))),
    title: I18nText,
    plannedDate: Type.Optional(Nullable(PeriodText)),
    actualDate: Type.Optional(Nullable(PeriodText)),
    source: Type.Optional(Nullable(Source)),
  },
  { additionalProperties: false },
);
export type MilestoneInput = Static<typeof MilestoneInput>;

const fields = {
  node: Type.Optional(Nullable(Code('code of the plan node it delivers'))),
  title: I18nText,
  description: Type.Optional(Nullable(I18nText)),
  kind: Type.Optional(Nullable(ProjectKind)),
  flagship: Type.Optional(Type.Boolean({ description: 'a flagship project of the strategy' })),
  group: Type.Optional(Nullable(I18nText)),
  owner: Type.Optional(Nullable(Code('code of the organization delivering it'))),
  source: Type.Optional(Nullable(Source)),
};

export const ProjectInput = Type.Object(
  {
    code: Code('project code, unique in the strategy'),
    ...fields,
    milestones: Type.Optional(Type.Array(MilestoneInput, { description: 'milestones, in order' })),
  },
  { additionalProperties: false, description: 'A new project' },
);
export type ProjectInput = Static<typeof ProjectInput>;

export const ProjectPatch = Type.Object(
  { ...fields, title: Type.Optional(I18nText), version: Version },
  { additionalProperties: false, description: 'Fields to change; absent fields are kept, null clears' },
);
export type ProjectPatch = Static<typeof ProjectPatch>;

export const MilestoneAdd = Type.Composite([MilestoneInput, Type.Object({ version: Version })], {
  additionalProperties: false,
  description: 'A milestone added at the end; `version` is the project’s',
});
export type MilestoneAdd = Static<typeof MilestoneAdd>;

export const MilestonePatch = Type.Composite(
  [Type.Partial(MilestoneInput), Type.Object({ version: Version })],
  { additionalProperties: false, description: 'Fields to change; `version` is the project’s' },
);
export type MilestonePatch = Static<typeof MilestonePatch>;

export const ProjectQuery = Type.Object({
  node: Type.Optional(Type.String({ maxLength: 64, description: 'only the projects of this node' })),
  flagship: Type.Optional(Type.Boolean({ description: 'only flagship (true) or other (false) projects' })),
  kind: Type.Optional(ProjectKind),
});
export type ProjectQuery = Static<typeof ProjectQuery>;
