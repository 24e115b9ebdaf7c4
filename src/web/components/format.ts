import { useMemo } from 'react';
import type { Locale } from '../../domain/i18n';
import { useI18n } from '../i18n/I18nProvider';
import type { Translator } from '../i18n/translate';

/**
 * Locales for figures: Moroccan Arabic conventions (`ar-MA`: 5.187,5) with Western digits, as the Moroccan
 * administration writes them; French and English as usual.
 */
export const NUMBER_TAG: Record<Locale, string> = { fr: 'fr', ar: 'ar-MA', en: 'en' };

export interface Formatters {
  /** A figure with at most `decimals` decimals (all of them kept up to 4 when not given); `—` for none. */
  number(value: number | null | undefined, decimals?: number): string;
  /** A share (0.736) as a percentage (73.6 %). */
  percent(ratio: number | null | undefined, decimals?: number): string;
  /** A figure already in percent points (73.6 → 73.6 %). */
  points(value: number | null | undefined, decimals?: number): string;
  /** Large figures shortened for chart axes (34 M). */
  compact(value: number): string;
  /** A calendar day `YYYY-MM-DD`, e.g. 31 déc. 2013. */
  date(iso: string | null | undefined): string;
  /** A period `2013`, `2013-Q1`, `2013-H2`, `2008-03` or a day, in words. */
  period(period: string | null | undefined): string;
}

const DASH = '—';

export function createFormatters(locale: Locale, t: Translator): Formatters {
  const tag = NUMBER_TAG[locale];
  const base = { numberingSystem: 'latn' } as const;
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (decimals: number) => {
    let format = numbers.get(decimals);
    if (!format) {
      format = new Intl.NumberFormat(tag, { ...base, maximumFractionDigits: decimals });
      numbers.set(decimals, format);
    }
    return format;
  };
  const percents = (decimals: number) =>
    new Intl.NumberFormat(tag, { ...base, style: 'percent', maximumFractionDigits: decimals });
  const compact = new Intl.NumberFormat(tag, { ...base, notation: 'compact', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(tag, { ...base, dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(tag, { ...base, month: 'long', year: 'numeric', timeZone: 'UTC' });
  const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

  return {
    number: (value, decimals = 4) =>
      value === null || value === undefined || !Number.isFinite(value)
        ? DASH
        : numberFormat(decimals).format(value),
    percent: (ratio, decimals = 1) =>
      ratio === null || ratio === undefined || !Number.isFinite(ratio)
        ? DASH
        : percents(decimals).format(ratio),
    points: (value, decimals = 1) =>
      value === null || value === undefined || !Number.isFinite(value)
        ? DASH
        : percents(decimals).format(value / 100),
    compact: (value) => compact.format(value),
    date: (iso) => {
      if (!iso) return DASH;
      const date = utc(iso.slice(0, 10));
      return Number.isNaN(date.getTime()) ? iso : day.format(date);
    },
    period: (period) => {
      if (!period) return DASH;
      let match = /^(\d{4})-Q([1-4])$/.exec(period);
      if (match) return t('period.quarter', { n: match[2] ?? '', year: match[1] ?? '' });
      match = /^(\d{4})-H([12])$/.exec(period);
      if (match) return t('period.half', { n: match[2] ?? '', year: match[1] ?? '' });
      match = /^(\d{4})-(\d{2})$/.exec(period);
      if (match) return month.format(utc(`${period}-01`));
      if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return day.format(utc(period));
      return period;
    },
  };
}

/** Number, date and period formatters in the interface language. */
export function useFormat(): Formatters {
  const { locale, t } = useI18n();
  return useMemo(() => createFormatters(locale, t), [locale, t]);
}
