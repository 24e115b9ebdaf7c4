/** One field at fault; `path` is a JSON pointer into the request (`/code`, `/body/name/fr`). */
export interface ProblemFieldError {
  path: string;
  code: string;
  message: string;
}

/** The server's `application/problem+json` body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: ProblemFieldError[];
  /** Details some errors carry, e.g. `detected` for a refused attachment type. */
  params?: Record<string, unknown>;
}

/** A failed API call: the problem as the server sent it (or one made up for network failures). */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    /** Seconds to wait, from `Retry-After`, when the server sent one. */
    readonly retryAfter: number | null = null,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.problem.code;
  }

  get status(): number {
    return this.problem.status;
  }
}

/**
 * Field errors keyed by form field: `/body/roles/0/organizationId` → `roles.0.organizationId`. The `/body`
 * prefix is dropped because forms only know their own fields.
 */
export function fieldErrorsOf(error: unknown): Record<string, ProblemFieldError> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, ProblemFieldError> = {};
  for (const fieldError of error.problem.errors ?? []) {
    const key = fieldError.path
      .replace(/^\/(body|query|params)(?=\/|$)/, '')
      .replace(/^\//, '')
      .replaceAll('/', '.');
    // '' is the request body as a whole (e.g. an unexpected property): kept, so the form can report it.
    if (!(key in out)) out[key] = fieldError;
  }
  return out;
}

/** True when the server has no such route at all (a module not deployed yet), as opposed to a missing item. */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'route_not_found';
}
