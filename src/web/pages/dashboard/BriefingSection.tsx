import { useState } from 'react';
import { api, apiPath } from '../../api/client';
import type { ListOf } from '../../api/types';
import { useFormat } from '../../components/format';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { LOCALE_NAMES } from '../../i18n/messages';

interface StoredBriefing {
  file: string;
  date: string;
  lang: 'fr' | 'ar';
  url: string;
}

/** The briefing book: generated now in the chosen language, and the ones the schedule stored. */
export function BriefingSection({ code, asOf }: { code: string; asOf: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const [lang, setLang] = useState<'fr' | 'ar'>(locale === 'ar' ? 'ar' : 'fr');
  const stored = useLoad(
    () => api<ListOf<StoredBriefing>>('GET', `/api/strategies/${encodeURIComponent(code)}/briefings`),
    code,
  );
  const url = apiPath(`/api/strategies/${encodeURIComponent(code)}/briefing.pdf`, { lang, asOf });
  return (
    <section aria-labelledby="dashboard-briefing" className="card">
      <h2 id="dashboard-briefing">{t('dashboard.briefing.section')}</h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="briefing-lang">{t('dashboard.briefing.language')}</label>
          <select id="briefing-lang" value={lang} onChange={(e) => setLang(e.target.value as 'fr' | 'ar')}>
            <option value="fr">{LOCALE_NAMES.fr}</option>
            <option value="ar">{LOCALE_NAMES.ar}</option>
          </select>
        </div>
        <a className="button button-primary" href={url} download>
          {t('dashboard.briefing.download')}
        </a>
      </div>
      <h3>{t('dashboard.briefing.generated')}</h3>
      {(stored.data?.items ?? []).length === 0 ? (
        <p className="muted">{t('dashboard.briefing.none')}</p>
      ) : (
        <ul className="link-list">
          {stored.data!.items.map((b) => (
            <li key={b.file}>
              <a href={b.url} download>
                {t('dashboard.briefing.file', { date: format.date(b.date), language: LOCALE_NAMES[b.lang] })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
