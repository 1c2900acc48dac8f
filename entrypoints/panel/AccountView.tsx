import { useLiveQuery } from 'dexie-react-hooks';
import { AccountHeader } from '@/components/panel/AccountHeader';
import { summarizeAccount } from '@/lib/db/account-summary';
import { getDatabase } from '@/lib/db/database';
import type { Settings } from '@/lib/schemas/settings';

const db = getDatabase();

/** Everything the panel shows about one account, live. */
export function AccountView({ accountId, settings }: { accountId: string; ticketId?: number; settings: Settings }) {
  const data = useLiveQuery(async () => {
    const account = await db.accounts.get(accountId);
    if (!account) return { account: undefined };
    return { account, summary: await summarizeAccount(db, account, settings, new Date()) };
  }, [accountId, settings]);

  if (!data) return <p className="text-slate-500">Loading…</p>;
  if (!data.account || !data.summary) return <p data-testid="account-missing">This account is no longer in Sightline.</p>;
  return <AccountHeader account={data.account} summary={data.summary} />;
}
