import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Locale } from '../../../domain/i18n';
import type { Dashboard } from '../../../web/api/dashboard-types';
import { BriefingDocument } from '../../../web/briefing/BriefingDocument';
import { createFormatters } from '../../../web/components/format';
import { MESSAGES } from '../../../web/i18n/messages';
import { createTranslator } from '../../../web/i18n/translate';
import { requirePermission } from '../../access/permissions';
import { notFound } from '../../errors';
import type { Ctx } from '../../types';
import { getStrategy, today } from '../strategy/strategy.service';
import { printPdf } from './briefing.pdf';
import { getDashboard } from './dashboard.service';

export const BRIEFING_LANGUAGES = ['fr', 'ar'] as const;
export type BriefingLanguage = (typeof BRIEFING_LANGUAGES)[number];

/** The briefing book's HTML: the dashboard's figures (unfiltered) on a print page in one language. */
export async function renderBriefingHtml(ctx: Ctx, code: string, options: { lang: Locale; asOf?: string }) {
  const data = (await getDashboard(ctx, code, { asOf: options.asOf })) as unknown as Dashboard;
  const t = createTranslator(MESSAGES[options.lang], options.lang);
  const format = createFormatters(options.lang, t);
  const element = createElement(BriefingDocument, {
    data,
    locale: options.lang,
    t,
    format,
    generatedOn: today(),
  });
  return { data, html: `<!doctype html>${renderToStaticMarkup(element)}` };
}

/** The steering committee's briefing book as a PDF, generated now. */
export async function generateBriefing(ctx: Ctx, code: string, options: { lang: Locale; asOf?: string }) {
  requirePermission(ctx.actor, 'internal.read');
  const { data, html } = await renderBriefingHtml(ctx, code, options);
  return { asOf: data.asOf, pdf: await printPdf(html) };
}

const FILE = /^(\d{4}-\d{2}-\d{2})-(fr|ar)\.pdf$/;
const folder = (dataDir: string, code: string) => path.join(dataDir, 'briefings', code);

/** Generates and stores today's briefing of a strategy in each language: `briefings/{code}/{date}-{lang}.pdf`. */
export async function storeBriefings(ctx: Ctx, dataDir: string, code: string) {
  const dir = folder(dataDir, code);
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const lang of BRIEFING_LANGUAGES) {
    const { pdf } = await generateBriefing(ctx, code, { lang });
    const name = `${today()}-${lang}.pdf`;
    await writeFile(path.join(dir, name), pdf);
    files.push(name);
  }
  return files;
}

/** The stored briefings of a strategy, newest first. */
export async function listBriefings(ctx: Ctx, dataDir: string, code: string) {
  requirePermission(ctx.actor, 'internal.read');
  const strategy = await getStrategy(ctx, code);
  const names = await readdir(folder(dataDir, strategy.code)).catch(() => [] as string[]);
  return names
    .flatMap((name) => {
      const m = FILE.exec(name);
      return m ? [{ file: name, date: m[1]!, lang: m[2] as BriefingLanguage }] : [];
    })
    .sort((a, b) => (a.file < b.file ? 1 : -1))
    .map((b) => ({ ...b, url: `/api/strategies/${encodeURIComponent(strategy.code)}/briefings/${b.file}` }));
}

/** One stored briefing; the name must be one the list gives (no path reaches outside the folder). */
export async function readBriefing(ctx: Ctx, dataDir: string, code: string, file: string) {
  requirePermission(ctx.actor, 'internal.read');
  const strategy = await getStrategy(ctx, code);
  if (!FILE.test(file)) throw notFound('briefing');
  return readFile(path.join(folder(dataDir, strategy.code), file)).catch(() => {
    throw notFound('briefing');
  });
}
