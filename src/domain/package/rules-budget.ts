import { type RuleContext, refs } from './context';
import { isValidDate, isValidPeriod } from './period-check';

/** Budget lines: node exists, fiscal year inside the strategy, one amount per (node, rubric, year, type). */
export function checkBudget(ctx: RuleContext): void {
  const period = ctx.pkg.period;
  const seen = new Set<string>();
  for (const { value: line, index } of ctx.pkg.budgetLines) {
    const base = `/budget/lines/${index}`;
    refs.node(ctx, `${base}/node`, line.node);
    if (
      period &&
      (line.year < Number(period.start.slice(0, 4)) || line.year > Number(period.end.slice(0, 4)))
    ) {
      ctx.report(
        `${base}/year`,
        'period.outside_strategy',
        `Year ${line.year} lies outside ${period.start} … ${period.end}.`,
      );
    }
    // Same key twice would be summed by one reader and overwritten by another: refuse it.
    const key = JSON.stringify([line.node ?? null, line.rubric, line.year, line.type]);
    if (seen.has(key)) {
      ctx.report(
        base,
        'budget.duplicate_line',
        `A second ${line.type} amount for ${line.rubric} in ${line.year}.`,
      );
    }
    seen.add(key);
  }
  for (const { value: transaction, index } of ctx.pkg.transactions) {
    const base = `/budget/transactions/${index}`;
    refs.node(ctx, `${base}/node`, transaction.node);
    if (!isValidDate(transaction.date)) {
      ctx.report(`${base}/date`, 'date.invalid', `"${transaction.date}" is not a calendar date.`);
    }
  }
}

/** Projects: node and owner exist, milestone dates are real dates or periods. */
export function checkProjects(ctx: RuleContext): void {
  for (const { value: project, index } of ctx.pkg.projects) {
    const base = `/projects/${index}`;
    refs.node(ctx, `${base}/node`, project.node);
    refs.organization(ctx, `${base}/owner`, project.owner);
    project.milestones?.forEach((milestone, i) => {
      for (const field of ['plannedDate', 'actualDate'] as const) {
        const value = milestone[field];
        if (value !== undefined && !isValidPeriod(value)) {
          ctx.report(
            `${base}/milestones/${i}/${field}`,
            'period.invalid',
            `"${value}" is not a valid date or period.`,
          );
        }
      }
    });
  }
}
