import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import type { PackageError, PackageErrorCode } from './context';
import { StrategyPackageSchema } from './schema';

const checker = TypeCompiler.Compile(StrategyPackageSchema);

const CODES: Partial<Record<ValueErrorType, PackageErrorCode>> = {
  [ValueErrorType.ObjectRequiredProperty]: 'schema.required',
  [ValueErrorType.ObjectAdditionalProperties]: 'schema.unknown_property',
  [ValueErrorType.ObjectMinProperties]: 'schema.min_properties',
  [ValueErrorType.Literal]: 'schema.const',
  [ValueErrorType.StringPattern]: 'schema.pattern',
  [ValueErrorType.StringMinLength]: 'schema.min_length',
  [ValueErrorType.NumberMinimum]: 'schema.minimum',
  [ValueErrorType.NumberExclusiveMinimum]: 'schema.minimum',
  [ValueErrorType.IntegerMinimum]: 'schema.minimum',
  [ValueErrorType.NumberMaximum]: 'schema.maximum',
  [ValueErrorType.IntegerMaximum]: 'schema.maximum',
  [ValueErrorType.ArrayMinItems]: 'schema.min_items',
  [ValueErrorType.ArrayUniqueItems]: 'schema.unique_items',
  [ValueErrorType.String]: 'schema.type',
  [ValueErrorType.Number]: 'schema.type',
  [ValueErrorType.Integer]: 'schema.type',
  [ValueErrorType.Boolean]: 'schema.type',
  [ValueErrorType.Null]: 'schema.type',
  [ValueErrorType.Object]: 'schema.type',
  [ValueErrorType.Array]: 'schema.type',
};

/** Names what a schema accepts, for messages: a constant, or a JSON type. */
function accepts(schema: TSchema): string {
  if ('const' in schema) return JSON.stringify(schema.const);
  return typeof schema.type === 'string' ? schema.type : 'value';
}

/** A union of constants is an enumeration: say which values are allowed rather than "Expected union value". */
function fromUnion(error: ValueError): Pick<PackageError, 'code' | 'message'> {
  const variants: TSchema[] = Array.isArray(error.schema.anyOf) ? error.schema.anyOf : [];
  const isEnum = variants.length > 0 && variants.every((variant) => 'const' in variant);
  return isEnum
    ? { code: 'schema.enum', message: `Expected one of ${variants.map(accepts).join(', ')}.` }
    : { code: 'schema.type', message: `Expected ${variants.map(accepts).join(' or ')}.` };
}

function toPackageError(error: ValueError): PackageError {
  if (error.type === ValueErrorType.Union) return { path: error.path, ...fromUnion(error) };
  return { path: error.path, code: CODES[error.type] ?? 'schema.invalid', message: `${error.message}.` };
}

/** Stage 1: every schema violation, one per path (a missing property would otherwise also fail its type). */
export function schemaErrors(input: unknown): PackageError[] {
  // The compiled check is far faster than walking the errors; most packages are valid.
  if (checker.Check(input)) return [];
  const byPath = new Map<string, PackageError>();
  for (const error of checker.Errors(input)) {
    if (!byPath.has(error.path)) byPath.set(error.path, toPackageError(error));
  }
  return [...byPath.values()];
}
