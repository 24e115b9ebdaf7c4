#!/usr/bin/env node
// Runs one TypeScript file (a benchmark, a script) through tsx: `node bin/run-ts.mjs bench/run.ts`.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) throw new Error('usage: run-ts <file.ts> [args]');
process.argv.splice(2, 1);
await import(pathToFileURL(file).href);
