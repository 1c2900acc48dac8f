/** A fresh, open database (fake-indexeddb) for each test of a file, deleted after it. */
import { afterEach, beforeEach } from 'vitest';
import { SightlineDatabase } from '@/lib/db/database';

/** Call at the top of a test file: `use` gets each test's database before the test runs. */
export function useTestDatabase(use: (db: SightlineDatabase) => void): void {
  let db: SightlineDatabase | undefined;
  beforeEach(async () => {
    db = new SightlineDatabase(`test-${crypto.randomUUID()}`);
    await db.open();
    use(db);
  });
  afterEach(async () => {
    await db?.delete();
  });
}
