import { type I18nText, type Locale, localize } from '../../domain/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { DIRECTION } from '../i18n/messages';

/**
 * Multilingual content in the interface language, falling back to another language; a fallback carries its
 * own `lang` and `dir`, so an English title in an Arabic page still reads left-to-right.
 */
export function LocalText({
  text,
  fallback = '—',
  as: Tag = 'span',
  className,
  id,
}: {
  text: I18nText | null | undefined;
  fallback?: string;
  as?: 'span' | 'p' | 'div';
  className?: string;
  id?: string;
}) {
  const { locale } = useI18n();
  const found = localize(text, locale);
  if (!found)
    return (
      <Tag className={className} id={id}>
        {fallback}
      </Tag>
    );
  const foreign = found.locale !== locale;
  return (
    <Tag
      className={className}
      id={id}
      lang={foreign ? found.locale : undefined}
      dir={foreign ? DIRECTION[found.locale] : undefined}
    >
      {found.text}
    </Tag>
  );
}

/** Plain-text version, for `<option>`s, titles and attributes that cannot hold markup. */
export function localText(text: I18nText | null | undefined, locale: Locale, fallback = ''): string {
  return localize(text, locale)?.text ?? fallback;
}
