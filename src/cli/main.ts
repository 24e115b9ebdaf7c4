import { parseArgs } from 'node:util';
import { commands } from './commands';

const usage = `marsad — plan, run, monitor and publish a national digital strategy

Usage: marsad <command> [options]

Commands:
  serve [--build-web]           start the server (embedded PostgreSQL unless DATABASE_URL is set)
  migrate                       apply pending database migrations
  user create --username U --password P [--role R] [--org CODE] [--name N] [--locale fr|ar|en]
  seed                          (re)load the default data (data/packages)
  import <file> [--format F]    import a strategy package (.json, .xlsx) or observations (.csv)
  export <CODE> [--format json|xlsx] [-o file]
                                export a strategy as a package
  publish [--out DIR]           freeze a signed release of the public data (DATA_DIR/releases)
  verify <dir> [--public-key F] check a release's signature and file hashes
  backup <file>                 write every row to a gzip'd backup file
  restore <file>                load a backup into an empty database

Environment: PORT, HOST, DATA_DIR, DATABASE_URL, SMTP_URL, MARSAD_ADMIN_PASSWORD, LOG_LEVEL (see README).`;

async function main(argv: string[]): Promise<number | undefined> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${usage}`);
    return 1;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: command.options,
    allowPositionals: true,
    strict: true,
  });
  return command.run(values as Record<string, string | boolean | undefined>, positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: Error & { errors?: { path: string; message: string }[] }) => {
    console.error(`marsad: ${error.message}`);
    for (const e of error.errors ?? []) console.error(`  ${e.path}: ${e.message}`);
    process.exitCode = 1;
  },
);
