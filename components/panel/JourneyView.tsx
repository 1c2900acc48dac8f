import type { Journey } from '@/lib/lifecycle/journey';

const STATE_STYLE = {
  upcoming: 'bg-slate-100 text-slate-500',
  'in-progress': 'bg-teal-100 text-teal-800',
  completed: 'bg-green-100 text-green-800',
  stalled: 'bg-red-100 text-red-800',
} as const;

export function JourneyView({ journey }: { journey: Journey }) {
  if (journey.status === 'invalid') {
    return <p className="text-xs text-red-700">Journey unavailable: {journey.field} {journey.message}</p>;
  }
  const current = journey.stages.find((s) => s.key === journey.stage);
  return (
    <section className="space-y-2" data-testid="journey">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Journey</h2>
      <ol className="flex gap-1">
        {journey.stages.map((stage) => (
          <li
            key={stage.key}
            className={`flex-1 rounded px-1 py-0.5 text-center text-xs ${STATE_STYLE[stage.state]} ${stage.key === journey.stage ? 'ring-1 ring-teal-700' : ''}`}
            data-testid={`stage-${stage.key}`}
            data-state={stage.state}
          >
            {stage.label}
          </li>
        ))}
      </ol>
      <p className="text-xs text-slate-600">
        {journey.status === 'not-started' ? 'Starts later.' : `Day ${journey.daysSinceStart}${current ? ` · ${current.label}` : ''}`}
        {journey.stalled ? <strong className="ml-1 text-red-700" data-testid="journey-stalled">· stalled</strong> : null}
        {journey.timeToValue.reached ? ` · time to value ${journey.timeToValue.days} d` : ''}
      </p>
      {current ? (
        <ul className="space-y-0.5 text-xs">
          {current.milestones.map((m) => (
            <li key={m.key} className="flex justify-between">
              <span className={m.success ? 'font-medium' : ''}>
                {m.reachedOn ? '✓' : '○'} {m.label}
              </span>
              <span className="text-slate-500">{m.reachedOn ?? ''}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
