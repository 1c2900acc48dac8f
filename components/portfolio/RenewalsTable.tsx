import { FORECAST_FORMULA } from '@/lib/portfolio/definitions';
import type { BandTotals, RenewalRow } from '@/lib/portfolio/popup-view';
import { formatCount, formatMoney, formatPercent } from './format';

/** Renewals due within 30/60/90 days (each includes the shorter ones), ARR, and the health-weighted forecast. */
export function RenewalsTable({ rows, overdue }: { rows: readonly RenewalRow[]; overdue: BandTotals }) {
  return (
    <div>
      <table className="w-full text-xs tabular-nums">
        <thead>
          <tr className="text-left text-[11px] text-slate-500">
            <th className="font-normal">Due within</th>
            <th className="text-right font-normal">Accounts</th>
            <th className="text-right font-normal">ARR</th>
            <th className="text-right font-normal" title={FORECAST_FORMULA}>
              <span className="cursor-help underline decoration-dotted">Forecast</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.days} data-testid={`renewals-${row.days}`} data-count={row.count} data-arr={row.arr}>
              <td>{row.days} days</td>
              <td className="text-right">{formatCount(row.count)}</td>
              <td className="text-right">{formatMoney(row.arr)}</td>
              <td
                className="text-right"
                title={row.forecast.ok ? FORECAST_FORMULA : row.forecast.reason}
                data-testid={`renewals-${row.days}-forecast`}
                data-expected={row.forecast.ok ? row.forecast.expectedArr : ''}
              >
                {row.forecast.ok ? (
                  <>
                    {formatMoney(row.forecast.expectedArr)}
                    {row.forecast.expectedPercent !== null ? <span className="text-slate-500"> ({formatPercent(row.forecast.expectedPercent)})</span> : null}
                  </>
                ) : (
                  <span className="text-slate-400">n/a</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {overdue.count > 0 ? (
        <p className="mt-1 text-[11px] text-amber-800" data-testid="renewals-overdue">
          {formatCount(overdue.count)} renewal date{overdue.count === 1 ? ' has' : 's have'} passed ({formatMoney(overdue.arr)}): not counted above.
        </p>
      ) : null}
    </div>
  );
}
