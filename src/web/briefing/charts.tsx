// Hand-written SVG charts of the dashboard's figures, without hooks: the back office and the server-rendered
// briefing book draw them alike. Each is an image with a title and a text summary; the figures are in a table
// or written out beside it. Time runs left to right in every language, as in the other charts.

export const STATUS_COLOURS: Record<string, string> = {
  achieved: '#146c2e',
  on_track: '#2a7f6b',
  at_risk: '#b86e00',
  off_track: '#b42318',
  not_started: '#6b7280',
  no_data: '#a1a7b0',
};

interface Point {
  period: string;
  value: number | null;
}

/** The x position of a period: its year, and the quarter or half within it when given. */
function periodX(period: string): number {
  const m = /^(\d{4})(?:-(Q|H|)(\d{1,2}))?/.exec(period);
  if (!m) return 0;
  const year = Number(m[1]);
  const part = Number(m[3] ?? 0);
  if (m[2] === 'Q') return year + (part - 1) / 4 + 0.25;
  if (m[2] === 'H') return year + (part - 1) / 2 + 0.5;
  if (m[3]) return year + (part - 1) / 12 + 1 / 12;
  return year + 1;
}

/**
 * A small line of the observations (solid, round markers) over the target trajectory (dashed, square markers),
 * on one scale; an indicator that improves downwards is drawn as it is (its title says so through the summary).
 */
export function Sparkline({
  id,
  observations,
  trajectory,
  title,
  summary,
  width = 220,
  height = 56,
}: {
  id: string;
  observations: readonly Point[];
  trajectory: readonly Point[];
  title: string;
  summary: string;
  width?: number;
  height?: number;
}) {
  const all = [...observations, ...trajectory].filter(
    (p): p is { period: string; value: number } => p.value !== null,
  );
  const pad = 6;
  const xs = all.map((p) => periodX(p.period));
  const ys = all.map((p) => p.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (p: Point) =>
    x1 === x0 ? width / 2 : pad + ((periodX(p.period) - x0) / (x1 - x0)) * (width - 2 * pad);
  const sy = (v: number) =>
    y1 === y0 ? height / 2 : height - pad - ((v - y0) / (y1 - y0)) * (height - 2 * pad);
  const path = (points: readonly Point[]) =>
    points
      .filter((p) => p.value !== null)
      .map((p, i) => `${i ? 'L' : 'M'}${sx(p).toFixed(1)},${sy(p.value!).toFixed(1)}`)
      .join(' ');
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      direction="ltr"
      className="sparkline"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {all.length > 0 && (
        <g>
          <path d={path(trajectory)} fill="none" stroke="#6b7280" strokeWidth={1.5} strokeDasharray="4 3" />
          {trajectory
            .filter((p) => p.value !== null)
            .map((p) => (
              <rect
                key={`t${p.period}`}
                x={sx(p) - 2.5}
                y={sy(p.value!) - 2.5}
                width={5}
                height={5}
                fill="#6b7280"
              />
            ))}
          <path d={path(observations)} fill="none" stroke="#1d4ed8" strokeWidth={2} />
          {observations
            .filter((p) => p.value !== null)
            .map((p) => (
              <circle key={`o${p.period}`} cx={sx(p)} cy={sy(p.value!)} r={3} fill="#1d4ed8" />
            ))}
        </g>
      )}
    </svg>
  );
}

/** One horizontal bar per item (e.g. a status or a budget stage), longest to scale, its figure written after it. */
export function HorizontalBars({
  id,
  items,
  title,
  summary,
  rtl = false,
  width = 460,
}: {
  id: string;
  items: readonly { key: string; label: string; value: number; text: string; colour: string }[];
  title: string;
  summary: string;
  rtl?: boolean;
  width?: number;
}) {
  const row = 22;
  const labelW = 150;
  const textW = 80;
  const barMax = width - labelW - textW - 10;
  const max = Math.max(0, ...items.map((i) => i.value));
  const height = items.length * row + 4;
  // Bars grow from the start of the line: from the right in Arabic.
  const at = (x: number, w = 0) => (rtl ? width - x - w : x);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      // Anchors below are physical (left/right); the Arabic words themselves are still shaped right to left.
      direction="ltr"
      className="bars"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {items.map((item, i) => {
        const w = max > 0 ? (item.value / max) * barMax : 0;
        const y = i * row + 2;
        return (
          <g key={item.key}>
            <text x={at(0)} y={y + 15} fontSize={12} textAnchor={rtl ? 'end' : 'start'} fill="#1f2937">
              {item.label}
            </text>
            <rect x={at(labelW, w)} y={y + 3} width={w} height={row - 8} fill={item.colour} />
            <text
              x={at(labelW + w + 6)}
              y={y + 15}
              fontSize={12}
              textAnchor={rtl ? 'end' : 'start'}
              fill="#1f2937"
            >
              {item.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
