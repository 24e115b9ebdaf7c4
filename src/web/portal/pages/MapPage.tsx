import type { IndicatorDetail } from '../../../server/modules/portal/portal.service';
import { PageHead, Source } from '../bits';
import { Local, localText, useHref, usePortal } from '../context';
import { RegionMap } from '../RegionMap';

export interface RegionalIndicator {
  indicator: IndicatorDetail;
  regional: {
    period: string | null;
    values: Record<string, number>;
    sources: { region: string; source: unknown; confidence: string | null }[];
  };
}

/** The regional map: one choropleth per indicator broken down by region, and a link to agreements by region. */
export function MapPage({
  indicators,
  hasAgreements,
}: {
  indicators: RegionalIndicator[];
  hasAgreements: boolean;
}) {
  const { t, f, locale } = usePortal();
  const href = useHref();
  const shown = indicators.filter((i) => i.regional.period);
  return (
    <>
      <PageHead title={t('portal.map.title')}>
        <p className="lead">{t('portal.map.lead')}</p>
        {hasAgreements && (
          <p>
            <a href={href('/agreements')}>{t('portal.agreements.byRegion')}</a>
          </p>
        )}
      </PageHead>
      {shown.length === 0 && (
        <>
          <p role="status">{t('portal.map.noRegional')}</p>
          <RegionMap
            id="map-regions"
            title={t('portal.map.regionsTitle')}
            summary={t('portal.map.regionsSummary')}
            values={{}}
            format={(v) => f.number(v)}
            valueHeader={t('portal.value')}
          />
        </>
      )}
      {shown.map(({ indicator, regional }) => {
        const name = localText(indicator.name, locale, indicator.code);
        const first = regional.sources[0];
        return (
          <section key={indicator.code} aria-labelledby={`m-${indicator.code}`}>
            <h2 id={`m-${indicator.code}`}>
              <a href={href(`/indicators/${encodeURIComponent(indicator.code)}`)}>
                <span className="code">{indicator.code}</span> <Local text={indicator.name} />
              </a>
            </h2>
            <RegionMap
              id={`map-${indicator.code}`}
              title={t('portal.map.indicatorTitle', { name, period: f.period(regional.period) })}
              summary={t('portal.map.summary', { count: Object.keys(regional.values).length })}
              values={regional.values}
              format={(v) => f.number(v, indicator.decimals)}
              valueHeader={indicator.unit}
            />
            {first && (
              <p className="small">
                <Source source={first.source} confidence={first.confidence} />
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}
