import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '@/lib/db/database';
import { BackupSection } from './BackupSection';
import { DemoSection } from './DemoSection';
import { ImportSection } from './ImportSection';
import { PlaybooksSection } from './PlaybooksSection';
import { SettingsSection } from './SettingsSection';

export function App() {
  const count = useLiveQuery(() => getDatabase().accounts.count(), []);
  return (
    <main className="mx-auto max-w-4xl p-6 text-sm text-slate-800">
      <h1 className="text-xl font-semibold">Sightline settings</h1>
      <p data-testid="account-count">{count === undefined ? 'Loading…' : `${count} accounts`}</p>
      <ImportSection />
      <BackupSection />
      <SettingsSection />
      <DemoSection />
      <PlaybooksSection />
    </main>
  );
}
