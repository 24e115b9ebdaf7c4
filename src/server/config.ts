import path from 'node:path';

/** Everything Marsad reads from its environment, parsed once. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  smtpUrl: string | null;
  /** Sender of Marsad's mails. */
  mailFrom: string;
  /** Start a local SMTP capture on 127.0.0.1 (development, tests) and send there when no SMTP_URL is set. */
  smtpCapture: boolean;
  smtpCapturePort: number;
  /** The PostgreSQL job queue's workers; off in tests unless asked (tests run due jobs themselves). */
  jobs: { enabled: boolean; pollMs: number };
  /** Reporting reminders: days before the due date, then days after it before the reviewers are told. */
  reminders: { daysBefore: number; escalateAfterDays: number };
  adminPassword: string | null;
  publicUrl: string | null;
  bodyLimit: number;
  importLimit: number;
  attachmentLimit: number;
  logLevel: string;
  trustProxy: boolean;
  sessionTtlHours: number;
  login: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowSeconds: number };
  /** Anonymous applications to calls: new drafts allowed per address within the window. */
  calls: { maxDraftsPerAddress: number; throttleWindowSeconds: number };
  webDir: string;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** Reads the configuration from `env` (process.env by default); see the README for each variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Background work and the SMTP capture stay off under test runners (vitest sets VITEST) unless asked for.
  const isTest = env.NODE_ENV === 'test' || process.env.VITEST !== undefined;
  return {
    port: intFrom(env.PORT, 8080, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'Marsad <no-reply@marsad.localhost>',
    smtpCapture: env.SMTP_CAPTURE
      ? env.SMTP_CAPTURE === 'true'
      : !env.SMTP_URL && env.NODE_ENV !== 'production' && !isTest,
    smtpCapturePort: intFrom(env.SMTP_CAPTURE_PORT, 0, 'SMTP_CAPTURE_PORT'),
    jobs: {
      enabled: env.JOBS_ENABLED ? env.JOBS_ENABLED === 'true' : !isTest,
      pollMs: intFrom(env.JOBS_POLL_MS, 5000, 'JOBS_POLL_MS'),
    },
    reminders: {
      daysBefore: intFrom(env.REMINDER_DAYS_BEFORE, 7, 'REMINDER_DAYS_BEFORE'),
      escalateAfterDays: intFrom(env.REMINDER_ESCALATE_AFTER_DAYS, 7, 'REMINDER_ESCALATE_AFTER_DAYS'),
    },
    adminPassword: env.MARSAD_ADMIN_PASSWORD || null,
    publicUrl: env.PUBLIC_URL || null,
    bodyLimit: intFrom(env.BODY_LIMIT_BYTES, 1024 * 1024, 'BODY_LIMIT_BYTES'),
    importLimit: intFrom(env.IMPORT_LIMIT_BYTES, 100 * 1024 * 1024, 'IMPORT_LIMIT_BYTES'),
    attachmentLimit: intFrom(env.ATTACHMENT_LIMIT_BYTES, 20 * 1024 * 1024, 'ATTACHMENT_LIMIT_BYTES'),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    sessionTtlHours: intFrom(env.SESSION_TTL_HOURS, 12, 'SESSION_TTL_HOURS'),
    login: {
      maxFailuresPerAccount: intFrom(env.LOGIN_MAX_FAILURES_ACCOUNT, 5, 'LOGIN_MAX_FAILURES_ACCOUNT'),
      maxFailuresPerAddress: intFrom(env.LOGIN_MAX_FAILURES_ADDRESS, 30, 'LOGIN_MAX_FAILURES_ADDRESS'),
      windowSeconds: intFrom(env.LOGIN_WINDOW_SECONDS, 900, 'LOGIN_WINDOW_SECONDS'),
    },
    calls: {
      maxDraftsPerAddress: intFrom(env.CALLS_MAX_DRAFTS_PER_ADDRESS, 20, 'CALLS_MAX_DRAFTS_PER_ADDRESS'),
      throttleWindowSeconds: intFrom(
        env.CALLS_THROTTLE_WINDOW_SECONDS,
        3600,
        'CALLS_THROTTLE_WINDOW_SECONDS',
      ),
    },
    webDir: path.resolve(env.WEB_DIR || 'dist/web'),
  };
}
