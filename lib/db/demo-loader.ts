/**
 * Writes a generated demo portfolio into the database (with its accounts' scoring rollups) and takes it out again.
 *
 * Loading is all-or-nothing: earlier demo data is removed and the new portfolio written in ONE readwrite
 * transaction, so a failure or an abort leaves the database exactly as it was. Demo records are found by their
 * reserved keys (lib/demo/ids.ts) — one key-range delete per table instead of reading every row for `demo: true`.
 */
import type { Table } from 'dexie';
import { z } from 'zod';
import type { DemoPortfolio } from '../demo/generate';
import { DEMO_ID_PREFIX, DEMO_TICKET_ID_BASE, DEMO_TICKET_ID_SPAN } from '../demo/ids';
import { IsoDate } from '../schemas/common';
import { encodeRollups } from '../scoring/rollup';
import { RECORD_KINDS } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import type { SightlineDatabase } from './database';
import { demoHistory, putDemoHistory } from './demo-history';
import { loadSettings } from './settings';

export const DEMO_MARKER_KEY = 'demo';

/** Stored in `meta` under DEMO_MARKER_KEY while demo data is loaded. */
export const DemoMarker = z.object({
  seed: z.number().int(),
  accounts: z.number().int().nonnegative(),
  today: IsoDate,
  loadedAt: z.number().int().nonnegative(),
});
export type DemoMarker = z.infer<typeof DemoMarker>;

export const DEMO_RECORD_TABLES = RECORD_KINDS satisfies readonly (keyof DemoPortfolio & keyof SightlineDatabase)[];
export type DemoRecordTable = (typeof DEMO_RECORD_TABLES)[number];

export interface DemoLoadProgress {
  /** The table being written. */
  table: DemoRecordTable;
  /** Records written so far, over all tables. */
  written: number;
  total: number;
}

export interface DemoLoadOptions {
  onProgress?: (progress: DemoLoadProgress) => void;
  /** Aborting rolls the whole load back. */
  signal?: AbortSignal;
  /** Records per bulkPut (progress is reported after each). */
  batchSize?: number;
  /** The clock for `loadedAt`; tests pass a fixed one. */
  now?: () => number;
  /** Scores the backfilled health history (lib/db/demo-history.ts); the stored settings when left out. */
  settings?: Settings;
}

const DEFAULT_BATCH_SIZE = 2_000;
/** Compound keys starting with a demo account id sort between these two. */
const DEMO_ACCOUNT_KEY_RANGE = [[DEMO_ID_PREFIX], [`${DEMO_ID_PREFIX}\uffff`]] as const;

/** Every table the load and the removal touch, so both run in one transaction. */
function demoTransactionTables(db: SightlineDatabase) {
  return [
    db.accounts,
    db.contacts,
    db.usage,
    db.tickets,
    db.nps,
    db.meetings,
    db.milestones,
    db.opportunities,
    db.overrides,
    db.runs,
    db.notes,
    db.pageLinks,
    db.snapshots,
    db.meta,
    db.scoringRollups,
  ];
}

/** Replaces any demo data with `portfolio`. Resolves with the marker it stored; rejects (changing nothing) on failure. */
export async function loadDemoData(
  db: SightlineDatabase,
  portfolio: DemoPortfolio,
  { onProgress, signal, batchSize = DEFAULT_BATCH_SIZE, now = Date.now, settings }: DemoLoadOptions = {},
): Promise<DemoMarker> {
  signal?.throwIfAborted();
  // Scored before the transaction opens: an IndexedDB transaction left idle by a long computation commits early.
  const history = demoHistory(portfolio, settings ?? (await loadSettings(db)), now());
  // Demo accounts' rows are all in the portfolio (their ids are reserved), so their rollups come from it directly.
  const rollups = encodeRollups(portfolio.accounts.map((a) => a.id), portfolio);
  const total = DEMO_RECORD_TABLES.reduce((sum, table) => sum + portfolio[table].length, 0);
  const marker: DemoMarker = {
    seed: portfolio.seed,
    accounts: portfolio.accounts.length,
    today: portfolio.today,
    loadedAt: now(),
  };
  let written = 0;
  async function putInBatches<T, K, I>(table: Table<T, K, I>, name: DemoRecordTable, rows: readonly I[]) {
    for (let start = 0; start < rows.length; start += batchSize) {
      // Throwing inside the transaction aborts it: nothing written so far is kept.
      signal?.throwIfAborted();
      const batch = rows.slice(start, start + batchSize);
      await table.bulkPut(batch);
      written += batch.length;
      onProgress?.({ table: name, written, total });
    }
  }

  await db.transaction('rw', demoTransactionTables(db), async () => {
    await removeDemoRecords(db);
    await putInBatches(db.accounts, 'accounts', portfolio.accounts);
    await putInBatches(db.contacts, 'contacts', portfolio.contacts);
    await putInBatches(db.usage, 'usage', portfolio.usage);
    await putInBatches(db.tickets, 'tickets', portfolio.tickets);
    await putInBatches(db.nps, 'nps', portfolio.nps);
    await putInBatches(db.meetings, 'meetings', portfolio.meetings);
    await putInBatches(db.milestones, 'milestones', portfolio.milestones);
    await putInBatches(db.opportunities, 'opportunities', portfolio.opportunities);
    for (let start = 0; start < rollups.length; start += batchSize) await db.scoringRollups.bulkPut(rollups.slice(start, start + batchSize));
    signal?.throwIfAborted();
    await putDemoHistory(db, history);
    await db.meta.put({ key: DEMO_MARKER_KEY, value: marker });
  });
  return marker;
}

/**
 * Removes the demo records and the marker, plus what the extension derived for demo accounts (overrides, playbook
 * runs, notes, remembered page links, their entries in health snapshots), so nothing points at a removed account.
 */
export async function clearDemoData(db: SightlineDatabase): Promise<void> {
  await db.transaction('rw', demoTransactionTables(db), () => removeDemoRecords(db));
}

/** The marker of the loaded demo data, or undefined when none is loaded. */
export async function readDemoMarker(db: SightlineDatabase): Promise<DemoMarker | undefined> {
  const row = await db.meta.get(DEMO_MARKER_KEY);
  const parsed = DemoMarker.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Must run inside a transaction over demoTransactionTables. */
async function removeDemoRecords(db: SightlineDatabase): Promise<void> {
  const [fromAccount, toAccount] = DEMO_ACCOUNT_KEY_RANGE;
  const isDemoAccount = (accountId: string) => accountId.startsWith(DEMO_ID_PREFIX);
  await Promise.all([
    db.accounts.where('id').startsWith(DEMO_ID_PREFIX).delete(),
    db.contacts.where('id').startsWith(DEMO_ID_PREFIX).delete(),
    db.usage.where('[accountId+date]').between(fromAccount, toAccount).delete(),
    db.tickets
      .where('zendeskId')
      .between(DEMO_TICKET_ID_BASE, DEMO_TICKET_ID_BASE + DEMO_TICKET_ID_SPAN, false, true)
      .delete(),
    db.nps.where('id').startsWith(DEMO_ID_PREFIX).delete(),
    db.meetings.where('id').startsWith(DEMO_ID_PREFIX).delete(),
    db.milestones.where('[accountId+key]').between(fromAccount, toAccount).delete(),
    db.opportunities.where('id').startsWith(DEMO_ID_PREFIX).delete(),
    db.overrides.where('accountId').startsWith(DEMO_ID_PREFIX).delete(),
    db.scoringRollups.where('accountId').startsWith(DEMO_ID_PREFIX).delete(),
    db.runs.where('[accountId+templateId]').between(fromAccount, toAccount).delete(),
    db.notes.where('accountId').startsWith(DEMO_ID_PREFIX).delete(),
    db.pageLinks.filter((link) => isDemoAccount(link.accountId)).delete(),
    db.snapshots
      .filter((snapshot) => snapshot.accountIds.some(isDemoAccount))
      .modify((snapshot, ref) => {
        const accountIds: string[] = [];
        const scores: number[] = [];
        snapshot.accountIds.forEach((id, i) => {
          if (isDemoAccount(id)) return;
          accountIds.push(id);
          scores.push(snapshot.scores[i] ?? -1); // -1: no score
        });
        snapshot.accountIds = accountIds;
        snapshot.scores = scores;
        // A day only the demo had (its backfilled history) goes with it.
        if (accountIds.length === 0) delete (ref as { value?: unknown }).value;
      }),
    db.meta.delete(DEMO_MARKER_KEY),
  ]);
}
