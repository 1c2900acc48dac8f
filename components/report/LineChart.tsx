/** A small SVG line chart: one or more series over the same labels, gaps where a value is missing, optional target line. */
export interface LineSeries {
  name: string;
  color: string;
  values: readonly (number | null)[];
}

export function LineChart({
  labels,
  series,
  target,
  format,
  width = 260,
  height = 90,
  title,
}: {
  labels: readonly string[];
  series: readonly LineSeries[];
  target?: number;
  format: (value: number) => string;
  width?: number;
  height?: number;
  title: string;
}) {
  const pad = { left: 4, right: 4, top: 8, bottom: 16 };
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (target !== undefined) values.push(target);
  if (values.length === 0 || labels.length === 0) {
    return <p className="text-xs text-slate-500">No values to chart in this period.</p>;
  }
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const x = (i: number) => pad.left + (labels.length === 1 ? (width - pad.left - pad.right) / 2 : (i * (width - pad.left - pad.right)) / (labels.length - 1));
  const y = (v: number) => pad.top + ((max - v) * (height - pad.top - pad.bottom)) / (max - min);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} className="overflow-visible">
      <title>{title}</title>
      {target !== undefined ? (
        <g>
          <line x1={pad.left} x2={width - pad.right} y1={y(target)} y2={y(target)} stroke="#94a3b8" strokeDasharray="3 3" />
          <text x={width - pad.right} y={y(target) - 2} textAnchor="end" fontSize="8" fill="#64748b">
            target {format(target)}
          </text>
        </g>
      ) : null}
      {series.map((s) => {
        // Consecutive points with values form a line; a missing value breaks it.
        const segments: string[][] = [[]];
        s.values.forEach((v, i) => {
          if (v === null) segments.push([]);
          else segments[segments.length - 1]!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
        });
        return (
          <g key={s.name}>
            {segments.filter((seg) => seg.length > 1).map((seg, i) => (
              <polyline key={i} points={seg.join(' ')} fill="none" stroke={s.color} strokeWidth="1.5" />
            ))}
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle key={i} cx={x(i)} cy={y(v)} r="2" fill={s.color}>
                  <title>{`${s.name} ${labels[i]}: ${format(v)}`}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
      <text x={pad.left} y={height - 3} fontSize="8" fill="#64748b">
        {labels[0]}
      </text>
      <text x={width - pad.right} y={height - 3} fontSize="8" fill="#64748b" textAnchor="end">
        {labels[labels.length - 1]}
      </text>
    </svg>
  );
}
