import { useId } from 'react';
import { dayNumber } from '../../domain/periods';

// A small hand-written SVG line chart: time on x (day numbers, as the server's trends use), values on y.
// It draws server data only; the page gives a text summary and the data as a table next to it.

export type Marker = 'circle' | 'square' | 'diamond' | 'triangle' | 'none';

export interface ChartSeries {
  id: string;
  label: string;
  points: { x: number; y: number }[];
  line: 'solid' | 'dashed' | 'dotted' | 'none';
  marker: Marker;
  /** A colour of the chart palette (`--chart-1` … `--chart-6`) or any CSS colour. */
  color: string;
}

interface Props {
  /** Short name of the chart, read first. */
  title: string;
  /** What the chart shows, in words: the figures that matter, for people who cannot see it. */
  summary: string;
  series: ChartSeries[];
  formatY(value: number): string;
  /** For ranks and other "lower is better" figures: the best is at the top. */
  invertY?: boolean;
}

const WIDTH = 720;
const HEIGHT = 300;
const M = { top: 16, right: 20, bottom: 34, left: 72 };
const MS_PER_DAY = 86_400_000;

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10;
  return nice * power;
}

function yDomain(values: number[]): { min: number; max: number; step: number } {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min >= 0 && min <= max * 0.5) min = 0;
  if (min === max) {
    min -= Math.abs(min) * 0.1 || 1;
    max += Math.abs(max) * 0.1 || 1;
  }
  const step = niceStep(max - min, 5);
  return { min: Math.floor(min / step) * step, max: Math.ceil(max / step) * step, step };
}

const yearOf = (day: number) => new Date(day * MS_PER_DAY).getUTCFullYear();

/** Year ticks at the end of each year: annual figures are judged on their last day and sit on their label. */
function yearTicks(min: number, max: number): { x: number; label: string }[] {
  const first = yearOf(min);
  const last = yearOf(max);
  const every = Math.max(1, Math.ceil((last - first + 1) / 10));
  const ticks = [];
  for (let year = first; year <= last; year += every) {
    const x = dayNumber(`${year}-12-31`);
    if (x >= min && x <= max) ticks.push({ x, label: String(year) });
  }
  return ticks;
}

function markerPath(marker: Marker, x: number, y: number, r = 4.5): string {
  switch (marker) {
    case 'square':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}z`;
    case 'diamond':
      return `M${x},${y - r - 1}l${r + 1},${r + 1}l${-r - 1},${r + 1}l${-r - 1},${-r - 1}z`;
    case 'triangle':
      return `M${x},${y - r - 1}l${r + 1},${2 * r}h${-2 * r - 2}z`;
    case 'circle':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    default:
      return '';
  }
}

const DASHES = { solid: undefined, dashed: '8 5', dotted: '1.5 5', none: undefined } as const;

export function LineChart({ title, summary, series, formatY, invertY = false }: Props) {
  const id = useId();
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return null;
  const xs = all.map((p) => p.x);
  const pad = 120;
  const xMin = Math.min(...xs) - pad;
  const xMax = Math.max(...xs) + pad;
  const y = yDomain(all.map((p) => p.y));
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const sx = (x: number) => M.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const sy = (value: number) => {
    const share = (value - y.min) / (y.max - y.min);
    return M.top + (invertY ? share : 1 - share) * plotH;
  };
  const yTicks: number[] = [];
  for (let v = y.min; v <= y.max + y.step / 2; v += y.step) yTicks.push(Number(v.toPrecision(12)));

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
        direction="ltr"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <g className="chart-grid">
          {yTicks.map((tick) => (
            <g key={tick}>
              <line x1={M.left} x2={WIDTH - M.right} y1={sy(tick)} y2={sy(tick)} />
              <text x={M.left - 8} y={sy(tick)} dy="0.35em" textAnchor="end" className="chart-label">
                {formatY(tick)}
              </text>
            </g>
          ))}
          {yearTicks(xMin, xMax).map((tick) => (
            <g key={tick.x}>
              <line x1={sx(tick.x)} x2={sx(tick.x)} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom + 5} />
              <text x={sx(tick.x)} y={HEIGHT - M.bottom + 20} textAnchor="middle" className="chart-label">
                {tick.label}
              </text>
            </g>
          ))}
          <line
            className="chart-axis"
            x1={M.left}
            x2={WIDTH - M.right}
            y1={HEIGHT - M.bottom}
            y2={HEIGHT - M.bottom}
          />
        </g>
        {series.map((s) => {
          const points = [...s.points].sort((a, b) => a.x - b.x);
          return (
            <g key={s.id} className="chart-series" style={{ color: s.color }}>
              {s.line !== 'none' && points.length > 1 && (
                <polyline
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={s.line === 'dotted' ? 3 : 2.5}
                  strokeDasharray={DASHES[s.line]}
                  strokeLinecap="round"
                  points={points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')}
                />
              )}
              {s.marker !== 'none' &&
                points.map((p) => (
                  <path
                    key={`${p.x}-${p.y}`}
                    d={markerPath(s.marker, sx(p.x), sy(p.y))}
                    fill="currentColor"
                    stroke="#fff"
                    strokeWidth={1.5}
                  />
                ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.id}>
              <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" style={{ color: s.color }}>
                {s.line !== 'none' && (
                  <line
                    x1="2"
                    x2="32"
                    y1="7"
                    y2="7"
                    stroke="currentColor"
                    strokeWidth={s.line === 'dotted' ? 3 : 2.5}
                    strokeDasharray={DASHES[s.line]}
                    strokeLinecap="round"
                  />
                )}
                {s.marker !== 'none' && <path d={markerPath(s.marker, 17, 7, 4)} fill="currentColor" />}
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
