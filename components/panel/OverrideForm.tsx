import { useState } from 'react';
import type { PanelOverrideState } from '@/lib/schemas/panel';
import type { OverrideDraft } from '@/lib/scoring/override';

/** Shows the override in force (or why one no longer applies) and lets a CSM set or remove one. */
export function OverrideForm(props: {
  accountId: string;
  override: PanelOverrideState;
  defaultExpiry: string;
  onSave(draft: OverrideDraft): Promise<{ field: string; message: string }[]>;
  onRemove(): Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [score, setScore] = useState('');
  const [reason, setReason] = useState('');
  const [expiresOn, setExpiresOn] = useState(props.defaultExpiry);
  const [locked, setLocked] = useState(false);
  const [issues, setIssues] = useState<{ field: string; message: string }[]>([]);
  const current = props.override;

  return (
    <section className="space-y-1 text-xs" data-testid="override">
      {current.state !== 'none' ? (
        <p className={current.state === 'applied' ? 'text-slate-700' : 'text-slate-500'} data-testid="override-state" data-state={current.state}>
          Override <strong data-testid="override-score-shown">{current.override.score}</strong> — {current.state === 'applied' ? '' : `${current.state}: `}
          {current.why}{' '}
          <button type="button" className="text-blue-700 underline" onClick={() => void props.onRemove()} data-testid="override-remove">
            remove
          </button>
        </p>
      ) : null}
      {!open ? (
        <button type="button" className="text-blue-700 underline" onClick={() => setOpen(true)} data-testid="override-open">
          Override the score…
        </button>
      ) : (
        <form
          className="space-y-1 rounded border border-slate-200 p-2"
          onSubmit={async (event) => {
            event.preventDefault();
            const problems = await props.onSave({ accountId: props.accountId, score: Number(score), reason, expiresOn, locked });
            setIssues(problems);
            if (!problems.length) setOpen(false);
          }}
        >
          <label className="flex items-center justify-between gap-2">
            Score (0–100)
            <input type="number" min={0} max={100} required value={score} onChange={(e) => setScore(e.target.value)} className="w-16 rounded border px-1" data-testid="override-score" />
          </label>
          <label className="block">
            Reason
            <input required value={reason} onChange={(e) => setReason(e.target.value)} className="mt-0.5 w-full rounded border px-1" data-testid="override-reason" />
          </label>
          <label className="flex items-center justify-between gap-2">
            Until
            <input type="date" required value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} className="rounded border px-1" data-testid="override-expiry" />
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={locked} onChange={(e) => setLocked(e.target.checked)} /> Lock (keep it through rescoring)
          </label>
          {issues.map((issue) => (
            <p key={issue.field} className="text-red-700">
              {issue.field}: {issue.message}
            </p>
          ))}
          <div className="flex gap-2">
            <button type="submit" className="rounded bg-slate-800 px-2 py-0.5 font-medium text-white" data-testid="override-save">
              Save override
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
