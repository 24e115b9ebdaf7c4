import type { StrategyPackage } from '../src/domain/package/schema';

// A synthetic strategy shaped like a real national plan, only larger: four levels (pillar → programme →
// measure → action), one indicator per measure with a baseline, a milestone and a final target, and a CSV of
// monthly observations for each indicator: the national total and the 12 regions.

export const STRATEGY = 'BENCH2030';
/** Every figure is read as of this date, so that the run does not depend on today's date. */
export const AS_OF = '2026-06-30';
const FIRST_YEAR = 2023; // the baseline's year; observations start in its first month
const REGIONS = Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`);
/** Series per indicator and period: the national total, then each region. */
const SERIES = REGIONS.length + 1;

export interface Shape {
  scale: number;
  nodes: number;
  roots: number;
  indicators: number;
  observations: number;
  organizations: number;
}

/** The sizes of the issue (20,000 nodes, 2,000 indicators, 1,000,000 observations) times `scale`. */
export function shapeFor(scale: number): Shape {
  const roots = Math.max(1, Math.round(20 * scale));
  return {
    scale,
    roots,
    nodes: Math.max(Math.round(20_000 * scale), roots * 111),
    indicators: Math.max(1, Math.round(2_000 * scale)),
    observations: Math.max(SERIES, Math.round(1_000_000 * scale)),
    organizations: 40,
  };
}

export const indicatorCode = (i: number) => `BI-${String(i + 1).padStart(5, '0')}`;
const orgCode = (i: number) => `BORG-${String(i + 1).padStart(2, '0')}`;

const text = (fr: string, en: string, ar: string) => ({ fr, en, ar });
const LEVEL_NAMES: Record<string, [string, string, string]> = {
  pillar: ['Pilier', 'Pillar', 'ركيزة'],
  programme: ['Programme', 'Programme', 'برنامج'],
  measure: ['Mesure', 'Measure', 'إجراء'],
  action: ['Action', 'Action', 'عمل'],
};

/** Increase-type indicators climb from 20 to 80 by 2030; one in ten is a rank that falls from 80 to 20. */
function targetOf(i: number) {
  const decrease = i % 10 === 9;
  const [baseline, milestone, final] = decrease ? [80, 50, 20] : [20, 50, 80];
  return {
    decrease,
    target: {
      baseline: { period: String(FIRST_YEAR), value: baseline },
      milestones: [{ period: '2027', value: milestone }],
      final: { period: '2030', value: final },
    },
  };
}

/** The strategy package: its plan tree, organizations and indicators with targets (no observations). */
export function buildPackage(shape: Shape): StrategyPackage {
  const organizations = Array.from({ length: shape.organizations }, (_, i) => ({
    code: orgCode(i),
    name: text(`Organisme ${i + 1}`, `Organization ${i + 1}`, `الهيئة ${i + 1}`),
    type: i % 4 === 0 ? ('ministry' as const) : ('agency' as const),
  }));
  const nodes: StrategyPackage['nodes'] = [];
  const add = (code: string, parent: string | null, level: string, order: number) => {
    const [fr, en, ar] = LEVEL_NAMES[level]!;
    nodes.push({
      code,
      parent,
      level,
      order,
      title: text(`${fr} ${code}`, `${en} ${code}`, `${ar} ${code}`),
      description: text(`Description de ${code}.`, `Description of ${code}.`, `وصف ${code}.`),
      weight: 1 + (nodes.length % 3),
      owner: orgCode(nodes.length % shape.organizations),
      plannedStart: '2024-01-01',
      plannedEnd: '2030-12-31',
      state: 'in_progress',
    });
  };
  const measures: string[] = [];
  for (let p = 0; p < shape.roots; p++) {
    const pillar = `P${p + 1}`;
    add(pillar, null, 'pillar', p);
    for (let g = 0; g < 10; g++) {
      const programme = `${pillar}.${g + 1}`;
      add(programme, pillar, 'programme', g);
      for (let m = 0; m < 10; m++) {
        const measure = `${programme}.${m + 1}`;
        add(measure, programme, 'measure', m);
        measures.push(measure);
      }
    }
  }
  // The actions fill the tree up to the wanted node count, spread evenly over the measures.
  const actions = shape.nodes - nodes.length;
  for (let a = 0; a < actions; a++) {
    const measure = measures[a % measures.length]!;
    const order = Math.floor(a / measures.length);
    add(`${measure}.${order + 1}`, measure, 'action', order);
  }
  const indicators = Array.from({ length: shape.indicators }, (_, i) => {
    const { decrease, target } = targetOf(i);
    return {
      code: indicatorCode(i),
      name: text(`Indicateur ${i + 1}`, `Indicator ${i + 1}`, `المؤشر ${i + 1}`),
      unit: decrease ? 'rank' : '%',
      direction: decrease ? ('decrease' as const) : ('increase' as const),
      aggregation: i % 3 === 0 ? ('mean' as const) : ('sum' as const),
      decimals: 2,
      dimensions: ['region'],
      periodicity: 'monthly' as const,
      nodes: [measures[i % measures.length]!],
      target,
    };
  });
  return {
    format: 'marsad.strategy-package',
    formatVersion: 1,
    strategy: {
      code: STRATEGY,
      title: text('Stratégie de référence', 'Benchmark strategy', 'الاستراتيجية المرجعية'),
      periodStart: '2024-01-01',
      periodEnd: '2030-12-31',
      state: 'adopted',
      levels: [
        ...Object.entries(LEVEL_NAMES).map(([key, [fr, en, ar]]) => ({ key, name: text(fr, en, ar) })),
      ],
    },
    organizations,
    bodies: [],
    nodes,
    indicators,
  } as StrategyPackage;
}

const month = (index: number) =>
  `${FIRST_YEAR + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The observations as a CSV (`indicator,period,value,dim:region`), in chunks of about 56 KiB as a file
 * arrives: `shape.observations` rows spread evenly over the indicators, each indicator's rows going month by month,
 * national total (empty region) first, then the 12 regions. Values follow each indicator's trajectory at a
 * pace between 50 % and 120 % of the expected one, so that statuses vary.
 */
export function buildObservationsCsv(shape: Shape): { chunks: Buffer[]; rows: number; bytes: number } {
  const chunks: Buffer[] = [];
  let lines: string[] = ['indicator,period,value,dim:region'];
  let size = 0;
  let rows = 0;
  const flush = () => {
    const chunk = Buffer.from(`${lines.join('\n')}\n`);
    chunks.push(chunk);
    size += chunk.length;
    lines = [];
  };
  const base = Math.floor(shape.observations / shape.indicators);
  const extra = shape.observations % shape.indicators;
  for (let i = 0; i < shape.indicators; i++) {
    const code = indicatorCode(i);
    const { target } = targetOf(i);
    const pace = 0.5 + (i % 8) * 0.1;
    const count = base + (i < extra ? 1 : 0);
    for (let t = 0; t < count; t++) {
      const m = Math.floor(t / SERIES);
      const series = t % SERIES;
      const national =
        target.baseline.value + ((target.final.value - target.baseline.value) * pace * (m + 1)) / 96;
      const value = series === 0 ? national : (national * series) / 78; // regions 1..12 weigh 1/78 … 12/78
      lines.push(`${code},${month(m)},${value.toFixed(2)},${series === 0 ? '' : REGIONS[series - 1]}`);
      rows++;
      if (lines.length === 2048) flush();
    }
  }
  if (lines.length) flush();
  return { chunks, rows, bytes: size };
}
