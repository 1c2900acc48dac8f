import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '@/lib/db/database';

export function App() {
  const count = useLiveQuery(() => getDatabase().accounts.count(), []);
  return (
    <main className="w-[380px] p-4 text-sm text-slate-800">
      <h1 className="text-base font-semibold">Sightline</h1>
      <p data-testid="account-count">{count === undefined ? 'Loading…' : `${count} accounts`}</p>
    </main>
  );
}
