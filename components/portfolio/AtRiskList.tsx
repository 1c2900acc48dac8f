import { format, parseISO } from 'date-fns';
import type { AtRiskRow } from '@/lib/portfolio/popup-view';
import { BAND_FILL, BAND_LABEL, formatDelta, formatMoney } from './format';

/** The largest at-risk and critical accounts; each links to where the account opens (Salesforce or its page). */
export function AtRiskList({ rows, hrefOf }: { rows: readonly AtRiskRow[]; hrefOf: (row: AtRiskRow) => string }) {
  if (rows.length === 0) return <p className="text-xs text-slate-500">No account at risk or critical in this selection.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((row) => (
        <li key={row.id}>
          <a
            href={hrefOf(row)}
            target="_blank"
            rel="noreferrer"
            className="flex items-center gap-2 py-0.5 text-xs hover:bg-slate-50"
            data-testid="at-risk-account"
            data-account-id={row.id}
            title={`${row.name}: ${BAND_LABEL[row.band]}${row.overridden ? `, score set by hand (computed ${row.computedScore ?? 'none'})` : ''}`}
          >
            <span className={`flex h-5 w-7 shrink-0 items-center justify-center rounded text-[11px] font-bold text-white ${BAND_FILL[row.band]}`}>
              {row.score}
              {row.overridden ? '*' : ''}
            </span>
            <span className="min-w-0 flex-1 truncate font-medium text-slate-800">{row.name}</span>
            <span className={`w-9 text-right tabular-nums ${row.delta30 !== null && row.delta30 < 0 ? 'text-red-700' : 'text-slate-500'}`} title="Change in 30 days">
              {formatDelta(row.delta30)}
            </span>
            <span className="w-12 text-right tabular-nums text-slate-700">{formatMoney(row.arr)}</span>
            <span className="w-[76px] shrink-0 whitespace-nowrap text-right tabular-nums text-slate-500" title={row.renewalDate ? `Renews ${row.renewalDate}` : 'No renewal date'}>
              {row.renewalDate ? format(parseISO(row.renewalDate), 'd MMM yyyy') : 'no renewal'}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
