/** Codes of invalid-input errors raised by the domain; the client translates the code, not the message. */
export type DomainErrorCode =
  | 'period.invalid'
  | 'date.invalid'
  | 'number.invalid'
  | 'target.invalid_order'
  | 'target.duplicate_date'
  | 'target.against_direction'
  | 'observation.duplicate_period'
  | 'status.invalid_thresholds'
  | 'growth.invalid_year'
  | 'growth.duplicate_year'
  | 'rollup.invalid_weight'
  | 'budget.invalid_amount'
  | 'reported.unsupported_unit'
  | 'fiscal_calendar.invalid';

/** Invalid input to a domain computation; `params` names the offending field and value. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(code: DomainErrorCode, params: Record<string, unknown> = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.code = code;
    this.params = params;
  }
}

/** Narrows an unknown thrown value, so callers match errors by code rather than by message. */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** Rejects NaN and infinities early: they would otherwise travel silently into every derived figure. */
export function assertFinite(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError('number.invalid', { field, value });
  }
}
