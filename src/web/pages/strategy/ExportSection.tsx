import { useI18n } from '../../i18n/I18nProvider';

/** Downloads of the whole strategy as a package: JSON (canonical, diffable) or an XLSX workbook. */
export function ExportSection({ code }: { code: string }) {
  const { t } = useI18n();
  const path = `/api/strategies/${encodeURIComponent(code)}/export`;
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <p>{t('export.lead')}</p>
      <ul className="link-list download-list">
        <li>
          <a href={`${path}?format=json`} download={`${code}.json`}>
            {t('export.json')}
          </a>
          <p className="muted">{t('export.jsonText')}</p>
        </li>
        <li>
          <a href={`${path}?format=xlsx`} download={`${code}.xlsx`}>
            {t('export.xlsx')}
          </a>
          <p className="muted">{t('export.xlsxText')}</p>
        </li>
        <li>
          <a href="/api/schemas/strategy-package.json">{t('export.schema')}</a>
          <p className="muted">{t('export.schemaText')}</p>
        </li>
      </ul>
    </section>
  );
}
