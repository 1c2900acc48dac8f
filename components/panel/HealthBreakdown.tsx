import type { AccountHealth } from '@/lib/scoring/account-health';

const FACTOR_LABELS = { usage: 'Product usage', engagement: 'Engagement', adoption: 'Adoption', relationship: 'Relationship' } as const;

function age(days: number | null): string {
  if (days === null) return 'no data';
  if (days === 0) return 'today';
  return days === 1 ? '1 day old' : `${days} days old`;
}

/** Why the score is what it is: each factor's score, weight, contribution, and the inputs behind it. */
export function HealthBreakdown({ health }: { health: AccountHealth }) {
  return (
    <section className="space-y-2" data-testid="health-breakdown">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Why this score</h2>
      <p className="text-xs text-slate-600">
        Computed {health.computedScore ?? 'n/a'} = weighted mean of the factors with data
        {health.weightsSource === 'default' ? '' : ` (${health.weightsSource} weights)`}.
      </p>
      <ul className="space-y-2">
        {Object.values(health.factors).map((factor) => (
          <li key={factor.key} className="rounded border border-slate-200 p-2" data-testid={`factor-${factor.key}`}>
            <div className="flex items-baseline justify-between">
              <span className="font-medium">{FACTOR_LABELS[factor.key]}</span>
              <span className="text-xs text-slate-600">
                {factor.score === null ? 'N/A' : Math.round(factor.score)} · weight {factor.weight}
                {factor.score !== null && factor.effectiveWeight !== factor.weight ? ` → ${Math.round(factor.effectiveWeight * 10) / 10}` : ''}
                {factor.contribution !== null ? ` · +${Math.round(factor.contribution * 10) / 10}` : ''}
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
                    {indicator.value === null ? 'no data' : indicator.expected === null ? indicator.value : `${indicator.value} / ${indicator.expected}`}
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
