import type { MetricRow } from '@/lib/portfolio/popup-view';
import { formatMetric, formatTarget } from './format';

/** Metrics against targets: value, target, met or not, or why there is no value. The formula shows on hover. */
export function MetricTiles({ rows }: { rows: readonly MetricRow[] }) {
  return (
    <ul className="grid grid-cols-3 gap-1.5">
      {rows.map(({ definition, target, result, met }) => (
        <li
          key={definition.key}
          className={`rounded border px-1.5 py-1 ${met === null ? 'border-slate-200 bg-slate-50' : met ? 'border-green-200 bg-green-50' : 'border-red-200 bg-red-50'}`}
          title={`${definition.formula}${result.ok ? ` — ${result.detail}` : ''}`}
          data-testid={`metric-${definition.key}`}
          data-met={met === null ? 'unknown' : String(met)}
        >
          <div className="flex items-baseline gap-1.5">
            <span className="min-w-0 flex-1 truncate text-[11px] font-medium text-slate-600">{definition.label}</span>
            {met !== null ? (
              <span className={`text-[11px] font-semibold ${met ? 'text-green-700' : 'text-red-700'}`} aria-label={met ? 'target met' : 'target missed'}>
                {met ? '✓' : '✗'}
              </span>
            ) : null}
          </div>
          {result.ok ? (
            <div className="flex items-baseline justify-between gap-1.5">
              <span className="whitespace-nowrap text-sm font-semibold tabular-nums" data-testid={`metric-${definition.key}-value`} data-value={result.value}>
                {formatMetric(definition, result.value)}
              </span>
              <span className="truncate text-[10px] text-slate-500">target {formatTarget(definition, target)}</span>
            </div>
          ) : (
            <>
              <div className="text-[10px] leading-tight text-slate-500" data-testid={`metric-${definition.key}-reason`}>
                {result.reason.replace(/^cannot compute: /, 'n/a: ')}
              </div>
              <div className="text-[10px] text-slate-500">target {formatTarget(definition, target)}</div>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
