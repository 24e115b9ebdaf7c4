import type { I18n, StrategyPackage } from '../../../domain/package/schema';
import { anonymous } from '../../access/actor';
import { AppError } from '../../errors';
import type { Ctx } from '../../types';
import { exportStrategy } from '../imports/package-export.service';
import { listStrategies } from '../strategy/strategy.service';
import { dcatCatalog } from './catalog';
import { FORMATS, type Format, MEDIA_TYPES, toCsv, toJson, toXlsx } from './open-data.formats';
import { DATASET_KINDS, type DatasetKind, datasetTable } from './open-data.tables';
import { findLastChanges } from './publishing.repo';

// The open-data catalogue: four datasets per public strategy (adopted or closed), read as the public reads
// them, whoever asks, so that nothing internal can leak into a file meant for everyone.

/** The licence of the published data (`OPEN_DATA_LICENSE`), CC BY 4.0 unless configured. */
export const openDataLicense = (env: NodeJS.ProcessEnv = process.env) =>
  env.OPEN_DATA_LICENSE || 'https://creativecommons.org/licenses/by/4.0/';

const KIND_LABELS: Record<DatasetKind, { title: I18n; description: I18n }> = {
  nodes: {
    title: { fr: 'Arborescence du plan', ar: 'هيكل الخطة', en: 'Plan tree' },
    description: {
      fr: 'Les éléments du plan (axes, initiatives, mesures…) avec leurs codes, responsables, dates et sources.',
      ar: 'عناصر الخطة (المحاور والمبادرات والتدابير…) مع رموزها والجهات المسؤولة والتواريخ والمصادر.',
      en: 'The plan nodes (priorities, initiatives, measures…) with their codes, owners, dates and sources.',
    },
  },
  indicators: {
    title: { fr: 'Indicateurs et cibles', ar: 'المؤشرات والأهداف', en: 'Indicators and targets' },
    description: {
      fr: 'Les indicateurs, leurs unités, valeurs de référence et cibles, avec leurs sources.',
      ar: 'المؤشرات ووحداتها وقيمها المرجعية وأهدافها، مع مصادرها.',
      en: 'The indicators, their units, baselines and targets, with their sources.',
    },
  },
  observations: {
    title: { fr: 'Valeurs observées', ar: 'القيم المرصودة', en: 'Observed values' },
    description: {
      fr: 'Les valeurs approuvées des indicateurs par période et par désagrégation, avec leurs sources.',
      ar: 'القيم المعتمدة للمؤشرات حسب الفترة والتصنيف، مع مصادرها.',
      en: 'The approved values of the indicators by period and breakdown, with their sources.',
    },
  },
  budget: {
    title: { fr: 'Budget et transactions', ar: 'الميزانية والمعاملات', en: 'Budget and transactions' },
    description: {
      fr: 'Les enveloppes budgétaires par année et rubrique, et les engagements, décaissements et dépenses.',
      ar: 'الاعتمادات المالية حسب السنة والبند، والالتزامات والصرف والنفقات.',
      en: 'Budget envelopes by year and rubric, and commitments, disbursements and expenditure.',
    },
  },
};

export interface Distribution {
  format: Format;
  mediaType: string;
  url: string;
}

export interface Dataset {
  id: string;
  strategy: string;
  kind: DatasetKind;
  title: I18n;
  description: I18n;
  modified: string;
  license: string;
  distributions: Distribution[];
}

const joinTitle = (a: I18n, b: I18n): I18n =>
  Object.fromEntries(
    (['fr', 'ar', 'en'] as const).filter((l) => a[l] && b[l]).map((l) => [l, `${a[l]} — ${b[l]}`]),
  );

/** The public view of the caller's context: open data is what the public may read, whoever asks. */
const publicCtx = (ctx: Ctx): Ctx => ({ actor: anonymous, db: ctx.db });

function describeDataset(
  strategy: { code: string; title: I18n },
  kind: DatasetKind,
  modified: string,
  baseUrl: string,
): Dataset {
  const id = `${strategy.code}-${kind}`;
  return {
    id,
    strategy: strategy.code,
    kind,
    title: joinTitle(strategy.title, KIND_LABELS[kind].title),
    description: KIND_LABELS[kind].description,
    modified,
    license: openDataLicense(),
    distributions: FORMATS.map((format) => ({
      format,
      mediaType: MEDIA_TYPES[format],
      url: `${baseUrl}/api/open-data/${encodeURIComponent(id)}.${format}`,
    })),
  };
}

/** Every public dataset, four per adopted or closed strategy. */
export async function listDatasets(ctx: Ctx, baseUrl: string): Promise<Dataset[]> {
  const strategies = await listStrategies(publicCtx(ctx));
  const changes = await findLastChanges(
    ctx.db,
    strategies.map((s) => s.code),
  );
  const modified = new Map(changes.map((c) => [c.code, c.modified]));
  return strategies.flatMap((s) =>
    DATASET_KINDS.map((kind) => describeDataset(s, kind, modified.get(s.code) ?? '', baseUrl)),
  );
}

/** The DCAT-AP catalogue of every public dataset; the publisher is `OPEN_DATA_PUBLISHER` (default Marsad). */
export async function catalogFor(ctx: Ctx, baseUrl: string) {
  const datasets = await listDatasets(ctx, baseUrl);
  const publisher = process.env.OPEN_DATA_PUBLISHER || 'Marsad';
  return dcatCatalog(datasets, { baseUrl, publisher, license: openDataLicense() });
}

const unknownDataset = (id: string) =>
  new AppError('not_found', 404, `no dataset ${id}`, { id }, [
    { path: '/params/id', code: 'unknown', message: `no public dataset ${id}` },
  ]);

/** Splits `MN2013-observations.csv` into its dataset id, strategy code, kind and format; throws 400/404. */
export function parseDatasetFile(file: string): {
  id: string;
  code: string;
  kind: DatasetKind;
  format: Format;
} {
  const dot = file.lastIndexOf('.');
  const id = dot < 0 ? file : file.slice(0, dot);
  const format = dot < 0 ? '' : file.slice(dot + 1);
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new AppError('validation_failed', 400, `unknown format "${format}"`, {}, [
      { path: '/params/format', code: 'enum', message: `format must be one of ${FORMATS.join(', ')}` },
    ]);
  }
  const match = /^(.+)-(nodes|indicators|observations|budget)$/.exec(id);
  if (!match) throw unknownDataset(id);
  return { id, code: match[1]!, kind: match[2] as DatasetKind, format: format as Format };
}

export interface DatasetFile {
  body: string | Buffer;
  format: Format;
  filename: string;
  modified: string | null;
}

/** The public package of a strategy, or 404 naming the dataset when it is not public. */
async function publicPackage(ctx: Ctx, code: string, id: string): Promise<StrategyPackage> {
  try {
    return await exportStrategy(publicCtx(ctx), code);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw unknownDataset(id);
    throw error;
  }
}

/** One dataset rendered in one format. */
export async function renderDataset(ctx: Ctx, file: string, pkg?: StrategyPackage): Promise<DatasetFile> {
  const { id, code, kind, format } = parseDatasetFile(file);
  const source = pkg ?? (await publicPackage(ctx, code, id));
  const table = datasetTable(source, kind);
  const [change] = await findLastChanges(ctx.db, [code]);
  const filename = `${id}.${format}`;
  const modified = change?.modified ?? null;
  if (format === 'csv') return { body: toCsv(table), format, filename, modified };
  if (format === 'xlsx') return { body: await toXlsx(table, kind), format, filename, modified };
  const title = joinTitle(source.strategy.title, KIND_LABELS[kind].title);
  const meta = { id, title, license: openDataLicense(), modified };
  return { body: toJson(table, meta), format, filename, modified };
}

/** Every public strategy's package (for releases, which write all files at once). */
export async function publicPackages(ctx: Ctx): Promise<StrategyPackage[]> {
  const strategies = await listStrategies(publicCtx(ctx));
  return Promise.all(strategies.map((s) => exportStrategy(publicCtx(ctx), s.code)));
}
