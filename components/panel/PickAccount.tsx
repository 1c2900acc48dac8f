import { useState } from 'react';
import type { AccountChoice } from '@/lib/schemas/panel-messages';

/** "No match" → search by name and pick the right account. Data and actions come from the panel page. */
export function PickAccount(props: {
  label: string;
  reason?: string;
  results: AccountChoice[];
  query: string;
  onQuery(query: string): void;
  onPick(account: AccountChoice): void;
}) {
  const [picked, setPicked] = useState<string>();
  return (
    <section className="space-y-3" data-testid="pick-account">
      <p className="text-slate-700">
        No account matched <strong className="font-semibold">{props.label}</strong>
        {props.reason ? <span className="block text-xs text-slate-500">{props.reason}</span> : null}
      </p>
      <label className="block text-xs font-medium text-slate-600">
        Find the account
        <input
          type="search"
          autoFocus
          value={props.query}
          onChange={(e) => props.onQuery(e.target.value)}
          placeholder="Account name"
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm"
          data-testid="pick-search"
        />
      </label>
      <ul className="divide-y divide-slate-100 rounded border border-slate-200">
        {props.results.map((account) => (
          <li key={account.id}>
            <button
              type="button"
              className="flex w-full items-center justify-between px-2 py-1.5 text-left hover:bg-slate-50 disabled:opacity-50"
              disabled={picked !== undefined}
              onClick={() => {
                setPicked(account.id);
                props.onPick(account);
              }}
              data-testid="pick-result"
            >
              <span className="truncate font-medium">{account.name}</span>
              <span className="ml-2 shrink-0 text-xs text-slate-500">{account.hint}</span>
            </button>
          </li>
        ))}
        {props.query.trim() && props.results.length === 0 ? <li className="px-2 py-1.5 text-xs text-slate-500">No account by that name.</li> : null}
      </ul>
      <p className="text-xs text-slate-500">Sightline remembers your choice for this page from now on.</p>
    </section>
  );
}
