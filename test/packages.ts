import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StrategyPackage } from '../src/domain/package/schema';

/** A strategy package from data/packages (the default data) or a test fixture, parsed. */
export function loadPackage(name: string): StrategyPackage {
  const file = name.includes('/') ? name : path.join('data/packages', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as StrategyPackage;
}
