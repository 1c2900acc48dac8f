import { format, parseISO } from 'date-fns';
import type { AccountSummary } from '@/lib/schemas/messages';
import type { Account } from '@/lib/schemas/records';

const BAND_STYLE: Record<AccountSummary['band'], string> = {
  healthy: 'bg-green-700',
  'at-risk': 'bg-amber-700',
  critical: 'bg-red-700',
  unknown: 'bg-slate-500',
};
const BAND_LABEL: Record<AccountSummary['band'], string> = {
  healthy: 'Healthy',
  'at-risk': 'At risk',
  critical: 'Critical',
  unknown: 'No score yet',
};

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

function Trend({ delta, days }: { delta: number | null; days: number }) {
  if (delta === null) return <span className="text-slate-400">— {days} d</span>;
  const tone = delta > 0 ? 'text-green-700' : delta < 0 ? 'text-red-700' : 'text-slate-500';
  return <span className={tone}>{`${delta > 0 ? '▲' : delta < 0 ? '▼' : '●'}${Math.abs(delta)} in ${days} d`}</span>;
}

export function AccountHeader({ account, summary }: { account: Account; summary: AccountSummary }) {
  return (
    <section className="space-y-2" data-testid="account-header">
      <div className="flex items-start gap-3">
        <div
          className={`flex h-12 w-12 shrink-0 items-center justify-center rounded-full text-lg font-bold text-white ${BAND_STYLE[summary.band]}`}
          data-testid="panel-score"
          data-band={summary.band}
        >
          {summary.score ?? '–'}
        </div>
        <div className="min-w-0">
          <h1 className="truncate text-base font-semibold" title={account.name}>
            {account.name}
          </h1>
          <p className="text-xs text-slate-600">
            {BAND_LABEL[summary.band]}
            {summary.overridden ? ` · set by hand (computed ${summary.computedScore ?? 'n/a'})` : ''}
            {summary.stale ? ' · some inputs stale' : ''}
          </p>
          <p className="space-x-2 text-xs">
            <Trend delta={summary.trend7} days={7} />
            <Trend delta={summary.trend30} days={30} />
          </p>
        </div>
      </div>
      {account.demo ? <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-800">Demo data: this account is fictional.</p> : null}
      {account.status === 'churned' ? (
        <p className="rounded bg-red-50 px-2 py-1 text-xs text-red-800">
          Churned {account.churnDate ? format(parseISO(account.churnDate), 'd MMM yyyy') : ''}
          {account.churnReason ? `: ${account.churnReason}` : ''}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500">ARR</dt>
        <dd data-testid="panel-arr">{money.format(account.arr)}</dd>
        <dt className="text-slate-500">Renewal</dt>
        <dd>{account.renewalDate ? format(parseISO(account.renewalDate), 'd MMM yyyy') : 'not set'}</dd>
        <dt className="text-slate-500">Plan · tier</dt>
        <dd>
          {account.plan ?? 'unknown plan'} · {summary.tier ?? 'no tier'}
        </dd>
        <dt className="text-slate-500">Segment</dt>
        <dd>{account.segment ?? '—'}</dd>
        <dt className="text-slate-500">Owner</dt>
        <dd>{account.owner ?? '—'}</dd>
      </dl>
    </section>
  );
}
