import { useState } from 'react';
import { useActionError } from './use-action-error';

/** "Restore defaults" with an inline confirmation: it throws away every edit to every playbook template. */
export function RestoreDefaultsButton({ onRestore }: { onRestore: () => void | Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const { error, attempt } = useActionError();

  if (!confirming) {
    return (
      <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs" onClick={() => setConfirming(true)} data-testid="restore-playbook-defaults">
        Restore defaults
      </button>
    );
  }
  return (
    <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-xs" role="alertdialog" aria-label="Restore default playbooks">
      <p>Replace every playbook template with the shipped ones? Your edits are lost. Runs already open keep their steps.</p>
      <div className="flex gap-2">
        <button
          type="button"
          className="rounded bg-amber-700 px-2 py-1 text-white"
          onClick={async () => {
            if (await attempt(onRestore)) setConfirming(false);
          }}
          data-testid="confirm-restore-playbook-defaults"
        >
          Restore defaults
        </button>
        <button type="button" className="rounded px-2 py-1" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
      {error ? <p className="text-red-800">{error}</p> : null}
    </div>
  );
}
