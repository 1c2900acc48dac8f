import type { PanelJourney } from '@/lib/schemas/panel';

const STATE_STYLE = {
  upcoming: 'bg-slate-100 text-slate-500',
  'in-progress': 'bg-teal-100 text-teal-800',
  completed: 'bg-green-100 text-green-800',
  stalled: 'bg-red-100 text-red-800',
} as const;

type Stage = Extract<PanelJourney, { stages: unknown }>['stages'][number];

function Milestones({ stage }: { stage: Stage }) {
  return (
    <ul className="space-y-0.5 text-xs">
      {stage.milestones.map((m) => (
        <li key={m.key} className="flex justify-between gap-2" data-testid={`milestone-${m.key}`} data-reached={m.reachedOn ?? ''}>
          <span className={m.success ? 'font-medium' : ''}>
            <span className={m.reachedOn ? 'text-green-700' : 'text-slate-400'}>{m.reachedOn ? '✓' : '○'}</span> {m.label}
            {m.success ? <span className="text-slate-400"> (success)</span> : null}
          </span>
          <span className="shrink-0 text-slate-500">{m.reachedOn ?? ''}</span>
        </li>
      ))}
    </ul>
  );
}

/** Where the customer is in its journey: stages, each stage's milestones, stalled stages and time to value. */
export function JourneyView({ journey }: { journey: PanelJourney }) {
  if (journey.status === 'invalid') {
    return <p className="text-xs text-red-700">Journey unavailable: {journey.field} {journey.message}</p>;
  }
  const current = journey.stages.find((s) => s.key === journey.stage);
  const ttv = journey.timeToValue;
  return (
    <section className="space-y-2" data-testid="journey" data-stage={journey.stage ?? ''} data-stalled={journey.stalled}>
      <ol className="flex gap-1">
        {journey.stages.map((stage) => (
          <li
            key={stage.key}
            className={`flex-1 rounded px-1 py-0.5 text-center text-xs ${STATE_STYLE[stage.state]} ${stage.key === journey.stage ? 'ring-1 ring-teal-700' : ''}`}
            data-testid={`stage-${stage.key}`}
            data-state={stage.state}
            title={`${stage.label}: ${stage.state}${stage.stalled && stage.state === 'completed' ? ' (late)' : ''}`}
          >
            {stage.label}
          </li>
        ))}
      </ol>
      <p className="text-xs text-slate-600">
        {journey.status === 'not-started' ? 'Starts later.' : `Day ${journey.daysSinceStart}${current ? ` · ${current.label}` : ''}`}
        {journey.stalled ? <strong className="ml-1 text-red-700" data-testid="journey-stalled">· stalled</strong> : null}
        {' · '}
        <span data-testid="time-to-value">
          {ttv.reached
            ? `time to value ${ttv.days} d${ttv.withinTarget ? '' : ' (over target)'}`
            : 'invalid' in ttv
              ? `time to value: ${ttv.invalid}`
              : `no value yet after ${ttv.elapsed} d${ttv.missedTarget ? ' (past target)' : ''}`}
        </span>
      </p>
      {current ? <Milestones stage={current} /> : null}
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-500">All stages' milestones</summary>
        <div className="mt-1 space-y-1.5">
          {journey.stages.map((stage) => (
            <div key={stage.key}>
              <p className="font-medium">
                {stage.label} <span className="font-normal text-slate-500">({stage.startsOn}{stage.endsOn ? ` – ${stage.endsOn}` : ' on'})</span>
              </p>
              <Milestones stage={stage} />
            </div>
          ))}
        </div>
      </details>
    </section>
  );
}
