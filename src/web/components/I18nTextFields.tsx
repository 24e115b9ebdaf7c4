import type { ChangeEvent } from 'react';
import type { Locale } from '../../domain/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { TextField } from './fields';

/** Forms keep each language of a text under its own draft key: titleFr, titleAr, titleEn. */
export const LOCALE_SUFFIX = { fr: 'Fr', ar: 'Ar', en: 'En' } as const;

const LANGUAGES: readonly { locale: Locale; label: string; dir: 'ltr' | 'rtl' }[] = [
  { locale: 'fr', label: 'common.inFrench', dir: 'ltr' },
  { locale: 'ar', label: 'common.inArabic', dir: 'rtl' },
  { locale: 'en', label: 'common.inEnglish', dir: 'ltr' },
];

/**
 * The three inputs of a multilingual text (`name.fr`, `name.ar`, `name.en`), each in its own language and
 * direction, so that typing Arabic reads right to left whatever the page's language.
 */
export function I18nTextFields({
  form,
  name,
  values,
  onChange,
  errors,
}: {
  form: string;
  name: string;
  values: Record<Locale, string>;
  onChange: (locale: Locale) => (event: ChangeEvent<HTMLInputElement>) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useI18n();
  return (
    <>
      {LANGUAGES.map(({ locale, label, dir }) => (
        <TextField
          key={locale}
          form={form}
          name={`${name}.${locale}`}
          label={t(label)}
          value={values[locale]}
          onChange={onChange(locale)}
          error={errors[`${name}.${locale}`]}
          lang={locale}
          dir={dir}
        />
      ))}
    </>
  );
}
