import { useId, useState } from 'react';
import type { PanelTemplate } from '@/lib/schemas/panel';
import { useActionError } from './use-action-error';
import { ActionError } from './ActionError';

/** Starts a playbook by hand for the account (only playbooks without an open run are offered). */
export function StartRunForm({ templates, onStart }: { templates: PanelTemplate[]; onStart: (templateId: string) => void | Promise<void> }) {
  const [templateId, setTemplateId] = useState('');
  const { error, attempt } = useActionError();
  const selectId = useId();
  if (templates.length === 0) return null;
  const chosen = templates.find((t) => t.id === templateId);
  return (
    <form
      className="space-y-1 text-xs"
      data-testid="start-run"
      onSubmit={async (event) => {
        event.preventDefault();
        if (chosen && (await attempt(() => onStart(chosen.id)))) setTemplateId('');
      }}
    >
      <label htmlFor={selectId} className="block font-medium text-slate-600">
        Start a playbook
      </label>
      <div className="flex gap-1">
        <select
          id={selectId}
          className="min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5"
          value={templateId}
          onChange={(event) => setTemplateId(event.target.value)}
          data-testid="start-run-template"
        >
          <option value="">Choose…</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded bg-slate-800 px-2 text-white disabled:opacity-40" disabled={!chosen} data-testid="start-run-submit">
          Start
        </button>
      </div>
      {chosen?.description ? <p className="text-slate-500">{chosen.description}</p> : null}
      <ActionError error={error} />
    </form>
  );
}
