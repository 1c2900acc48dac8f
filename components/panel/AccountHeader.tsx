import { format, parseISO } from 'date-fns';
import type { Band } from '@/lib/schemas/common';
import type { MatchMethod } from '@/lib/schemas/messages';
import type { AccountPanel } from '@/lib/schemas/panel';
import { TrendSparkline } from './TrendSparkline';

const BAND_STYLE: Record<Band, string> = {
  healthy: 'bg-green-700',
  'at-risk': 'bg-amber-700',
  critical: 'bg-red-700',
  unknown: 'bg-slate-500',
};
const BAND_LABEL: Record<Band, string> = {
  healthy: 'Healthy',
  'at-risk': 'At risk',
  critical: 'Critical',
  unknown: 'No score yet',
};
const MATCH_LABEL: Record<MatchMethod, string> = {
  'sf-id': 'Salesforce id',
  'zendesk-org': 'Zendesk organization',
  'contact-email': 'contact email',
  'email-domain': 'email domain',
  name: 'account name',
  chosen: 'your earlier choice for',
};

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

function Trend({ delta, days }: { delta: number | null; days: number }) {
  if (delta === null) return <span className="text-slate-400">no {days}-day trend</span>;
  const tone = delta > 0 ? 'text-green-700' : delta < 0 ? 'text-red-700' : 'text-slate-500';
  return (
    <span className={tone} data-testid={`trend-${days}`} data-delta={delta}>
      {`${delta > 0 ? '▲' : delta < 0 ? '▼' : '●'} ${delta > 0 ? '+' : delta < 0 ? '−' : ''}${Math.abs(delta)} in ${days} d`}
    </span>
  );
}

/** Who the account is, its score (an override beside the computed one), trend, and the commercial facts. */
export function AccountHeader({ panel }: { panel: Pick<AccountPanel, 'account' | 'health' | 'history' | 'tier' | 'match'> }) {
  const { account, health, tier, match } = panel;
  const overridden = health.override.state === 'applied';
  return (
    <section className="space-y-2" data-testid="account-header">
      <div className="flex items-start gap-3">
        <div
          className={`flex h-12 w-12 shrink-0 items-center justify-center rounded-full text-lg font-bold text-white ${BAND_STYLE[health.band]}`}
          data-testid="panel-score"
          data-band={health.band}
          data-score={health.score ?? ''}
          title={overridden ? 'Score set by hand' : 'Computed score'}
        >
          {health.score ?? '–'}
        </div>
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-base font-semibold" title={account.name} data-testid="account-name">
            {account.name}
          </h1>
          <p className="text-xs text-slate-600">
            {BAND_LABEL[health.band]}
            {overridden ? (
              <span data-testid="computed-beside-override">
                {' '}· set by hand · computed <strong data-testid="computed-score">{health.computedScore ?? 'n/a'}</strong> ({BAND_LABEL[health.computedBand]})
              </span>
            ) : null}
            {health.stale ? <span className="font-medium text-amber-700"> · some inputs stale</span> : null}
          </p>
        </div>
      </div>
      <div className="flex items-center justify-between gap-2">
        <p className="space-x-2 text-xs">
          {overridden ? <span className="text-slate-500">computed</span> : null}
          <Trend delta={health.trend.delta7} days={7} />
          <Trend delta={health.trend.delta30} days={30} />
        </p>
        <TrendSparkline points={panel.history} />
      </div>
      {match ? (
        <p className="text-xs text-slate-500" data-testid="match-method" data-method={match.method}>
          Matched by {MATCH_LABEL[match.method]} {match.matchedOn}
        </p>
      ) : null}
      {account.demo ? <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-800">Demo data: this account is fictional.</p> : null}
      {account.status === 'churned' ? (
        <p className="rounded bg-red-50 px-2 py-1 text-xs text-red-800">
          Churned {account.churnDate ? format(parseISO(account.churnDate), 'd MMM yyyy') : ''}
          {account.churnReason ? `: ${account.churnReason}` : ''}
        </p>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
        <dt className="text-slate-500">ARR</dt>
        <dd data-testid="panel-arr">{money.format(account.arr)}</dd>
        <dt className="text-slate-500">Renewal</dt>
        <dd data-testid="panel-renewal">{account.renewalDate ? format(parseISO(account.renewalDate), 'd MMM yyyy') : 'not set'}</dd>
        <dt className="text-slate-500">Plan · tier</dt>
        <dd>
          {account.plan ?? 'unknown plan'} · {tier?.name ?? 'no tier'}
        </dd>
        <dt className="text-slate-500">Segment</dt>
        <dd>{account.segment ?? '—'}</dd>
        <dt className="text-slate-500">Owner</dt>
        <dd>{account.owner ?? '—'}</dd>
      </dl>
    </section>
  );
}
