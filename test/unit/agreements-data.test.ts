import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// data/ecosystem/agreements.json is transcribed from ../shared/facts/morocco-facts.md, section 5.4. These
// tests pin the transcription: every commitment's figure and due year are on the facts row its source URL
// names, and nothing is invented (Nokia has no figure, the unnamed training partner is left out).

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Beside the repository (../shared), or beside the folder of worktrees (../../shared).
const FACTS =
  ['../shared', '../../shared']
    .map((dir) => resolve(root, dir, 'facts/morocco-facts.md'))
    .find((file) => existsSync(file)) ?? '';
const data = JSON.parse(readFileSync(resolve(root, 'data/ecosystem/agreements.json'), 'utf8')) as {
  agreements: {
    code: string;
    event: string | null;
    commitments: {
      code: string;
      metric: string;
      value: number | null;
      dueYear: number | null;
      source: { url: string };
    }[];
    sources: { url: string }[];
  }[];
};

describe.skipIf(!FACTS)('default agreements against morocco-facts.md', () => {
  const rows = (FACTS ? readFileSync(FACTS, 'utf8') : '')
    .split('\n')
    .filter((line) => /^\d{4}-\d{2}/.test(line));
  const commitments = data.agreements.flatMap((a) => a.commitments.map((c) => ({ agreement: a.code, ...c })));

  it.each(commitments.map((c) => [`${c.agreement}/${c.code}`, c] as const))(
    '%s: figure and due year are on the row of its source',
    (_name, c) => {
      const row = rows.find(
        (line) => line.includes(c.source.url) && (c.value === null || line.includes(String(c.value))),
      );
      expect(row, `no facts row with ${c.source.url} and ${c.value}`).toBeDefined();
      if (c.dueYear !== null) expect(row).toContain(`,${c.dueYear},`);
    },
  );

  it('totals 1,050 direct jobs for GITEX Africa 2025, as the facts sum them', () => {
    const jobs = commitments
      .filter((c) => data.agreements.find((a) => a.code === c.agreement)?.event === 'GITEX Africa 2025')
      .filter((c) => c.metric === 'direct_jobs')
      .reduce((sum, c) => sum + (c.value ?? 0), 0);
    expect(jobs).toBe(1050);
    expect(rows.find((line) => line.includes('TOTAL of the 3 MoUs'))).toContain('sum=1050');
  });

  it('gives Nokia no figure and leaves the unnamed training partner out', () => {
    expect(data.agreements.find((a) => a.code === 'GITEX25-NOKIA')?.commitments).toEqual([]);
    expect(commitments.some((c) => c.metric === 'people_trained')).toBe(false);
    for (const a of data.agreements) expect(a.sources.length).toBeGreaterThan(0);
  });
});
