import type { ParseArgsConfig } from 'node:util';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/open';
import type { Db } from '../server/db/pool';

export type Values = Record<string, string | boolean | undefined>;

/** A CLI command: its options (node:util parseArgs) and what it does; resolves with the exit code. */
export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Values, positionals: string[]): Promise<number | undefined>;
}

/** Opens the database, runs `fn`, and always closes it (stopping an embedded server this command started). */
export async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig(), (line) => console.log(line));
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}
