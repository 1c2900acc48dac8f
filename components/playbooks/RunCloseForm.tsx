import { useId, useState } from 'react';
import { useActionError } from './use-action-error';
import { ActionError } from './ActionError';

/** Closing a run asks for the outcome and the next steps: the next person to open the account needs both. */
export function RunCloseForm({ onClose }: { onClose: (outcome: string, nextSteps: string) => void | Promise<void> }) {
  const [outcome, setOutcome] = useState('');
  const [nextSteps, setNextSteps] = useState('');
  const { error, attempt } = useActionError();
  const outcomeId = useId();
  const nextStepsId = useId();
  const missing = [!outcome.trim() && 'an outcome', !nextSteps.trim() && 'next steps'].filter(Boolean).join(' and ');

  return (
    <form
      className="space-y-1 border-t border-slate-100 pt-2"
      onSubmit={(event) => {
        event.preventDefault();
        void attempt(() => onClose(outcome.trim(), nextSteps.trim()));
      }}
    >
      <label htmlFor={outcomeId} className="block font-medium">
        Outcome
      </label>
      <textarea
        id={outcomeId}
        rows={2}
        className="w-full rounded border border-slate-300 px-1 py-0.5"
        placeholder="What happened? e.g. usage recovered after training"
        value={outcome}
        onChange={(event) => setOutcome(event.target.value)}
        data-testid="run-outcome"
      />
      <label htmlFor={nextStepsId} className="block font-medium">
        Next steps
      </label>
      <textarea
        id={nextStepsId}
        rows={2}
        className="w-full rounded border border-slate-300 px-1 py-0.5"
        placeholder="What comes next, and who does it?"
        value={nextSteps}
        onChange={(event) => setNextSteps(event.target.value)}
        data-testid="run-next-steps"
      />
      <div className="flex items-center justify-between gap-2">
        <span className="text-slate-400">{missing ? `Needs ${missing} to close.` : ''}</span>
        <button type="submit" className="shrink-0 whitespace-nowrap rounded bg-slate-800 px-2 py-1 text-white disabled:opacity-40" disabled={Boolean(missing)} data-testid="close-run">
          Close run
        </button>
      </div>
      <ActionError error={error} />
    </form>
  );
}
