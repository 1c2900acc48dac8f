/**
 * The side panel, shown in an iframe on Zendesk and Salesforce pages. It runs in the extension origin and reads
 * the database live, so it updates when data changes anywhere (an import, a rescoring, another tab). It takes
 * its context from its own URL (set by the content script) and obeys no messages from the host page.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { NotesTimeline } from '@/components/panel/NotesTimeline';
import { PickAccount } from '@/components/panel/PickAccount';
import { getDatabase } from '@/lib/db/database';
import { addNote, notesOf } from '@/lib/db/notes';
import { linkPageKeys, searchAccounts } from '@/lib/db/page-links';
import { loadSettings } from '@/lib/db/settings';
import { PageKeys } from '@/lib/schemas/messages';
import { AccountView } from './AccountView';

const db = getDatabase();

/** The panel's context, read once from its URL and validated (a malformed URL shows a message, not a crash). */
function readContext() {
  const params = new URLSearchParams(location.search);
  let keys: PageKeys | undefined;
  try {
    const parsed = PageKeys.safeParse(JSON.parse(params.get('keys') ?? 'null'));
    keys = parsed.success ? parsed.data : undefined;
  } catch {
    keys = undefined;
  }
  const ticket = params.get('ticket');
  return {
    accountId: params.get('account') ?? undefined,
    ticketId: ticket && /^\d{1,15}$/.test(ticket) ? Number(ticket) : undefined,
    label: params.get('label') ?? 'this page',
    keys,
  };
}

/** Tells the content script that embeds this panel; it checks that the message comes from this iframe. */
function notifyHost(type: 'sightline:close' | 'sightline:linked') {
  window.parent.postMessage({ type }, '*');
}

export function App() {
  const [context, setContext] = useState(readContext);
  const [query, setQuery] = useState('');
  const settings = useLiveQuery(() => loadSettings(db), []);
  const results = useLiveQuery(() => searchAccounts(db, query), [query]) ?? [];
  const notes = useLiveQuery(() => (context.accountId ? notesOf(db, context.accountId) : []), [context.accountId]) ?? [];

  return (
    <div className="flex h-screen flex-col bg-white text-sm text-slate-800">
      <header className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
        <span className="font-semibold tracking-tight text-teal-700">Sightline</span>
        <button
          type="button"
          onClick={() => notifyHost('sightline:close')}
          className="rounded px-2 py-0.5 text-slate-500 hover:bg-slate-100"
          aria-label="Close panel"
          data-testid="panel-close"
        >
          ✕
        </button>
      </header>
      <main className="flex-1 space-y-4 overflow-y-auto px-3 py-3">
        {context.accountId && settings ? (
          <>
            <AccountView accountId={context.accountId} ticketId={context.ticketId} settings={settings} />
            <NotesTimeline
              notes={notes}
              onAdd={async (text) => {
                await addNote(db, { accountId: context.accountId!, author: settings.currentUser, text });
              }}
            />
          </>
        ) : null}
        {!context.accountId ? (
          <PickAccount
            label={context.label}
            results={results}
            query={query}
            onQuery={setQuery}
            onPick={async (account) => {
              if (context.keys) await linkPageKeys(db, context.keys, account.id);
              setContext({ ...context, accountId: account.id });
              notifyHost('sightline:linked');
            }}
          />
        ) : null}
      </main>
    </div>
  );
}
