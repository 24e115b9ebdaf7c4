/** One field at fault, as a JSON pointer into the request (`/body/code`, `/query/limit`). */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/**
 * The one error type services throw. `code` is stable and translated by clients; the HTTP status says its kind.
 * Rendered as application/problem+json by the error plugin.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message?: string,
    readonly params: Record<string, unknown> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', 404, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError('forbidden', 403, message);
export const unauthenticated = () => new AppError('unauthenticated', 401, 'Sign in first');
export const versionConflict = (current: unknown) =>
  new AppError('version_conflict', 409, 'Someone else changed this since you loaded it', { current });
export const invalid = (errors: FieldError[], message = 'The request has invalid fields') =>
  new AppError('validation_failed', 400, message, {}, errors);
