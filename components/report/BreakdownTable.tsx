import { formatCount, formatMetric, formatMoney, formatPercent } from '@/components/portfolio/format';
import { CHURN_FORMULAS, METRICS } from '@/lib/portfolio/definitions';
import type { BreakdownRow } from '@/lib/portfolio/report';

/** Per-owner or per-segment: active accounts, ARR, health bands now, and the period's metrics. */
export function BreakdownTable({ rows, groupLabel, testId }: { rows: readonly BreakdownRow[]; groupLabel: string; testId: string }) {
  if (rows.length === 0) return <p className="text-xs text-slate-500">No accounts.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs tabular-nums" data-testid={testId}>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500">
            <th className="py-1 font-medium">{groupLabel}</th>
            <th className="text-right font-medium">Accounts</th>
            <th className="text-right font-medium">ARR</th>
            <th className="text-right font-medium" title="Healthy / At risk / Critical / No score, today">
              H / R / C / ?
            </th>
            {METRICS.map((m) => (
              <th key={m.key} className="text-right font-medium" title={m.formula}>
                {m.label}
              </th>
            ))}
            <th className="text-right font-medium" title={CHURN_FORMULAS.logo}>
              Logo churn
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} className="border-b border-slate-100" data-testid={`${testId}-row`} data-name={row.name}>
              <td className="py-1 font-medium text-slate-800">{row.name}</td>
              <td className="text-right">{formatCount(row.accounts)}</td>
              <td className="text-right">{formatMoney(row.arr)}</td>
              <td className="text-right">
                {row.bands.healthy} / {row.bands['at-risk']} / {row.bands.critical} / {row.bands.unknown}
              </td>
              {METRICS.map((m) => {
                const result = row.metrics[m.key];
                return (
                  <td key={m.key} className="text-right" title={result.ok ? result.detail : result.reason}>
                    {result.ok ? formatMetric(m, result.value) : <span className="text-slate-400">n/a</span>}
                  </td>
                );
              })}
              <td className="text-right" title={row.logoChurn.ok ? '' : row.logoChurn.reason}>
                {row.logoChurn.ok ? formatPercent(row.logoChurn.value) : <span className="text-slate-400">n/a</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
