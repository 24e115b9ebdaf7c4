import { cycleCovers } from '../../../domain/fiscal-calendar';
import { isValidPeriod } from '../../../domain/periods';
import type { Queryable } from '../../db/pool';
import type { FieldError } from '../../errors';
import { dimsKey } from '../imports/package-import.service';
import type { ReportContent } from './reporting.schema';
import * as repo from './reports.repo';

/** A cycle's period and the days it covers under its strategy's fiscal calendar. */
type CycleDays = { period: string; periodStart: string; periodEnd: string };

// The rules a report's content obeys beyond its JSON Schema: everything it names is in the assignment, every
// figure is for a period inside the cycle's, broken down only by declared dimensions into known members.
// Each check adds field errors to a list, so that a form gets every problem at once.

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isValidPeriod(text);

function checkItems(
  content: ReportContent,
  scope: repo.Scope,
  cycle: CycleDays,
  base: string,
  errors: FieldError[],
) {
  const nodes = new Set(scope.nodes.map((n) => n.code));
  const indicators = new Set(scope.indicators.map((i) => i.code));
  const milestones = new Set(scope.projects.flatMap((p) => p.milestones.map((m) => m.id)));
  const seen = new Set<string>();
  const once = (key: string, path: string) => {
    if (seen.has(key)) errors.push({ path, code: 'duplicate', message: 'already listed in this report' });
    seen.add(key);
  };
  const notAssigned = (path: string, what: string) =>
    errors.push({ path, code: 'not_assigned', message: `${what} is not in this assignment` });
  (content.nodes ?? []).forEach((n, i) => {
    if (!nodes.has(n.node)) notAssigned(`${base}/nodes/${i}/node`, `node ${n.node}`);
    once(`node:${n.node}`, `${base}/nodes/${i}/node`);
  });
  (content.milestones ?? []).forEach((m, i) => {
    if (!milestones.has(m.milestone)) notAssigned(`${base}/milestones/${i}/milestone`, 'this milestone');
    else if (m.actualDate !== null && !isDay(m.actualDate)) {
      errors.push({ path: `${base}/milestones/${i}/actualDate`, code: 'date.invalid', message: 'not a day' });
    }
    once(`milestone:${m.milestone}`, `${base}/milestones/${i}/milestone`);
  });
  (content.transactions ?? []).forEach((t, i) => {
    if (!nodes.has(t.node)) notAssigned(`${base}/transactions/${i}/node`, `node ${t.node}`);
    if (!isDay(t.date)) {
      errors.push({ path: `${base}/transactions/${i}/date`, code: 'date.invalid', message: 'not a day' });
    } else if (!cycleCovers(cycle, t.date)) {
      errors.push({
        path: `${base}/transactions/${i}/date`,
        code: 'period.outside_cycle',
        message: `outside the ${cycle.period} cycle`,
      });
    }
  });
  (content.explanations ?? []).forEach((e, i) => {
    const known = e.kind === 'node' ? nodes.has(e.code) : indicators.has(e.code);
    if (!known) notAssigned(`${base}/explanations/${i}/code`, `${e.kind} ${e.code}`);
    if (!isDay(e.dueDate)) {
      errors.push({ path: `${base}/explanations/${i}/dueDate`, code: 'date.invalid', message: 'not a day' });
    }
    once(`explanation:${e.kind}:${e.code}`, `${base}/explanations/${i}/code`);
  });
}

async function checkFigures(
  db: Queryable,
  content: ReportContent,
  scope: repo.Scope,
  cycle: CycleDays,
  base: string,
  errors: FieldError[],
) {
  const indicators = new Map(scope.indicators.map((i) => [i.code, i]));
  const figures = content.figures ?? [];
  const unknown = await repo.findUnknownMembers(
    db,
    figures.flatMap((f) => Object.entries(f.dimensions ?? {})),
  );
  const seen = new Set<string>();
  figures.forEach((f, i) => {
    const path = `${base}/figures/${i}`;
    const indicator = indicators.get(f.indicator);
    if (!indicator) {
      errors.push({
        path: `${path}/indicator`,
        code: 'not_assigned',
        message: `${f.indicator} is not in this assignment`,
      });
    }
    if (!isValidPeriod(f.period)) {
      errors.push({
        path: `${path}/period`,
        code: 'period.invalid',
        message: `"${f.period}" is not a period`,
      });
    } else if (!cycleCovers(cycle, f.period)) {
      errors.push({
        path: `${path}/period`,
        code: 'period.outside_cycle',
        message: `${f.period} is outside the ${cycle.period} cycle`,
      });
    }
    for (const [dimension, member] of Object.entries(f.dimensions ?? {})) {
      if (indicator && !indicator.dimensions.includes(dimension)) {
        errors.push({
          path: `${path}/dimensions/${dimension}`,
          code: 'observation.undeclared_dimension',
          message: `${f.indicator} is not broken down by ${dimension}`,
        });
      } else if (unknown.has(`${dimension}=${member}`)) {
        errors.push({
          path: `${path}/dimensions/${dimension}`,
          code: 'reference.unknown_member',
          message: `${member} is not a member of ${dimension}`,
        });
      }
    }
    const key = `${f.indicator}|${f.period}|${dimsKey(f.dimensions)}`;
    if (seen.has(key)) {
      errors.push({ path, code: 'duplicate', message: 'this figure is already given in this report' });
    }
    seen.add(key);
  });
}

/**
 * Realisations name a commitment of the assignment, once each, and never one whose figure for the cycle's
 * period was already verified (a verified figure is not replaced from a report).
 */
async function checkRealisations(
  db: Queryable,
  content: ReportContent,
  scope: repo.Scope,
  cycle: CycleDays,
  base: string,
  errors: FieldError[],
) {
  const list = content.realisations ?? [];
  if (list.length === 0) return;
  const assigned = new Set(scope.commitments.map((c) => c.id));
  const verified = await repo.findVerifiedRealisations(
    db,
    list.map((r) => r.commitment),
    cycle.period,
  );
  const seen = new Set<string>();
  list.forEach((r, i) => {
    const path = `${base}/realisations/${i}/commitment`;
    if (!assigned.has(r.commitment)) {
      errors.push({ path, code: 'not_assigned', message: 'this commitment is not in this assignment' });
    } else if (verified.has(r.commitment)) {
      errors.push({
        path,
        code: 'realisation.already_verified',
        message: `a verified figure for ${cycle.period} already stands`,
      });
    }
    if (seen.has(r.commitment))
      errors.push({ path, code: 'duplicate', message: 'this commitment appears twice' });
    seen.add(r.commitment);
  });
}

/** Every problem of a report's content; `base` prefixes the paths (/body for a save, /report at submission). */
export async function checkContent(
  db: Queryable,
  content: ReportContent,
  scope: repo.Scope,
  cycle: CycleDays,
  base: string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  checkItems(content, scope, cycle, base, errors);
  await checkFigures(db, content, scope, cycle, base, errors);
  await checkRealisations(db, content, scope, cycle, base, errors);
  const reasons = await repo.findActiveReasons(db);
  (content.explanations ?? []).forEach((e, i) => {
    if (!reasons.has(e.reasonCode)) {
      errors.push({
        path: `${base}/explanations/${i}/reasonCode`,
        code: 'unknown',
        message: `${e.reasonCode} is not a variance reason`,
      });
    }
  });
  return errors;
}
