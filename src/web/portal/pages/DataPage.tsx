import type { StrategySummary } from '../../../server/modules/portal/portal.service';
import type { ReleaseSummary } from '../../../server/modules/publishing/releases.service';
import { PageHead, TableScroll } from '../bits';
import { Local, localText, usePortal } from '../context';

export const OPEN_DATA_KINDS = ['nodes', 'indicators', 'observations', 'budget'] as const;
export const OPEN_DATA_FORMATS = ['csv', 'xlsx', 'json'] as const;

function kindLabels(t: (key: string) => string): Record<(typeof OPEN_DATA_KINDS)[number], string> {
  return {
    nodes: t('portal.data.kind.nodes'),
    indicators: t('portal.data.kind.indicators'),
    observations: t('portal.data.kind.observations'),
    budget: t('portal.data.kind.budget'),
  };
}

/**
 * The open-data files of each public strategy (served under /api/open-data/) with its IATI activity file, the
 * DCAT-AP catalogue, the latest signed releases with the key that checks them, and the API.
 */
export function DataPage({
  strategies,
  releases,
}: {
  strategies: StrategySummary[];
  releases: ReleaseSummary[];
}) {
  const { t, locale, f } = usePortal();
  const kinds = kindLabels(t);
  return (
    <>
      <PageHead title={t('portal.data.title')}>
        <p className="lead">{t('portal.data.lead')}</p>
      </PageHead>
      {strategies.map((s) => (
        <section key={s.code} aria-labelledby={`data-${s.code}`}>
          <h2 id={`data-${s.code}`}>
            <Local text={s.title} /> <span className="code">{s.code}</span>
          </h2>
          <TableScroll label={localText(s.title, locale, s.code)}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('portal.data.file')}</th>
                  <th scope="col">{t('portal.data.formats')}</th>
                </tr>
              </thead>
              <tbody>
                {OPEN_DATA_KINDS.map((kind) => (
                  <tr key={kind}>
                    <th scope="row">{kinds[kind]}</th>
                    <td>
                      <ul className="inline">
                        {OPEN_DATA_FORMATS.map((format) => (
                          <li key={format}>
                            <a
                              href={`/api/open-data/${s.code}-${kind}.${format}`}
                              download
                              aria-label={t('portal.data.download', {
                                file: kinds[kind],
                                format: format.toUpperCase(),
                                strategy: s.code,
                              })}
                            >
                              {format.toUpperCase()}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('portal.data.iati')}</th>
                  <td>
                    <a href={`/api/strategies/${s.code}/iati-activities.xml`} download>
                      XML
                    </a>
                  </td>
                </tr>
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
      <section aria-labelledby="releases">
        <h2 id="releases">{t('portal.data.releasesTitle')}</h2>
        <p>{t('portal.data.releasesLead')}</p>
        {releases.length === 0 ? (
          <p>{t('portal.data.noRelease')}</p>
        ) : (
          <ul className="links">
            {releases.map((r) => (
              <li key={r.id}>
                <bdi dir="ltr">{r.id}</bdi> — {f.date(r.created)} · <a href={r.manifestUrl}>manifest.json</a>{' '}
                · <a href={r.signatureUrl}>manifest.sig</a>
              </li>
            ))}
          </ul>
        )}
        <ul className="links">
          <li>
            <a href="/api/releases/public-key.pem">{t('portal.data.publicKey')}</a>
          </li>
          <li>
            <a href="/api/catalog">{t('portal.data.catalog')}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="api">
        <h2 id="api">{t('portal.data.apiTitle')}</h2>
        <p>{t('portal.data.apiLead')}</p>
        <ul className="links">
          <li>
            <a href="/api/docs">{t('shell.apiDocs')}</a>
          </li>
          <li>
            <a href="/api/openapi.json" dir="ltr">
              /api/openapi.json
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
