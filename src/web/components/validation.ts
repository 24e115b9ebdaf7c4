import type { Translator } from '../i18n/translate';

/** Stable human codes: letters, digits, `-`, `_`, `.`, starting with a letter or digit (`MTNRA`, `ADD`). */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
/** ISO 3166-2 subdivision codes such as `MA-06`. */
export const REGION_PATTERN = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
/** As the server's UserInput schema: 2 to 80 characters. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{1,79}$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The server's MIN_PASSWORD_LENGTH (auth/passwords.ts): checked here only to answer sooner. */
export const PASSWORD_MIN_LENGTH = 10;

/** True for an absolute http(s) URL. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Collects the first problem of each field, in the translated words the form shows. */
export class Checks {
  readonly errors: Record<string, string> = {};
  constructor(private readonly t: Translator) {}

  required(field: string, value: string): this {
    if (!value.trim()) this.set(field, this.t('validation.required'));
    return this;
  }

  matches(field: string, value: string, pattern: RegExp, message: string): this {
    if (value.trim() && !pattern.test(value.trim())) this.set(field, message);
    return this;
  }

  check(field: string, ok: boolean, message: string): this {
    if (!ok) this.set(field, message);
    return this;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  private set(field: string, message: string): void {
    this.errors[field] ??= message;
  }
}
