/**
 * Which accounts' scores a storage-mutation notice can have changed, so that a change to a few accounts (a ticket
 * recorded from Zendesk, an account edited) rescores those accounts instead of the whole portfolio.
 *
 * Every write to usage, tickets, NPS or meetings rebuilds the touched accounts' scoring rollups in its own
 * transaction (lib/db/scoring-rollups.ts), and rollups and accounts are keyed by account id: the primary keys those
 * two tables' parts name are the accounts concerned. Dexie names single keys only for writes of fewer than 50
 * records and gives a range otherwise; anything that is not a list of account ids (a range, `all`, settings, input
 * rows without their rollups) means every account.
 */
import { type IntervalTree, type ObservabilitySet, RangeSet } from 'dexie';
import { SCORING_INPUT_TABLES } from './rescore';
import { tablesNoticed } from './storage-notices';

export type ScoringChange = { kind: 'accounts'; accountIds: ReadonlySet<string> } | { kind: 'all' };

const EVERY_ACCOUNT: ScoringChange = { kind: 'all' };

/** Tables keyed by account id whose writes name the accounts whose scores may move. */
const KEYED_BY_ACCOUNT = ['accounts', 'scoringRollups'] as const;
/** Tables whose writes come with their accounts' rollups rebuilt in the same transaction. */
const ROLLED_UP = SCORING_INPUT_TABLES.filter((table) => table !== 'accounts' && table !== 'settings');

/**
 * The account ids a part names, or null when it names a range. Parts relayed from another extension page arrive
 * as plain interval trees (structured clones): RangeSet() gives them their iterator back.
 */
function accountIdsIn(tree: IntervalTree): string[] | null {
  const ids: string[] = [];
  for (const node of RangeSet(tree)) {
    if (typeof node.from !== 'string' || node.from !== node.to) return null;
    ids.push(node.from);
  }
  return ids;
}

/** The scoring change a notice describes for the database `dbName`; null when it touches no scoring input. */
export function scoringChangeOf(dbName: string, parts: ObservabilitySet): ScoringChange | null {
  if ('all' in parts) return EVERY_ACCOUNT;
  const noticed = tablesNoticed(parts, dbName);
  if (!SCORING_INPUT_TABLES.some((table) => noticed.has(table))) return null;
  if (noticed.has('settings')) return EVERY_ACCOUNT;
  if (ROLLED_UP.some((table) => noticed.has(table)) && !noticed.has('scoringRollups')) return EVERY_ACCOUNT;
  const accountIds = new Set<string>();
  for (const table of KEYED_BY_ACCOUNT) {
    if (!noticed.has(table)) continue;
    const written = noticed.get(table);
    const ids = written && accountIdsIn(written);
    if (!ids) return EVERY_ACCOUNT;
    for (const id of ids) accountIds.add(id);
  }
  return { kind: 'accounts', accountIds };
}

/** Both changes at once (`undefined`: nothing yet). */
export function mergeScoringChanges(earlier: ScoringChange | undefined, later: ScoringChange): ScoringChange {
  if (!earlier) return later;
  if (earlier.kind === 'all' || later.kind === 'all') return EVERY_ACCOUNT;
  return { kind: 'accounts', accountIds: new Set([...earlier.accountIds, ...later.accountIds]) };
}
