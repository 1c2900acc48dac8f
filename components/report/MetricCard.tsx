import { formatMetric, formatTarget } from '@/components/portfolio/format';
import type { ReportMetric } from '@/lib/portfolio/report';
import { LineChart } from './LineChart';

/** One metric over the period: value against target, and its trend by month or week. The formula shows on hover. */
export function MetricCard({ metric }: { metric: ReportMetric }) {
  const { definition, result, met, target, trend } = metric;
  return (
    <article
      className={`break-inside-avoid rounded border p-3 ${met === null ? 'border-slate-200' : met ? 'border-green-200' : 'border-red-200'}`}
      data-testid={`report-metric-${definition.key}`}
      data-value={result.ok ? result.value : ''}
    >
      <header className="flex items-baseline justify-between gap-2" title={definition.formula}>
        <h3 className="cursor-help text-sm font-semibold underline decoration-slate-300 decoration-dotted">{definition.label}</h3>
        <span className="text-xs text-slate-500">target {formatTarget(definition, target)}</span>
      </header>
      {result.ok ? (
        <p className="mt-1 flex items-baseline gap-2">
          <span className="text-2xl font-semibold tabular-nums">{formatMetric(definition, result.value)}</span>
          <span className={`text-xs font-medium ${met ? 'text-green-700' : 'text-red-700'}`}>{met ? '✓ target met' : '✗ below target'}</span>
        </p>
      ) : (
        <p className="mt-1 text-xs text-slate-600" data-testid={`report-metric-${definition.key}-reason`}>
          {result.reason}
        </p>
      )}
      {result.ok && result.detail ? <p className="text-[11px] text-slate-500">{result.detail}</p> : null}
      <div className="mt-2">
        <LineChart
          title={`${definition.label} by ${trend.length > 0 && trend[0]!.label.startsWith('wk') ? 'week' : 'month'}`}
          labels={trend.map((p) => p.label)}
          series={[{ name: definition.label, color: '#0f766e', values: trend.map((p) => p.value) }]}
          target={target}
          format={(v) => formatMetric(definition, v)}
        />
      </div>
    </article>
  );
}
