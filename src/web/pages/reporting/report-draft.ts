import { ApiError } from '../../api/problem';
import type { ExplanationEntry, ItemKind, Report, ReportContent } from '../../api/reporting-types';
import type { Translator } from '../../i18n/translate';

// The report form's editable state, how it becomes the API's draft, and where the server's field errors go.
// Pure functions, so that the mapping of `errors[].path` to fields is unit-tested.

export interface NodeRow {
  progress: string;
  state: string;
  comment: string;
}

export interface FigureRow {
  key: string;
  indicator: string;
  period: string;
  dimensions: Record<string, string>;
  value: string;
  note: string;
}

export type ExplanationRow = Omit<ExplanationEntry, 'kind' | 'code'>;

export interface DraftState {
  narrative: string;
  nodes: Record<string, NodeRow>;
  figures: FigureRow[];
  /** Actual dates of the scope's project milestones, by milestone id ('' when not reached). */
  milestones: Record<string, string>;
  /** What was delivered on each commitment of the scope in the cycle's period, by commitment id ('' = none). */
  realisations: Record<string, { value: string; note: string }>;
  /** Keyed `indicator:CODE` or `node:CODE`, as the server names items. */
  explanations: Record<string, ExplanationRow>;
}

/** What the form sent, in order, so that an index in an error path finds its row again. */
export interface Sent {
  content: ReportContent;
  nodeCodes: string[];
  milestoneIds: string[];
  realisationIds: string[];
  figureKeys: string[];
  explanationKeys: string[];
}

export const itemKey = (kind: ItemKind, code: string) => `${kind}:${code}`;

export const emptyExplanation = (): ExplanationRow => ({
  reasonCode: '',
  narrative: '',
  correctiveAction: '',
  owner: '',
  dueDate: '',
  escalate: false,
});

let nextKey = 0;
/** A new row key, unique in the page's life. */
export const newRowKey = () => `r${++nextKey}`;

/** The form's state from a loaded report: every node and indicator of the scope gets a row. */
export function draftFromReport(report: Report): DraftState {
  const content = report.content;
  const nodes: Record<string, NodeRow> = {};
  for (const node of report.scope.nodes) {
    const saved = content.nodes?.find((n) => n.node === node.code);
    nodes[node.code] = {
      progress: saved?.progress === null || saved?.progress === undefined ? '' : String(saved.progress),
      state: saved?.state ?? '',
      comment: saved?.comment ?? '',
    };
  }
  const figures: FigureRow[] = (content.figures ?? []).map((f) => ({
    key: newRowKey(),
    indicator: f.indicator,
    period: f.period,
    dimensions: { ...(f.dimensions ?? {}) },
    value: f.value === null ? '' : String(f.value),
    note: f.note ?? '',
  }));
  for (const indicator of report.scope.indicators) {
    if (!figures.some((f) => f.indicator === indicator.code)) {
      figures.push(blankFigure(indicator.code, report.cycle.period));
    }
  }
  const explanations: Record<string, ExplanationRow> = {};
  for (const e of content.explanations ?? []) {
    const { kind, code, ...rest } = e;
    explanations[itemKey(kind, code)] = rest;
  }
  const milestones: Record<string, string> = {};
  for (const milestone of report.scope.projects.flatMap((p) => p.milestones)) {
    const saved = content.milestones?.find((m) => m.milestone === milestone.id);
    milestones[milestone.id] = saved ? (saved.actualDate ?? '') : (milestone.actualDate ?? '');
  }
  const realisations: DraftState['realisations'] = {};
  for (const commitment of report.scope.commitments ?? []) {
    const saved = content.realisations?.find((r) => r.commitment === commitment.id);
    realisations[commitment.id] = { value: saved ? String(saved.value) : '', note: saved?.note ?? '' };
  }
  return { narrative: content.narrative ?? '', nodes, figures, milestones, realisations, explanations };
}

export const blankFigure = (indicator: string, period: string): FigureRow => ({
  key: newRowKey(),
  indicator,
  period,
  dimensions: {},
  value: '',
  note: '',
});

/** A typed figure: a comma is a decimal separator, as French and Moroccan Arabic write it. */
export const parseFigure = (text: string): number => Number(text.trim().replace(/\s/g, '').replace(',', '.'));

/** The draft the API takes; transactions, which the form does not edit, are sent back unchanged. */
export function contentOf(state: DraftState, report: Report): Sent {
  const nodeCodes = Object.keys(state.nodes);
  const figureRows = state.figures.filter((f) => f.value.trim() || f.note.trim());
  const explanationKeys = Object.keys(state.explanations);
  const milestoneIds = Object.keys(state.milestones);
  const content: ReportContent = {
    narrative: state.narrative,
    nodes: nodeCodes.map((code) => {
      const row = state.nodes[code] as NodeRow;
      return {
        node: code,
        progress: row.progress.trim() ? parseFigure(row.progress) : null,
        state: row.state || null,
        ...(row.comment.trim() ? { comment: row.comment.trim() } : {}),
      };
    }),
    figures: figureRows.map((f) => {
      const dimensions = Object.fromEntries(Object.entries(f.dimensions).filter(([, member]) => member));
      return {
        indicator: f.indicator,
        period: f.period.trim(),
        ...(Object.keys(dimensions).length ? { dimensions } : {}),
        value: f.value.trim() ? parseFigure(f.value) : null,
        ...(f.note.trim() ? { note: f.note.trim() } : {}),
      };
    }),
    explanations: explanationKeys.map((key) => {
      const [kind, ...rest] = key.split(':');
      return { kind: kind as ItemKind, code: rest.join(':'), ...(state.explanations[key] as ExplanationRow) };
    }),
  };
  if (milestoneIds.length) {
    content.milestones = milestoneIds.map((id) => ({
      milestone: id,
      actualDate: state.milestones[id] || null,
    }));
  }
  const realisationIds = Object.keys(state.realisations).filter((id) => state.realisations[id]?.value.trim());
  if (realisationIds.length) {
    content.realisations = realisationIds.map((id) => {
      const row = state.realisations[id] as { value: string; note: string };
      return {
        commitment: id,
        value: parseFigure(row.value),
        ...(row.note.trim() ? { note: row.note.trim() } : {}),
      };
    });
  }
  if (report.content.transactions) content.transactions = report.content.transactions;
  return {
    content,
    nodeCodes,
    milestoneIds,
    realisationIds,
    figureKeys: figureRows.map((f) => f.key),
    explanationKeys,
  };
}

/**
 * The form field an error path names: `/body/figures/2/value` → `figures.<row key>.value`,
 * `/report/explanations/indicator:MN-I28` → `explanations.indicator:MN-I28`, `/report/figures/MN-I01` (a
 * figure missing) → `indicator.MN-I01`.
 */
export function fieldOfPath(path: string, sent: Sent): string {
  const parts = path
    .replace(/^\/(body|report)(?=\/|$)/, '')
    .split('/')
    .filter(Boolean);
  const [head, second, ...rest] = parts;
  const byIndex = (keys: string[]) =>
    second !== undefined && /^\d+$/.test(second) ? keys[Number(second)] : undefined;
  if (head === 'figures' && second !== undefined) {
    const key = byIndex(sent.figureKeys);
    return key ? ['figures', key, ...rest].join('.') : `indicator.${second}`;
  }
  if (head === 'explanations' && second !== undefined) {
    const key = byIndex(sent.explanationKeys);
    return key ? ['explanations', key, ...rest].join('.') : `explanations.${second}`;
  }
  if (head === 'nodes' && second !== undefined) {
    const key = byIndex(sent.nodeCodes);
    if (key) return ['nodes', key, ...rest].join('.');
  }
  if (head === 'milestones' && second !== undefined) {
    const key = byIndex(sent.milestoneIds);
    if (key) return ['milestones', key, ...rest].join('.');
  }
  if (head === 'realisations' && second !== undefined) {
    // A realisation's errors (unknown, twice, already verified) are about its value field.
    const key = byIndex(sent.realisationIds);
    if (key) return `realisations.${key}.value`;
  }
  return parts.join('.');
}

/** The server's field errors keyed by form field, translated by code (`validation.<code>`). */
export function reportFieldErrors(t: Translator, error: unknown, sent: Sent): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) {
    const field = fieldOfPath(e.path, sent);
    const key = `validation.${e.code}`;
    out[field] ??= t.has(key) ? t(key) : e.message;
  }
  return out;
}

/** Items the server says need an explanation (`explanations.indicator:X` errors). */
export function itemsNeedingExplanation(errors: Record<string, string>): string[] {
  const subField = /\.(reasonCode|narrative|correctiveAction|owner|dueDate|escalate)$/;
  return Object.keys(errors)
    .filter((field) => /^explanations\.(indicator|node):/.test(field) && !subField.test(field))
    .map((field) => field.slice('explanations.'.length));
}
