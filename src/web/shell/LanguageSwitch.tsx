import { LOCALES } from '../../domain/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { LOCALE_NAMES } from '../i18n/messages';

/** Three buttons, each language named in itself, so anyone can find their own whatever is shown. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('shell.language')}</legend>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {LOCALE_NAMES[option]}
        </button>
      ))}
    </fieldset>
  );
}
