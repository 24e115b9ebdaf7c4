import { localize } from '../../../domain/i18n';
import type { Translator } from '../../i18n/translate';
import { type AgreementView, agreementsByRegion } from '../agreements';
import { Breadcrumb, PageHead, Source, TableScroll } from '../bits';
import { Local, useHref, usePortal } from '../context';
import { RegionMap, regionName } from '../RegionMap';

/** A commitment's metric in words; a metric we have no name for shows its code. */
export function metricLabel(t: Translator, metric: string): string {
  const known: Record<string, string> = {
    jobs: t('portal.agreements.metric.jobs'),
    direct_jobs: t('portal.agreements.metric.jobs'),
    investment: t('portal.agreements.metric.investment'),
    investment_mad: t('portal.agreements.metric.investment'),
  };
  return known[metric] ?? metric;
}

const text = (value: string | Record<string, string> | null | undefined, locale: 'fr' | 'ar' | 'en') =>
  typeof value === 'string' ? value : (localize(value ?? null, locale)?.text ?? '');

/** Agreements by region (a map of how many, and of what was committed) and the list of agreements. */
export function AgreementsPage({ items, metric }: { items: AgreementView[]; metric?: string }) {
  const { t, f, locale } = usePortal();
  const href = useHref();
  const byRegion = agreementsByRegion(items);
  const chosen = metric && byRegion.metrics.includes(metric) ? metric : byRegion.metrics[0];
  const counts = Object.fromEntries(Object.entries(byRegion.regions).map(([code, r]) => [code, r.count]));
  return (
    <>
      <PageHead title={t('portal.agreements.title')}>
        <p className="lead">{t('portal.agreements.lead')}</p>
      </PageHead>
      <section aria-labelledby="agreements-map">
        <h2 id="agreements-map">{t('portal.agreements.byRegion')}</h2>
        <RegionMap
          id="map-agreements"
          title={t('portal.agreements.mapCount')}
          summary={t('portal.map.summary', { count: Object.keys(counts).length })}
          values={counts}
          format={(v) => f.number(v, 0)}
          valueHeader={t('portal.agreements.count')}
        />
        {byRegion.metrics.length > 0 && chosen && (
          <>
            <ul className="inline" aria-label={t('portal.agreements.metricChoice')}>
              {byRegion.metrics.map((m) => (
                <li key={m}>
                  {m === chosen ? (
                    <span aria-current="true">{metricLabel(t, m)}</span>
                  ) : (
                    <a href={`${href('/agreements')}?metric=${encodeURIComponent(m)}`}>{metricLabel(t, m)}</a>
                  )}
                </li>
              ))}
            </ul>
            <RegionMap
              id="map-agreements-metric"
              title={t('portal.agreements.mapMetric', { metric: metricLabel(t, chosen) })}
              summary={t('portal.map.summary', { count: Object.keys(byRegion.regions).length })}
              values={Object.fromEntries(
                Object.entries(byRegion.regions).map(([code, r]) => [code, r.committed[chosen]]),
              )}
              format={(v) => f.number(v, 0)}
              valueHeader={metricLabel(t, chosen)}
            />
          </>
        )}
      </section>
      <section aria-labelledby="agreements-list">
        <h2 id="agreements-list">{t('portal.agreements.list')}</h2>
        {items.length === 0 ? (
          <p className="muted">{t('portal.agreements.none')}</p>
        ) : (
          <TableScroll label={t('portal.agreements.list')}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('portal.agreements.agreement')}</th>
                  <th scope="col">{t('portal.agreements.signedOn')}</th>
                  <th scope="col">{t('portal.map.region')}</th>
                  <th scope="col">{t('portal.agreements.parties')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.code}>
                    <th scope="row">
                      <a href={href(`/agreements/${encodeURIComponent(a.code)}`)}>
                        <Local text={a.title} fallback={a.code} />
                      </a>
                    </th>
                    <td>{f.date(a.signedOn)}</td>
                    <td>{a.regionCode ? regionName(a.regionCode, locale) : '—'}</td>
                    <td>{a.parties.map((p) => text(p.name, locale) || p.code).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

export function AgreementPage({ agreement: a }: { agreement: AgreementView }) {
  const { t, f, locale } = usePortal();
  const href = useHref();
  return (
    <>
      <Breadcrumb
        items={[{ href: href('/agreements'), label: t('portal.agreements.title') }, { label: a.code }]}
      />
      <PageHead
        kicker={`${t('portal.agreements.agreement')} ${a.code}`}
        title={<Local text={a.title} fallback={a.code} />}
      >
        <p className="meta">
          {[f.date(a.signedOn), text(a.event, locale), a.regionCode ? regionName(a.regionCode, locale) : null]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </PageHead>
      <section aria-labelledby="parties">
        <h2 id="parties">{t('portal.agreements.parties')}</h2>
        <ul className="links">
          {a.parties.map((p) => (
            <li key={p.code}>{text(p.name, locale) || p.code}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="commitments">
        <h2 id="commitments">{t('portal.agreements.commitments')}</h2>
        <TableScroll label={t('portal.agreements.commitments')}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('portal.agreements.metricLabel')}</th>
                <th scope="col">{t('portal.value')}</th>
                <th scope="col">{t('portal.agreements.dueYear')}</th>
                <th scope="col">{t('observations.source')}</th>
              </tr>
            </thead>
            <tbody>
              {a.commitments.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: commitments have no code of their own
                <tr key={i}>
                  <th scope="row">{metricLabel(t, c.metric)}</th>
                  <td className="num">{f.number(c.value, 0)}</td>
                  <td>{c.dueYear ?? '—'}</td>
                  <td>
                    <Source source={c.source} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {a.totals.length > 0 && (
          <dl className="facts">
            {a.totals.map((total) => (
              <div key={total.metric}>
                <dt>{metricLabel(t, total.metric)}</dt>
                <dd>
                  {t('portal.agreements.totals', {
                    committed: f.number(total.committed, 0),
                    verified: f.number(total.verified, 0),
                  })}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </>
  );
}
