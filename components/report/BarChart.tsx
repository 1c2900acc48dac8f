/**
 * A small SVG bar chart. Each bar has parts: 'stack' piles them up (health bands per day), 'overlay' draws them
 * over each other from the baseline, largest first (ARR due with the expected ARR inside it).
 */
export interface BarPart {
  name: string;
  color: string;
  value: number;
}

export function BarChart({
  bars,
  mode,
  format,
  width = 560,
  height = 120,
  title,
}: {
  bars: readonly { label: string; parts: readonly BarPart[] }[];
  mode: 'stack' | 'overlay';
  format: (value: number) => string;
  width?: number;
  height?: number;
  title: string;
}) {
  const pad = { top: 6, bottom: 16 };
  const totals = bars.map((b) => (mode === 'stack' ? b.parts.reduce((s, p) => s + p.value, 0) : Math.max(0, ...b.parts.map((p) => p.value))));
  const max = Math.max(0, ...totals);
  if (bars.length === 0 || max === 0) return <p className="text-xs text-slate-500">Nothing to chart.</p>;
  const slot = width / bars.length;
  const barWidth = Math.min(40, Math.max(2, slot * 0.7));
  const scale = (v: number) => (v * (height - pad.top - pad.bottom)) / max;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title}>
      <title>{title}</title>
      {bars.map((bar, i) => {
        const x = i * slot + (slot - barWidth) / 2;
        let base = height - pad.bottom;
        const parts = mode === 'overlay' ? [...bar.parts].sort((a, b) => b.value - a.value) : bar.parts;
        return (
          <g key={bar.label}>
            {parts.map((part) => {
              const h = scale(part.value);
              const y = mode === 'stack' ? base - h : height - pad.bottom - h;
              if (mode === 'stack') base -= h;
              return (
                <rect key={part.name} x={x} y={y} width={barWidth} height={h} fill={part.color}>
                  <title>{`${bar.label} — ${part.name}: ${format(part.value)}`}</title>
                </rect>
              );
            })}
            {i === 0 || i === bars.length - 1 || bars.length <= 8 ? (
              <text x={x + barWidth / 2} y={height - 4} fontSize="8" fill="#64748b" textAnchor="middle">
                {bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
