import { useState } from 'react';
import { addStep, moveStep, removeStep, renameTemplate, updateStep } from '@/lib/playbooks/template-editing';
import { TemplateValidationError, validateTemplate } from '@/lib/playbooks/templates';
import { PlaybookDueFrom, type PlaybookTemplate } from '@/lib/schemas/records';
import { useActionError } from './use-action-error';

export interface TemplateEditorProps {
  /** The stored template; the editor works on its own draft until saved. */
  template: PlaybookTemplate;
  onSave: (draft: PlaybookTemplate) => void | Promise<void>;
  /** Offered after a confirmation; open runs keep the steps they copied. */
  onDelete?: () => void | Promise<void>;
}

const DUE_FROM_LABELS: Record<PlaybookDueFrom, string> = { 'run-start': 'the day the run starts', 'renewal-date': 'the renewal date' };

/**
 * Edits one playbook template: name, steps (add, remove, move up/down, title, due offset). Problems show next to
 * the field as the person types; saving is possible once there are none.
 */
export function TemplateEditor({ template, onSave, onDelete }: TemplateEditorProps) {
  const [draft, setDraft] = useState(template);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const deletion = useActionError();
  const validation = validateTemplate(draft);
  const errors = validation.ok ? {} : validation.errors;
  const changed = JSON.stringify(draft) !== JSON.stringify(template);
  const fromRenewal = draft.dueFrom === 'renewal-date';
  const field = (suffix: string) => `template-${template.id}-${suffix}`;

  async function save() {
    if (!validation.ok) return;
    try {
      await onSave(validation.template);
      setSaveError(null);
    } catch (caught) {
      setSaveError(caught instanceof TemplateValidationError ? 'Not saved: fix the fields marked in red.' : caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <article className="space-y-2 rounded border border-slate-200 p-3" data-testid={`template-${template.id}`}>
      <div>
        <label className="block text-xs font-medium text-slate-600" htmlFor={field('name')}>
          Playbook name
        </label>
        <input
          id={field('name')}
          className={`w-full rounded border px-2 py-1 font-semibold ${errors.name ? 'border-red-500' : 'border-slate-300'}`}
          value={draft.name}
          onChange={(event) => setDraft(renameTemplate(draft, event.target.value))}
          data-testid={field('name')}
        />
        <FieldError message={errors.name} />
        {draft.description ? <p className="mt-1 text-xs text-slate-500">{draft.description}</p> : null}
      </div>

      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <label htmlFor={field('due-from')}>Due dates count from</label>
        <select
          id={field('due-from')}
          className="rounded border border-slate-300 bg-white px-1 py-0.5"
          value={draft.dueFrom}
          onChange={(event) => setDraft({ ...draft, dueFrom: PlaybookDueFrom.parse(event.target.value) })}
          data-testid={field('due-from')}
        >
          {PlaybookDueFrom.options.map((option) => (
            <option key={option} value={option}>
              {DUE_FROM_LABELS[option]}
            </option>
          ))}
        </select>
        <span>{fromRenewal ? 'Due: days from the renewal date (negative = before it).' : 'Due: days after the run starts.'}</span>
      </div>
      <ol className="space-y-1">
        {draft.steps.map((step, index) => (
          <li key={step.id} className="flex flex-wrap items-start gap-2" data-testid={`template-step-${step.id}`}>
            <span className="w-5 pt-1 text-right text-xs text-slate-400">{index + 1}.</span>
            <div className="min-w-48 flex-1">
              <input
                aria-label={`Step ${index + 1} title`}
                className={`w-full rounded border px-2 py-1 ${errors[`steps.${index}.title`] ? 'border-red-500' : 'border-slate-300'}`}
                value={step.title}
                placeholder="What to do"
                onChange={(event) => setDraft(updateStep(draft, index, { title: event.target.value }))}
                data-testid={`template-step-${step.id}-title`}
              />
              <FieldError message={errors[`steps.${index}.title`] ?? errors[`steps.${index}.id`] ?? errors[`steps.${index}`]} />
            </div>
            <div className="w-24">
              <input
                type="number"
                step={1}
                aria-label={`Step ${index + 1} due offset in days`}
                className={`w-full rounded border px-2 py-1 ${errors[`steps.${index}.dueOffsetDays`] ? 'border-red-500' : 'border-slate-300'}`}
                value={Number.isNaN(step.dueOffsetDays) ? '' : step.dueOffsetDays}
                // An empty box is NaN, which validation reports, rather than silently 0.
                onChange={(event) => setDraft(updateStep(draft, index, { dueOffsetDays: event.target.value === '' ? Number.NaN : Number(event.target.value) }))}
                data-testid={`template-step-${step.id}-due`}
              />
              <FieldError message={errors[`steps.${index}.dueOffsetDays`]} />
            </div>
            <div className="flex gap-1 text-xs">
              <IconButton label={`Move step ${index + 1} up`} disabled={index === 0} onClick={() => setDraft(moveStep(draft, index, -1))}>
                ↑
              </IconButton>
              <IconButton label={`Move step ${index + 1} down`} disabled={index === draft.steps.length - 1} onClick={() => setDraft(moveStep(draft, index, 1))}>
                ↓
              </IconButton>
              <IconButton label={`Remove step ${index + 1}`} onClick={() => setDraft(removeStep(draft, index))}>
                ✕
              </IconButton>
            </div>
          </li>
        ))}
      </ol>
      <FieldError message={errors.steps} />

      <div className="flex flex-wrap items-center gap-2 text-xs">
        <button type="button" className="rounded border border-slate-300 px-2 py-1" onClick={() => setDraft(addStep(draft))} data-testid={field('add-step')}>
          Add step
        </button>
        {onDelete ? (
          <button type="button" className="rounded px-2 py-1 text-red-700" onClick={() => setConfirmingDelete(true)} data-testid={field('delete')}>
            Delete playbook
          </button>
        ) : null}
        <span className="flex-1" />
        {changed ? <span className="text-slate-500">Unsaved changes</span> : null}
        <button type="button" className="rounded px-2 py-1 disabled:opacity-40" disabled={!changed} onClick={() => setDraft(template)}>
          Discard
        </button>
        <button
          type="button"
          className="rounded bg-slate-800 px-3 py-1 text-white disabled:opacity-40"
          disabled={!changed || !validation.ok}
          onClick={() => void save()}
          data-testid={field('save')}
        >
          Save
        </button>
      </div>
      {confirmingDelete && onDelete ? (
        <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-xs" role="alertdialog" aria-label={`Delete ${template.name}`}>
          <p>Delete “{template.name}”? Triggers stop starting it; runs already open keep their steps. Restore defaults brings shipped playbooks back.</p>
          <div className="flex gap-2">
            <button
              type="button"
              className="rounded bg-red-700 px-2 py-1 text-white"
              onClick={async () => {
                if (await deletion.attempt(onDelete)) setConfirmingDelete(false);
              }}
              data-testid={field('confirm-delete')}
            >
              Delete
            </button>
            <button type="button" className="rounded px-2 py-1" onClick={() => setConfirmingDelete(false)}>
              Cancel
            </button>
          </div>
          {deletion.error ? <p className="text-red-800">{deletion.error}</p> : null}
        </div>
      ) : null}
      {saveError ? (
        <p className="rounded bg-red-50 px-2 py-1 text-xs text-red-800" role="alert">
          {saveError}
        </p>
      ) : null}
    </article>
  );
}

function FieldError({ message }: { message: string | undefined }) {
  return message ? <p className="mt-0.5 text-xs text-red-700">{message}</p> : null;
}

function IconButton({ label, disabled, onClick, children }: { label: string; disabled?: boolean; onClick: () => void; children: string }) {
  return (
    <button type="button" aria-label={label} title={label} className="rounded border border-slate-300 px-1.5 py-1 disabled:opacity-30" disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
