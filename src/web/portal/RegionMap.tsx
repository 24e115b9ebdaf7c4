import { usePortal } from './context';
import { MAP_ATTRIBUTION, REGION_NAMES, regionShapes } from './map/regions';

const CLASSES = 5;

export interface MapScale {
  /** Class limits of the equal intervals (CLASSES + 1 values). */
  breaks: number[];
  /** The legend, lightest first: each entry's shade and the values it covers (`from === to`: one value). */
  legend: { shade: number; from: number; to: number }[];
  classOf(value: number): number;
}

/**
 * Equal-interval classes between the smallest and largest value. With no more distinct values than classes
 * (e.g. counts of 1 and 2 agreements), each value is its own class instead, spread over the shades, so the
 * legend never shows ranges such as "1 – 1".
 */
export function classify(values: number[]): MapScale {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const breaks = Array.from({ length: CLASSES + 1 }, (_, i) => min + (span * i) / CLASSES);
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= CLASSES) {
    const shadeOf = (i: number) =>
      distinct.length === 1 ? CLASSES - 1 : Math.round((i * (CLASSES - 1)) / (distinct.length - 1));
    return {
      breaks,
      legend: distinct.map((value, i) => ({ shade: shadeOf(i), from: value, to: value })),
      classOf: (value) => shadeOf(Math.max(0, distinct.indexOf(value))),
    };
  }
  return {
    breaks,
    legend: Array.from({ length: CLASSES }, (_, i) => ({ shade: i, from: breaks[i]!, to: breaks[i + 1]! })),
    classOf: (value) => Math.min(CLASSES - 1, Math.floor(((value - min) / span) * CLASSES)),
  };
}

/** The region's name in the page's language: official French or Arabic names; English pages use the French. */
export function regionName(code: string, locale: string): string {
  const region = REGION_NAMES.find((r) => r.code === code);
  if (!region) return code;
  return locale === 'ar' ? region.ar : region.fr;
}

/**
 * A choropleth of the 12 regions: each region shaded by its class and numbered, a legend of the classes,
 * and the figures in a table beside it, so nothing rests on colour alone.
 */
export function RegionMap({
  id,
  title,
  summary,
  values,
  format,
  valueHeader,
}: {
  id: string;
  title: string;
  summary: string;
  values: Record<string, number | null | undefined>;
  format(value: number): string;
  valueHeader: string;
}) {
  const { t, locale } = usePortal();
  const { width, height, shapes } = regionShapes();
  const known = Object.values(values).filter((v): v is number => typeof v === 'number');
  const scale = known.length ? classify(known) : null;
  const order = REGION_NAMES.map((r) => r.code);
  const number = (code: string) => order.indexOf(code) + 1;
  return (
    <figure className="map" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      <div className="map-body">
        <svg
          viewBox={`-2 -2 ${width + 4} ${height + 4}`}
          role="img"
          aria-labelledby={`${id}-t ${id}-d`}
          className="map-svg"
          direction="ltr"
        >
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{summary}</desc>
          {/* Regions without a value are hatched, so that they never pass for the lightest class. */}
          <defs>
            <pattern
              id={`${id}-nv`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" className="cn" />
              <line x1="0" y1="0" x2="0" y2="6" className="hatch" />
            </pattern>
          </defs>
          {shapes.map((shape) => {
            const value = values[shape.id];
            const known = typeof value === 'number' && scale;
            return (
              <path
                key={shape.id}
                d={shape.d}
                className={known ? `region c${scale.classOf(value)}` : 'region cn'}
                fill={known || !scale ? undefined : `url(#${id}-nv)`}
              >
                <title>
                  {t('portal.map.regionValue', {
                    region: regionName(shape.id, locale),
                    value: typeof value === 'number' ? format(value) : t('portal.map.noValue'),
                  })}
                </title>
              </path>
            );
          })}
          {shapes.map((shape) => (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG text is not focusable; the numbers repeat the table's
            <text
              key={shape.id}
              x={shape.label[0]}
              y={shape.label[1]}
              className="region-label"
              aria-hidden="true"
            >
              {number(shape.id)}
            </text>
          ))}
        </svg>
        <div className="map-side">
          {scale && (
            <ul className="legend" aria-label={t('portal.map.legend')}>
              {scale.legend.map((entry) => (
                <li key={`c${entry.shade}-${entry.from}`}>
                  <svg width="18" height="12" aria-hidden="true" focusable="false">
                    <rect width="18" height="12" className={`c${entry.shade}`} />
                  </svg>{' '}
                  <bdi>
                    {entry.from === entry.to
                      ? format(entry.from)
                      : `${format(entry.from)} – ${format(entry.to)}`}
                  </bdi>
                </li>
              ))}
              <li>
                <svg width="18" height="12" aria-hidden="true" focusable="false">
                  <rect width="18" height="12" fill={`url(#${id}-nv)`} />
                </svg>{' '}
                {t('portal.map.noValue')}
              </li>
            </ul>
          )}
          <table className="data">
            <caption>{t('portal.map.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal.map.number')}</th>
                <th scope="col">{t('portal.map.region')}</th>
                <th scope="col">{valueHeader}</th>
              </tr>
            </thead>
            <tbody>
              {order.map((code) => {
                const value = values[code];
                return (
                  <tr key={code}>
                    <td>{number(code)}</td>
                    <th scope="row">{regionName(code, locale)}</th>
                    <td className="num">{typeof value === 'number' ? format(value) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
      <p className="attribution">
        {t('portal.map.attribution')}{' '}
        <a href={MAP_ATTRIBUTION.url} dir="ltr">
          {MAP_ATTRIBUTION.text}
        </a>
      </p>
    </figure>
  );
}
