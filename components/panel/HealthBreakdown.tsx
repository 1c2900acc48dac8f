import type { PanelHealth } from '@/lib/schemas/panel';

const FACTOR_LABELS = { usage: 'Product usage', engagement: 'Engagement', adoption: 'Adoption', relationship: 'Relationship' } as const;

const round1 = (value: number) => Math.round(value * 10) / 10;

function age(days: number | null): string {
  if (days === null) return 'no data';
  if (days === 0) return 'today';
  return days === 1 ? '1 day old' : `${days} days old`;
}

/** Why the score is what it is: each factor's score, weight, contribution, and the inputs behind it. */
export function HealthBreakdown({ health }: { health: PanelHealth }) {
  return (
    <section className="space-y-2" data-testid="health-breakdown">
      <h3 className="text-xs font-semibold text-slate-700">Why this score</h3>
      <p className="text-xs text-slate-600" data-testid="breakdown-computed" data-score={health.computedScore ?? ''}>
        Computed <strong>{health.computedScore ?? 'n/a'}</strong>
        {health.computedExact !== null ? ` (${round1(health.computedExact)})` : ''} = Σ weight × factor over the factors with data
        {health.weightsSource === 'default' ? '' : ` (${health.weightsSource} weights)`}. Inputs older than the stale age are marked stale.
      </p>
      <ul className="space-y-2">
        {Object.values(health.factors).map((factor) => (
          <li
            key={factor.key}
            className="rounded border border-slate-200 p-2"
            data-testid={`factor-${factor.key}`}
            data-score={factor.score === null ? '' : Math.round(factor.score)}
            data-weight={factor.weight}
            data-effective-weight={round1(factor.effectiveWeight)}
            data-contribution={factor.contribution === null ? '' : round1(factor.contribution)}
            data-stale={factor.stale}
          >
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-medium">{FACTOR_LABELS[factor.key]}</span>
              <span className="text-right text-xs text-slate-600">
                <strong className="text-slate-800">{factor.score === null ? 'N/A' : Math.round(factor.score)}</strong> · weight {factor.weight}
                {factor.score !== null && factor.effectiveWeight !== factor.weight ? ` → ${round1(factor.effectiveWeight)}` : ''}
                {factor.contribution !== null ? ` · +${round1(factor.contribution)} pts` : ''}
                {factor.stale ? <span className="font-medium text-amber-700"> · stale</span> : null}
              </span>
            </div>
            <div className="mt-1 h-1.5 rounded bg-slate-100">
              <div className="h-1.5 rounded bg-teal-600" style={{ width: `${factor.score ?? 0}%` }} />
            </div>
            <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
              {factor.indicators.map((indicator) => (
                <li key={indicator.key} className="flex justify-between gap-2">
                  <span className="truncate" title={indicator.note}>
                    {indicator.label}
                  </span>
                  <span className={`shrink-0 ${indicator.stale ? 'font-medium text-amber-700' : ''}`}>
                    {indicator.value === null ? 'no data' : indicator.expected === null ? round1(indicator.value) : `${round1(indicator.value)} / ${round1(indicator.expected)}`}
                    {' · '}
                    {age(indicator.ageDays)}
                    {indicator.stale ? ' · stale' : ''}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {health.issues.length ? (
        <details className="text-xs text-slate-600">
          <summary>{health.issues.length} data problem(s) set aside</summary>
          <ul className="list-disc pl-4">
            {health.issues.map((issue, i) => (
              <li key={i}>
                {issue.field}: {issue.problem}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
