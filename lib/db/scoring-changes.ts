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
  const prefix = `idb://${dbName}/`;
  const touched = new Set<string>();
  /** Per table, its primary key's part: the records written (index parts only name them by other keys). */
  const written = new Map<string, IntervalTree>();
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue;
    const [table = '', index] = part.slice(prefix.length).split('/');
    touched.add(table);
    if (index === '') written.set(table, tree);
  }
  if (!SCORING_INPUT_TABLES.some((table) => touched.has(table))) return null;
  if (touched.has('settings')) return EVERY_ACCOUNT;
  if (ROLLED_UP.some((table) => touched.has(table)) && !touched.has('scoringRollups')) return EVERY_ACCOUNT;
  const accountIds = new Set<string>();
  for (const table of KEYED_BY_ACCOUNT) {
    if (!touched.has(table)) continue;
    const tree = written.get(table);
    const ids = tree && accountIdsIn(tree);
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
