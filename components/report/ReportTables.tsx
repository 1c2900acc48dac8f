import { formatCount, formatMoney, formatPercent } from '@/components/portfolio/format';
import type { ChurnReasonRow } from '@/lib/metrics/churn-reasons';
import type { CohortRow } from '@/lib/metrics/cohorts';
import type { MetricResult } from '@/lib/metrics/result';
import { SLA_FORMULA } from '@/lib/portfolio/definitions';
import type { SlaRow } from '@/lib/portfolio/report';

function Reason({ text }: { text: string }) {
  return <p className="text-xs text-slate-600">{text}</p>;
}

/** Churn reasons ranked by ARR lost, each with its share of the churned ARR as a bar. */
export function ChurnReasonsTable({ result }: { result: MetricResult<ChurnReasonRow[]> }) {
  if (!result.ok) return <Reason text={result.reason} />;
  return (
    <table className="w-full text-xs tabular-nums" data-testid="churn-reasons">
      <tbody>
        {result.value.map((row) => (
          <tr key={row.reason} className="border-b border-slate-100" data-testid="churn-reason-row" data-arr={row.arr}>
            <td className="py-1 pr-2 font-medium">{row.reason}</td>
            <td className="w-1/3 pr-2">
              <div className="h-2 rounded bg-red-500" style={{ width: `${row.arrSharePercent ?? 0}%` }} />
            </td>
            <td className="text-right">{formatMoney(row.arr)}</td>
            <td className="text-right text-slate-500">{row.arrSharePercent === null ? 'no ARR' : formatPercent(row.arrSharePercent)}</td>
            <td className="text-right text-slate-500">{formatCount(row.accounts)} accounts</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Logo retention today of each start-quarter cohort. */
export function CohortTable({ result }: { result: MetricResult<CohortRow[]> }) {
  if (!result.ok) return <Reason text={result.reason} />;
  return (
    <table className="w-full text-xs tabular-nums" data-testid="cohorts">
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-500">
          <th className="py-1 font-medium">Started</th>
          <th className="text-right font-medium">Accounts</th>
          <th className="text-right font-medium">Still active</th>
          <th className="text-right font-medium" title="Accounts of the cohort still active ÷ accounts in the cohort × 100">
            Logo retention
          </th>
          <th className="text-right font-medium">ARR retained</th>
        </tr>
      </thead>
      <tbody>
        {result.value.map((row) => (
          <tr key={row.cohort} className="border-b border-slate-100" data-testid="cohort-row">
            <td className="py-0.5">{row.cohort}</td>
            <td className="text-right">{formatCount(row.accounts)}</td>
            <td className="text-right">{formatCount(row.retained)}</td>
            <td className="text-right" style={{ backgroundColor: `rgba(15, 118, 110, ${(row.retentionPercent / 100) * 0.35})` }}>
              {formatPercent(row.retentionPercent)}
            </td>
            <td className="text-right">{formatMoney(row.retainedArr)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** First-response SLA compliance per support tier for tickets created in the period. */
export function SlaTable({ rows }: { rows: readonly SlaRow[] }) {
  if (rows.length === 0) return <Reason text="cannot compute: no tickets of known accounts in the period" />;
  return (
    <table className="w-full text-xs tabular-nums" data-testid="sla">
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-500">
          <th className="py-1 font-medium">Tier</th>
          <th className="text-right font-medium">Target</th>
          <th className="text-right font-medium">Tickets</th>
          <th className="text-right font-medium">Met</th>
          <th className="text-right font-medium">Breached</th>
          <th className="text-right font-medium">Running</th>
          <th className="text-right font-medium" title={SLA_FORMULA}>
            Compliance
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.tier} className="border-b border-slate-100" data-testid="sla-row" data-tier={row.tier}>
            <td className="py-0.5 font-medium">{row.tier}</td>
            <td className="text-right">{row.targetHours === null ? 'no plan' : `${row.targetHours} h`}</td>
            <td className="text-right">{formatCount(row.tickets)}</td>
            <td className="text-right">{formatCount(row.met)}</td>
            <td className="text-right">{formatCount(row.breached)}</td>
            <td className="text-right">{formatCount(row.running)}</td>
            <td className="text-right" title={row.compliancePercent === null ? 'no ticket answered or breached yet' : SLA_FORMULA}>
              {row.compliancePercent === null ? 'n/a' : formatPercent(row.compliancePercent)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
