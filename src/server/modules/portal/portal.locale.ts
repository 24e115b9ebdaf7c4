import { isLocale, LOCALES, type Locale } from '../../../domain/i18n';

/** The first language of `Accept-Language` (by its q weights) that the portal speaks, else French. */
export function preferredLocale(header: string | undefined): Locale {
  if (!header) return LOCALES[0];
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), i };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((entry) => entry.base).find(isLocale) ?? LOCALES[0];
}
