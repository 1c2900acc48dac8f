import { format, parseISO } from 'date-fns';
import { useId, useState } from 'react';
import { overdueSteps, stepState, type StepState } from '@/lib/playbooks/runs';
import type { PlaybookRun, RunStep } from '@/lib/schemas/records';
import { localDay } from '@/lib/scoring/dates';
import { RunCloseForm } from './RunCloseForm';
import { useActionError } from './use-action-error';
import { ActionError } from './ActionError';

export interface RunChecklistProps {
  run: PlaybookRun;
  /** The page's clock: decides which steps are overdue (the page re-renders it as days pass). */
  now: Date;
  onToggleStep: (stepId: string, done: boolean, note?: string) => void | Promise<void>;
  onSkipStep: (stepId: string, reason: string) => void | Promise<void>;
  onClose: (outcome: string, nextSteps: string) => void | Promise<void>;
  onAddNote?: (text: string) => void | Promise<void>;
}

/** One playbook run as a checklist for the side panel (~360 px): why it started, steps, notes, closing. */
export function RunChecklist({ run, now, onToggleStep, onSkipStep, onClose, onAddNote }: RunChecklistProps) {
  const today = localDay(now);
  const open = run.status === 'open';
  const overdueCount = overdueSteps(run, today).length;
  const finished = run.steps.filter((step) => step.done || step.skipped).length;
  const { error, attempt } = useActionError();

  return (
    <section className="space-y-2 rounded border border-slate-200 p-2 text-xs" data-testid={`run-${run.id}`} data-status={run.status}>
      <header className="flex items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold">{run.templateName}</h3>
        <span className={`shrink-0 rounded px-1.5 py-0.5 ${open ? (overdueCount ? 'bg-red-50 text-red-800' : 'bg-sky-50 text-sky-900') : 'bg-slate-100 text-slate-600'}`}>
          {open ? `${finished}/${run.steps.length} done${overdueCount ? ` · ${overdueCount} overdue` : ''}` : 'Closed'}
        </span>
      </header>
      <p className="text-slate-600" data-testid="run-trigger">
        <span className="font-medium">Why:</span> {run.trigger.reason}{' '}
        <span className="text-slate-400">(opened {format(run.openedAt, 'd MMM yyyy')})</span>
      </p>

      <ol className="space-y-1.5">
        {run.steps.map((step) => (
          <StepItem
            key={step.id}
            step={step}
            state={shownState(step, today, open)}
            editable={open}
            onToggle={(done, note) => attempt(() => onToggleStep(step.id, done, note))}
            onSkip={(reason) => attempt(() => onSkipStep(step.id, reason))}
          />
        ))}
      </ol>

      <ActionError error={error} />

      <RunNotes run={run} onAddNote={onAddNote && ((text) => attempt(() => onAddNote(text)))} />

      {open ? (
        <RunCloseForm onClose={onClose} />
      ) : (
        <dl className="space-y-1 border-t border-slate-100 pt-2">
          <dt className="font-medium">Outcome</dt>
          <dd data-testid="run-outcome">{run.outcome}</dd>
          <dt className="font-medium">Next steps</dt>
          <dd data-testid="run-next-steps">{run.nextSteps}</dd>
          {run.closedAt ? (
            <dd className="text-slate-400">
              Closed {format(run.closedAt, 'd MMM yyyy HH:mm')}
              {run.closedBy ? ` by ${run.closedBy}` : ''}
            </dd>
          ) : null}
        </dl>
      )}
    </section>
  );
}

/** On a closed run nobody is waiting for a step any more: nothing shows as overdue. */
function shownState(step: RunStep, today: string, open: boolean): StepState {
  const state = stepState(step, today);
  return !open && state === 'overdue' ? 'pending' : state;
}

const STATE_STYLE: Record<StepState, string> = {
  done: 'text-slate-500 line-through',
  skipped: 'text-slate-400 line-through',
  overdue: 'text-red-800',
  pending: '',
};

function StepItem({
  step,
  state,
  editable,
  onToggle,
  onSkip,
}: {
  step: RunStep;
  state: StepState;
  editable: boolean;
  onToggle: (done: boolean, note?: string) => Promise<boolean>;
  onSkip: (reason: string) => Promise<boolean>;
}) {
  const [form, setForm] = useState<'note' | 'skip' | null>(null);
  const [text, setText] = useState('');
  const inputId = useId();

  async function submit() {
    const ok = form === 'skip' ? await onSkip(text) : await onToggle(true, text.trim() || undefined);
    if (ok) {
      setForm(null);
      setText('');
    }
  }

  return (
    <li data-testid={`step-${step.id}`} data-state={state}>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={Boolean(step.done)}
          disabled={!editable}
          onChange={(event) => void onToggle(event.target.checked)}
        />
        <span className={STATE_STYLE[state]}>{step.title}</span>
      </label>
      <div className="ml-5 space-y-0.5 text-slate-500">
        <p>
          Due {format(parseISO(step.dueDate), 'EEE d MMM')}
          {state === 'overdue' ? (
            <span className="ml-1 rounded bg-red-100 px-1 font-medium text-red-800" data-testid="step-overdue">
              overdue
            </span>
          ) : null}
        </p>
        {step.done ? (
          <p data-testid="step-done-by">
            Done by {step.done.by || 'someone'} · {format(step.done.at, 'd MMM HH:mm')}
            {step.done.note ? <span className="block text-slate-600">“{step.done.note}”</span> : null}
          </p>
        ) : null}
        {step.skipped ? (
          <p data-testid="step-skip-reason">
            Skipped by {step.skipped.by || 'someone'}: {step.skipped.reason}
          </p>
        ) : null}
        {editable && !form ? (
          <p className="flex gap-2">
            {!step.done ? (
              <button type="button" className="underline" onClick={() => setForm('note')}>
                Done with note…
              </button>
            ) : null}
            {step.skipped ? (
              <button type="button" className="underline" onClick={() => void onToggle(false)}>
                Undo skip
              </button>
            ) : !step.done ? (
              <button type="button" className="underline" onClick={() => setForm('skip')} data-testid="step-skip">
                Skip…
              </button>
            ) : null}
          </p>
        ) : null}
        {form ? (
          <form
            className="flex gap-1"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <label htmlFor={inputId} className="sr-only">
              {form === 'skip' ? 'Reason for skipping' : 'Note'}
            </label>
            <input
              id={inputId}
              className="min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5"
              placeholder={form === 'skip' ? 'Why skip it? (required)' : 'Note (optional)'}
              value={text}
              onChange={(event) => setText(event.target.value)}
              data-testid={form === 'skip' ? 'step-skip-reason-input' : 'step-note-input'}
            />
            <button
              type="submit"
              className="rounded bg-slate-800 px-2 text-white disabled:opacity-40"
              disabled={form === 'skip' && !text.trim()}
              data-testid={form === 'skip' ? 'step-skip-confirm' : 'step-note-confirm'}
            >
              {form === 'skip' ? 'Skip' : 'Done'}
            </button>
            <button type="button" className="px-1" onClick={() => setForm(null)}>
              Cancel
            </button>
          </form>
        ) : null}
      </div>
    </li>
  );
}

function RunNotes({ run, onAddNote }: { run: PlaybookRun; onAddNote?: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const notes = run.notes ?? [];
  if (!onAddNote && notes.length === 0) return null;
  return (
    <div className="space-y-1 border-t border-slate-100 pt-2" data-testid="run-notes">
      <h4 className="font-medium">Notes</h4>
      {notes.map((note) => (
        <p key={note.id}>
          <span className="text-slate-400">
            {format(note.at, 'd MMM HH:mm')} · {note.author || 'someone'}:
          </span>{' '}
          {note.text}
        </p>
      ))}
      {onAddNote ? (
        <form
          className="flex gap-1"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await onAddNote(text)) setText('');
          }}
        >
          <input
            className="min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5"
            placeholder="Add a note"
            aria-label="Add a note"
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="run-note-input"
          />
          <button type="submit" className="rounded bg-slate-800 px-2 text-white disabled:opacity-40" disabled={!text.trim()} data-testid="run-note-add">
            Add
          </button>
        </form>
      ) : null}
    </div>
  );
}
