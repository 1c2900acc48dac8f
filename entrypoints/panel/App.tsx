/**
 * The side panel, shown in an iframe on Zendesk and Salesforce pages, and the account detail page when opened
 * top-level (`panel.html?account=ID`). It runs in the extension origin but never opens the database (an embedded
 * extension frame gets a storage-partitioned IndexedDB): its data comes live from the background through the panel
 * port, its actions are messages. It takes its context from its own URL and obeys no messages from the host page;
 * embedded, it takes no input while anything on the host page covers it (use-panel-view.ts: click-jacking).
 */
import { useEffect, useRef, useState } from 'react';
import { PickAccount } from '@/components/panel/PickAccount';
import { sendMessage } from '@/lib/messaging/client';
import { PageKeys } from '@/lib/schemas/messages';
import type { AccountChoice } from '@/lib/schemas/panel-messages';
import { AccountView } from './AccountView';
import { EMBEDDED, notifyHost } from './host-link';
import { usePanelView } from './use-panel-view';

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
  const account = params.get('account');
  return {
    accountId: account && account.length <= 100 ? account : undefined,
    ticketId: ticket && /^\d{1,15}$/.test(ticket) ? Number(ticket) : undefined,
    label: params.get('label') ?? 'this page',
    keys,
  };
}

/** Accounts by name, asked of the background as the user types. */
function useAccountSearch(query: string): AccountChoice[] {
  const [results, setResults] = useState<AccountChoice[]>([]);
  useEffect(() => {
    let current = true;
    if (!query.trim()) {
      setResults([]);
      return;
    }
    sendMessage('searchAccounts', { query })
      .then((reply) => current && setResults(reply.accounts))
      .catch(() => current && setResults([]));
    return () => {
      current = false;
    };
  }, [query]);
  return results;
}

export function App() {
  const [context, setContext] = useState(readContext);
  const [query, setQuery] = useState('');
  const [pickError, setPickError] = useState<string>();
  const results = useAccountSearch(context.accountId ? '' : query);
  const root = useRef<HTMLDivElement>(null);
  const view = usePanelView(root, EMBEDDED);

  useEffect(() => {
    document.title = context.accountId ? 'Sightline — account' : 'Sightline';
  }, [context.accountId]);

  // Escape closes the panel from inside it too: the host page's own listener never sees keys typed in this frame.
  useEffect(() => {
    if (!EMBEDDED) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) notifyHost('sightline:close');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      ref={root}
      className={`flex min-h-screen flex-col bg-white text-sm text-slate-800 ${EMBEDDED ? 'h-screen' : ''}`}
      data-layout={EMBEDDED ? 'panel' : 'page'}
    >
      {view === 'covered' ? (
        <p
          className="fixed inset-x-0 top-0 z-10 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900"
          role="status"
          data-testid="panel-obscured"
        >
          Something on the page covers this panel, so it ignores clicks until it is fully in view.
        </p>
      ) : null}
      <div className="contents" inert={view !== 'in-view'}>
        <header className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
          <span className="font-semibold tracking-tight text-teal-700">Sightline{EMBEDDED ? '' : ' · account'}</span>
          {EMBEDDED ? (
            <button
              type="button"
              onClick={() => notifyHost('sightline:close')}
              className="rounded px-2 py-0.5 text-slate-500 hover:bg-slate-100"
              aria-label="Close panel"
              data-testid="panel-close"
            >
              ✕
            </button>
          ) : null}
        </header>
        <main className={`flex-1 overflow-y-auto px-3 py-3 ${EMBEDDED ? '' : 'mx-auto w-full max-w-6xl px-6 py-5'}`}>
          {context.accountId ? (
            <AccountView
              request={{ type: 'subscribe', accountId: context.accountId, ticketId: context.ticketId, keys: context.keys }}
              wide={!EMBEDDED}
            />
          ) : (
            <>
              <PickAccount
                label={context.label}
                results={results}
                query={query}
                onQuery={setQuery}
                onPick={async (account) => {
                  try {
                    if (context.keys) await sendMessage('linkPageKeys', { keys: context.keys, accountId: account.id });
                    setContext({ ...context, accountId: account.id });
                    notifyHost('sightline:linked');
                  } catch (error) {
                    setPickError(error instanceof Error ? error.message : String(error));
                  }
                }}
              />
              {pickError ? (
                <p className="mt-2 rounded bg-red-50 px-2 py-1 text-xs text-red-800" role="alert">
                  Could not remember the choice: {pickError}
                </p>
              ) : null}
            </>
          )}
        </main>
      </div>
    </div>
  );
}
