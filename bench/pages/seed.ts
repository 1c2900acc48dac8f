/**
 * Seeds a demo portfolio the fast way: generated in the page (no transfer from Node), written with raw IndexedDB
 * puts in large transactions, no Dexie change notices (so the service worker does not start a rescoring run in the
 * middle of a measurement). Records are the generator's, exactly as loadDemoData would store them, with the
 * accounts' scoring rollups made by the same encoder (lib/scoring/rollup.ts), and the demo marker is written too.
 */
import { DEMO_MARKER_KEY, type DemoMarker } from '../../lib/db/demo-loader';
import { getDatabase } from '../../lib/db/database';
import { generateDemoPortfolio } from '../../lib/demo/generate';
import { encodeRollups } from '../../lib/scoring/rollup';
import { RECORD_KINDS } from '../../lib/schemas/records';
import type { SeedOptions, SeedResult } from './api';
import { putAll } from './raw-idb';

export async function seedPortfolio(options: SeedOptions): Promise<SeedResult> {
  const db = getDatabase();
  await db.open();
  const idb = db.backendDB();
  const t0 = performance.now();
  const portfolio = generateDemoPortfolio({ seed: options.seed, today: options.today, accounts: options.accounts, usageDays: options.usageDays });
  const t1 = performance.now();
  const counts: SeedResult['counts'] = {};
  // Before the rows are let go below; not kept either (100k accounts' rollups are ~100 MB).
  await putAll(idb, 'scoringRollups', encodeRollups(portfolio.accounts.map((a) => a.id), portfolio));
  for (const table of RECORD_KINDS) {
    const rows = portfolio[table];
    await putAll(idb, table, rows);
    counts[table] = rows.length;
    // Let the rows go as soon as they are stored: 100k accounts' usage is millions of objects.
    portfolio[table] = [];
  }
  const marker: DemoMarker = { seed: options.seed, accounts: options.accounts, today: options.today, loadedAt: Date.now() };
  await putAll(idb, 'meta', [{ key: DEMO_MARKER_KEY, value: marker }]);
  return { counts, generateMs: t1 - t0, writeMs: performance.now() - t1 };
}
