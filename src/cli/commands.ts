import type { Role } from '../server/access/actor';
import { systemActor } from '../server/access/actor';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/open';
import { ensureAdmin } from '../server/modules/admin/bootstrap';
import { backupTo, restoreFrom } from '../server/modules/backup/backup.service';
import { seedIfEmpty } from '../server/modules/imports/seed';
import { findOrganizationByCode } from '../server/modules/organizations/organizations.repo';
import { createUser } from '../server/modules/users/users.service';
import { buildWebIfStale } from './build-web';
import { exportCommand, importCommand, seedCommand } from './data-commands';
import type { Command, Values } from './database';
import { withDatabase } from './database';
import { publishCommand, verifyCommand } from './release-commands';

const say = (line: string) => console.log(line);

async function serve(values: Values) {
  const config = loadConfig();
  if (values['build-web']) await buildWebIfStale();
  const database = await openDatabase(config, say);
  await seedIfEmpty(database.db, say);
  const admin = await ensureAdmin(database.db, config.adminPassword);
  if (admin.password) {
    say('');
    say('  First start: an administrator account was created.');
    say('    user name: admin');
    say(`    password:  ${admin.password}`);
    say('  This password is shown once and is not stored in clear. Change it after you sign in.');
    say('');
  }
  const app = await buildApp({ config, db: database.db });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  say(
    `Marsad is running on http://localhost:${config.port}/ (API docs: http://localhost:${config.port}/api/docs)`,
  );
  return undefined;
}

export const commands: Record<string, Command> = {
  serve: { options: { 'build-web': { type: 'boolean' } }, run: serve },

  migrate: {
    options: {},
    async run() {
      await withDatabase(async () => say('migrations are up to date'));
      return 0;
    },
  },

  user: {
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'viewer' },
      org: { type: 'string' },
      locale: { type: 'string', default: 'fr' },
    },
    async run(values, positionals) {
      if (
        positionals[0] !== 'create' ||
        typeof values.username !== 'string' ||
        typeof values.password !== 'string'
      ) {
        console.error(
          'usage: marsad user create --username U --password P [--role R] [--org CODE] [--name N]',
        );
        return 1;
      }
      const { username, password } = values;
      await withDatabase(async (db) => {
        const org = typeof values.org === 'string' ? await findOrganizationByCode(db, values.org) : null;
        if (values.org && !org) throw new Error(`unknown organization ${values.org}`);
        const user = await createUser(
          { actor: systemActor('cli'), db },
          {
            username,
            password,
            displayName: typeof values.name === 'string' ? values.name : username,
            locale: values.locale as 'fr' | 'ar' | 'en',
            roles: [{ role: values.role as Role, organizationId: org?.id ?? null }],
          },
        );
        say(`created user ${user.username} (${values.role}${org ? ` in ${org.code}` : ''})`);
      });
      return 0;
    },
  },

  seed: seedCommand,
  import: importCommand,
  export: exportCommand,
  publish: publishCommand,
  verify: verifyCommand,

  backup: {
    options: {},
    async run(_values, [file]) {
      if (!file) throw new Error('usage: marsad backup <file>');
      const result = await withDatabase((db) => backupTo(db, file));
      say(`backup written to ${file}: ${result.rows} rows from ${result.tables} tables`);
      return 0;
    },
  },

  restore: {
    options: {},
    async run(_values, [file]) {
      if (!file) throw new Error('usage: marsad restore <file>');
      const result = await withDatabase((db) => restoreFrom(db, file));
      say(`restored ${result.rows} rows into ${result.tables} tables from ${file}`);
      return 0;
    },
  },
};
