import { useLiveQuery } from 'dexie-react-hooks';
import { RestoreDefaultsButton } from '@/components/playbooks/RestoreDefaultsButton';
import { TemplateEditor } from '@/components/playbooks/TemplateEditor';
import { getDatabase } from '@/lib/db/database';
import { deleteTemplate, readTemplates, restoreDefaultTemplates, saveTemplate } from '@/lib/db/playbook-templates';
import { newCustomTemplate } from '@/lib/playbooks/templates';

/** The playbook templates the triggers start runs from: edit them, or go back to the shipped ones. */
export function PlaybooksSection() {
  const db = getDatabase();
  const templates = useLiveQuery(() => readTemplates(db), [db]);

  return (
    <section className="space-y-3" data-testid="playbooks-section">
      <div className="flex items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold">Playbooks</h2>
        <div className="flex gap-2">
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 text-xs disabled:opacity-40"
            disabled={templates === undefined}
            onClick={() => void (templates && saveTemplate(db, newCustomTemplate(templates)))}
            data-testid="new-playbook"
          >
            New playbook
          </button>
          <RestoreDefaultsButton onRestore={() => restoreDefaultTemplates(db)} />
        </div>
      </div>
      <p className="text-xs text-slate-500">
        Health drops, usage near a plan limit, renewals within 90 days, NPS detractors and stalled journeys start these
        playbooks. A run copies the steps when it starts: edits here, and deleting a playbook, apply to runs started
        afterwards; open runs keep their steps.
      </p>
      {templates === undefined ? (
        <p>Loading…</p>
      ) : (
        templates.map((template) => (
          // Keyed by content: after a save (or a restore) the editor starts again from what was stored.
          <TemplateEditor
            key={JSON.stringify(template)}
            template={template}
            onSave={async (draft) => void (await saveTemplate(db, draft))}
            onDelete={() => deleteTemplate(db, template.id)}
          />
        ))
      )}
    </section>
  );
}
