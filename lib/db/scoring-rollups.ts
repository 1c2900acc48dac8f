/**
 * Keeps the scoring rollups (lib/scoring/rollup.ts) current: every write to usage, tickets, NPS or meetings calls
 * refreshRollups for the accounts it touched, inside its own readwrite transaction, so a rollup never disagrees
 * with the rows once that transaction commits. Rescoring still rebuilds a missing or outdated rollup itself
 * (lib/db/rescore.ts), so correctness never depends on a write path having remembered.
 */
import Dexie from 'dexie';
import { encodeRollups } from '../scoring/rollup';
import type { ScoringRollup } from '../schemas/records';
import type { SightlineDatabase } from './database';

/** The tables whose rows a rollup is made of. */
export const ROLLUP_SOURCE_TABLES = ['usage', 'tickets', 'nps', 'meetings'] as const;

/** Accounts per read: the rows of this many accounts are held in memory at once. */
const CHUNK = 1000;

/** The tables refreshing reads and writes (a Dexie upgrade transaction's tables work too). */
export type RollupTables = Pick<SightlineDatabase, 'accounts' | 'usage' | 'tickets' | 'nps' | 'meetings' | 'scoringRollups'>;

/** Every table a transaction calling refreshRollups must include (readwrite). */
export function rollupTransactionTables(db: SightlineDatabase) {
  return [db.accounts, db.usage, db.tickets, db.nps, db.meetings, db.scoringRollups];
}

/** Whether writes to this table change rollups. */
export function feedsRollups(table: string): boolean {
  return (ROLLUP_SOURCE_TABLES as readonly string[]).includes(table);
}

/** The account ids of records (rows without one are skipped). */
export function accountIdsOf(records: Iterable<object>): string[] {
  const ids: string[] = [];
  for (const record of records) if ('accountId' in record && typeof record.accountId === 'string') ids.push(record.accountId);
  return ids;
}

async function readRange(tables: RollupTables, first: string, last: string) {
  const [usage, tickets, nps, meetings] = await Promise.all([
    tables.usage.where('[accountId+date]').between([first, Dexie.minKey], [last, Dexie.maxKey], true, true).toArray(),
    tables.tickets.where('accountId').between(first, last, true, true).toArray(),
    tables.nps.where('accountId').between(first, last, true, true).toArray(),
    tables.meetings.where('accountId').between(first, last, true, true).toArray(),
  ]);
  return { usage, tickets, nps, meetings };
}

async function readEach(tables: RollupTables, ids: readonly string[]) {
  const parts = await Promise.all(
    ids.map((id) =>
      Promise.all([
        tables.usage.where('[accountId+date]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).toArray(),
        tables.tickets.where('accountId').equals(id).toArray(),
        tables.nps.where('accountId').equals(id).toArray(),
        tables.meetings.where('accountId').equals(id).toArray(),
      ]),
    ),
  );
  return {
    usage: parts.flatMap((p) => p[0]),
    tickets: parts.flatMap((p) => p[1]),
    nps: parts.flatMap((p) => p[2]),
    meetings: parts.flatMap((p) => p[3]),
  };
}

/**
 * Rebuilds the rollups of `accountIds` from their rows with the given tables; returns them in id order. Reads a
 * chunk's id span with one range query per table when the chunk covers most accounts of that span, else each
 * account apart (a few accounts scattered over a large portfolio).
 */
export async function rebuildRollups(tables: RollupTables, accountIds: Iterable<string>): Promise<ScoringRollup[]> {
  const ids = [...new Set(accountIds)].sort();
  const built: ScoringRollup[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const first = chunk[0]!;
    const last = chunk[chunk.length - 1]!;
    const span = chunk.length === 1 ? 1 : await tables.accounts.where(':id').between(first, last, true, true).count();
    const rows = span <= 2 * chunk.length ? await readRange(tables, first, last) : await readEach(tables, chunk);
    const rollups = encodeRollups(chunk, rows);
    await tables.scoringRollups.bulkPut(rollups);
    built.push(...rollups);
  }
  return built;
}

function tablesOf(db: SightlineDatabase): RollupTables {
  return { accounts: db.accounts, usage: db.usage, tickets: db.tickets, nps: db.nps, meetings: db.meetings, scoringRollups: db.scoringRollups };
}

/**
 * Rebuilds the rollups of `accountIds` (ids without rows get an empty one). Joins the caller's transaction, which
 * must include rollupTransactionTables; opens its own otherwise.
 */
export async function refreshRollups(db: SightlineDatabase, accountIds: Iterable<string>): Promise<ScoringRollup[]> {
  return db.transaction('rw', rollupTransactionTables(db), () => rebuildRollups(tablesOf(db), accountIds));
}

/** Rebuilds every account's rollup and drops the others (after a restore or a schema upgrade). */
export async function rebuildAllRollups(tables: RollupTables): Promise<void> {
  await tables.scoringRollups.clear();
  await rebuildRollups(tables, (await tables.accounts.toCollection().primaryKeys()) as string[]);
}
