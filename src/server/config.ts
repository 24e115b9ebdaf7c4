import path from 'node:path';

/** Everything Marsad reads from its environment, parsed once. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  smtpUrl: string | null;
  adminPassword: string | null;
  publicUrl: string | null;
  bodyLimit: number;
  importLimit: number;
  logLevel: string;
  trustProxy: boolean;
  sessionTtlHours: number;
  login: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowSeconds: number };
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
  return {
    port: intFrom(env.PORT, 8080, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    smtpUrl: env.SMTP_URL || null,
    adminPassword: env.MARSAD_ADMIN_PASSWORD || null,
    publicUrl: env.PUBLIC_URL || null,
    bodyLimit: intFrom(env.BODY_LIMIT_BYTES, 1024 * 1024, 'BODY_LIMIT_BYTES'),
    importLimit: intFrom(env.IMPORT_LIMIT_BYTES, 100 * 1024 * 1024, 'IMPORT_LIMIT_BYTES'),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    sessionTtlHours: intFrom(env.SESSION_TTL_HOURS, 12, 'SESSION_TTL_HOURS'),
    login: {
      maxFailuresPerAccount: intFrom(env.LOGIN_MAX_FAILURES_ACCOUNT, 5, 'LOGIN_MAX_FAILURES_ACCOUNT'),
      maxFailuresPerAddress: intFrom(env.LOGIN_MAX_FAILURES_ADDRESS, 30, 'LOGIN_MAX_FAILURES_ADDRESS'),
      windowSeconds: intFrom(env.LOGIN_WINDOW_SECONDS, 900, 'LOGIN_WINDOW_SECONDS'),
    },
    webDir: path.resolve(env.WEB_DIR || 'dist/web'),
  };
}
