import { BUILTIN_DIMENSIONS } from './builtin-dimensions';
import { createContext, type PackageError } from './context';
import { checkBudget, checkProjects } from './rules-budget';
import { checkIndicators } from './rules-indicators';
import { checkNodes, checkStrategy } from './rules-plan';
import {
  checkBodies,
  checkDimensions,
  checkOrganizations,
  checkTranslations,
  checkUniqueCodes,
} from './rules-registry';
import { type Dimension, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type StrategyPackage } from './schema';
import { schemaErrors } from './schema-errors';
import { isRecord, usablePackage } from './usable';

export type { PackageError, PackageErrorCode } from './context';

export interface ValidateOptions {
  /** Dimensions the installation knows (built-in region, zone, income…); defaults to BUILTIN_DIMENSIONS. */
  dimensions?: readonly Dimension[];
  /** Organization codes that exist outside the package (e.g. already in the database) and may be cited. */
  externalOrganizations?: readonly string[];
}

export type ValidationResult = { ok: true; pkg: StrategyPackage } | { ok: false; errors: PackageError[] };

/**
 * Checks a parsed package document and reports every problem at once: first schema errors, then the
 * referential and domain rules over every entity that passed its own schema.
 */
export function validatePackage(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const errors = schemaErrors(input);
  // Without the right format marker the document is something else: rules would only add noise.
  if (!isRecord(input) || input.format !== PACKAGE_FORMAT || input.formatVersion !== PACKAGE_FORMAT_VERSION) {
    return { ok: false, errors };
  }
  const dimensions = options.dimensions ?? BUILTIN_DIMENSIONS;
  const pkg = usablePackage(input);
  const ctx = createContext(
    pkg,
    { dimensions, externalOrganizations: options.externalOrganizations ?? [] },
    errors,
  );
  checkTranslations(ctx);
  checkStrategy(ctx);
  checkUniqueCodes(ctx);
  checkOrganizations(ctx);
  checkDimensions(ctx, new Set(dimensions.map((d) => d.code)));
  checkBodies(ctx);
  checkNodes(ctx);
  checkIndicators(ctx);
  checkBudget(ctx);
  checkProjects(ctx);
  return errors.length === 0 ? { ok: true, pkg: input as StrategyPackage } : { ok: false, errors };
}
