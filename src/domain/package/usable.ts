import type { Static, TSchema } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { isValidDate } from './period-check';
import {
  BodySchema,
  BudgetLineSchema,
  DimensionSchema,
  IndicatorSchema,
  LevelSchema,
  NodeSchema,
  OrganizationSchema,
  ProjectSchema,
  ReportingLineSchema,
  StrategySchema,
  TransactionSchema,
  TranslationsSchema,
} from './schema';

// The view of a package that the referential rules work on. Stage 2 runs even when stage 1 found schema
// errors, so that one typo does not hide every other problem; it sees only the entities that passed their
// own schema (with their index in the file, for error paths), so nothing is reported twice and no rule
// has to guard against malformed data. Codes are collected from every entity that has one, valid or not,
// so a reference to a malformed entity is not reported as unknown.

/** An entity that passed its schema, with its position in its array. */
export interface Item<T> {
  value: T;
  index: number;
}

/** A code found in the file, with the position of the entity carrying it. */
export interface RawCode {
  code: string;
  index: number;
}

const compiled = {
  strategy: TypeCompiler.Compile(StrategySchema),
  levels: TypeCompiler.Compile(Type.Array(LevelSchema, { minItems: 1 })),
  translations: TypeCompiler.Compile(TranslationsSchema),
  organizations: TypeCompiler.Compile(OrganizationSchema),
  dimensions: TypeCompiler.Compile(DimensionSchema),
  bodies: TypeCompiler.Compile(BodySchema),
  reportingLines: TypeCompiler.Compile(ReportingLineSchema),
  nodes: TypeCompiler.Compile(NodeSchema),
  indicators: TypeCompiler.Compile(IndicatorSchema),
  budgetLines: TypeCompiler.Compile(BudgetLineSchema),
  transactions: TypeCompiler.Compile(TransactionSchema),
  projects: TypeCompiler.Compile(ProjectSchema),
};

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function usable<T extends TSchema>(raw: unknown, check: TypeCheck<T>): Item<Static<T>>[] {
  const items: Item<Static<T>>[] = [];
  list(raw).forEach((value, index) => {
    if (check.Check(value)) items.push({ value, index });
  });
  return items;
}

function rawCodes(raw: unknown): RawCode[] {
  const codes: RawCode[] = [];
  list(raw).forEach((value, index) => {
    if (isRecord(value) && typeof value.code === 'string') codes.push({ code: value.code, index });
  });
  return codes;
}

function strategyPeriod(strategy: Record<string, unknown>): { start: string; end: string } | null {
  const { periodStart: start, periodEnd: end } = strategy;
  if (typeof start !== 'string' || typeof end !== 'string') return null;
  if (!isValidDate(start) || !isValidDate(end) || start > end) return null;
  return { start, end };
}

/** Splits a (possibly invalid) package object into the parts the rules can trust. */
export function usablePackage(input: Record<string, unknown>) {
  const strategy = isRecord(input.strategy) ? input.strategy : {};
  const budget = isRecord(input.budget) ? input.budget : {};
  const translations = compiled.translations.Check(input.translations) ? input.translations : null;
  return {
    strategy: compiled.strategy.Check(strategy) ? strategy : null,
    strategyCode: typeof strategy.code === 'string' ? strategy.code : null,
    period: strategyPeriod(strategy),
    levels: compiled.levels.Check(strategy.levels) ? strategy.levels : null,
    translations,
    organizations: usable(input.organizations, compiled.organizations),
    dimensions: usable(input.dimensions, compiled.dimensions),
    bodies: usable(input.bodies, compiled.bodies),
    reportingLines: usable(input.reportingLines, compiled.reportingLines),
    nodes: usable(input.nodes, compiled.nodes),
    indicators: usable(input.indicators, compiled.indicators),
    budgetLines: usable(budget.lines, compiled.budgetLines),
    transactions: usable(budget.transactions, compiled.transactions),
    projects: usable(input.projects, compiled.projects),
    codes: {
      organizations: rawCodes(input.organizations),
      dimensions: rawCodes(input.dimensions),
      bodies: rawCodes(input.bodies),
      nodes: rawCodes(input.nodes),
      indicators: rawCodes(input.indicators),
      projects: rawCodes(input.projects),
    },
  };
}

export type UsablePackage = ReturnType<typeof usablePackage>;
