import type { ScorePoint } from '@/lib/schemas/panel';

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 2;

/** Least score range the line spans, so a one-point wobble does not look like a cliff. */
const MIN_SPAN = 20;

/**
 * The computed score over the last days as a small line, scaled to the scores shown (at least MIN_SPAN points
 * high). Days without a score break the line instead of dropping it to 0.
 */
export function TrendSparkline({ points }: { points: readonly ScorePoint[] }) {
  const scored = points.filter((p) => p.score !== null);
  if (scored.length < 2) {
    return (
      <span className="shrink-0 text-right text-[10px] leading-tight text-slate-400" data-testid="sparkline-empty">
        no history yet
      </span>
    );
  }
  const values = scored.map((p) => p.score!);
  const middle = (Math.min(...values) + Math.max(...values)) / 2;
  const span = Math.max(MIN_SPAN, Math.max(...values) - Math.min(...values));
  const top = Math.min(100, Math.max(middle + span / 2, span));
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / Math.max(1, points.length - 1);
  const y = (score: number) => PAD + ((top - score) * (HEIGHT - 2 * PAD)) / span;
  const segments: { x: number; y: number }[][] = [[]];
  points.forEach((p, i) => {
    if (p.score === null) segments.push([]);
    else segments[segments.length - 1]!.push({ x: x(i), y: y(p.score) });
  });
  const lastIndex = points.length - 1;
  const last = points[lastIndex]!;
  const first = scored[0]!;
  const label = `Computed score from ${first.date} (${first.score}) to ${last.date} (${last.score ?? 'no score'})`;
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="shrink-0"
      role="img"
      aria-label={label}
      data-testid="sparkline"
      data-points={scored.length}
    >
      <title>{label}</title>
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} rx={3} className="fill-slate-50" />
      {segments
        .filter((s) => s.length > 0)
        .map((s, i) =>
          s.length === 1 ? (
            <circle key={i} cx={s[0]!.x} cy={s[0]!.y} r={1.2} className="fill-teal-700" />
          ) : (
            <polyline
              key={i}
              points={s.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
              fill="none"
              strokeWidth={1.5}
              strokeLinejoin="round"
              className="stroke-teal-700"
            />
          ),
        )}
      {last.score !== null ? <circle cx={x(lastIndex)} cy={y(last.score)} r={2.2} className="fill-teal-800" /> : null}
    </svg>
  );
}
