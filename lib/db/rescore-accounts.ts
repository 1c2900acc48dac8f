/**
 * Rescoring a few accounts: after a change that names its accounts (lib/db/scoring-changes.ts), only they are
 * scored again and today's snapshot is patched in place, instead of every account read and scored (seconds for a
 * large portfolio, during which badge lookups wait behind the reads).
 *
 * Within a day, the other accounts' scores cannot have moved: a score depends on the account's own records, the
 * settings (a settings change rescores everything) and the day. So the patched snapshot holds what a full run would
 * write. When there is nothing to patch — no snapshot for today yet, one no full run wrote today under these settings,
 * one that does not list every account, or an interrupted full run still to finish — this does nothing and says so;
 * the caller then runs rescoreAll.
 */
import type { IsoDate } from '../schemas/common';
import type { HealthSnapshot, ScoringRollup } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { scoreAccount } from '../scoring/account-score';
import { isIsoDate } from '../scoring/dates';
import { ROLLUP_FORMAT } from '../scoring/rollup';
import type { SightlineDatabase } from './database';
import { noteOverrideChange, type OverrideChanges, RESCORE_PROGRESS_KEY, snapshotIsCurrent, writeOverrideChanges } from './rescore';
import { refreshRollups } from './scoring-rollups';

export interface RescoreAccountsResult {
  date: IsoDate;
  /** Accounts scored again (those of the ids that still exist). */
  rescored: number;
  /** Accounts new to today's snapshot, and accounts deleted from it (the ids of no account). */
  added: number;
  removed: number;
  overridesDropped: number;
  overridesStamped: number;
}

/**
 * Scores `accountIds` as of `today` and writes their scores into today's snapshot. Resolves null, writing nothing,
 * when today's snapshot is missing, not a full run's under these settings, or would not list every account, or when a
 * full run is in progress. Throws for an invalid `today` or invalid weights.
 */
export async function rescoreAccounts(
  db: SightlineDatabase,
  settings: Settings,
  today: IsoDate,
  accountIds: Iterable<string>,
  { now = Date.now }: { now?: () => number } = {},
): Promise<RescoreAccountsResult | null> {
  if (!isIsoDate(today)) throw new RangeError(`today: "${String(today)}" is not a valid YYYY-MM-DD date`);
  const ids = [...new Set(accountIds)];
  const [accounts, stored, overrides, accountCount] = await db.transaction('r', [db.accounts, db.scoringRollups, db.overrides], () =>
    Promise.all([db.accounts.bulkGet(ids), db.scoringRollups.bulkGet(ids), db.overrides.bulkGet(ids), db.accounts.count()]),
  );
  // A missing or outdated rollup is rebuilt from the rows, as a full run does.
  const rollups = new Map<string, ScoringRollup>();
  for (const rollup of stored) if (rollup?.format === ROLLUP_FORMAT) rollups.set(rollup.accountId, rollup);
  const stale = ids.filter((id, i) => accounts[i] !== undefined && !rollups.has(id));
  if (stale.length > 0) for (const rollup of await refreshRollups(db, stale)) rollups.set(rollup.accountId, rollup);

  const scores = new Map<string, number>();
  const changes: OverrideChanges = { drop: [], stamp: [] };
  accounts.forEach((account, i) => {
    if (!account) return;
    const health = scoreAccount({ account, rollup: rollups.get(account.id)!, override: overrides[i] }, settings, today);
    scores.set(account.id, health.computedScore ?? -1);
    noteOverrideChange(health, changes);
  });
  const deleted = new Set(ids.filter((_, i) => accounts[i] === undefined));

  return db.transaction('rw', [db.meta, db.snapshots, db.overrides], async () => {
    const [progress, snapshot, current] = await Promise.all([
      db.meta.get(RESCORE_PROGRESS_KEY),
      db.snapshots.get(today),
      snapshotIsCurrent(db, settings, today),
    ]);
    if (progress || !snapshot || !current) return null;
    const patched = patchSnapshot(snapshot, scores, deleted, now());
    // A snapshot that does not list every account (records written behind Dexie's back, say) is not patched.
    if (patched.snapshot.accountIds.length !== accountCount) return null;
    if (scores.size === 0 && deleted.size === 0) return { date: today, rescored: 0, added: 0, removed: 0, overridesDropped: 0, overridesStamped: 0 };
    await db.snapshots.put(patched.snapshot);
    const written = await writeOverrideChanges(db, changes);
    return {
      date: today,
      rescored: scores.size,
      added: patched.added,
      removed: patched.removed,
      overridesDropped: written.dropped,
      overridesStamped: written.stamped,
    };
  });
}

/** The snapshot with `scores` written in (new accounts in id order, as a full run lists them) and `deleted` taken out. */
function patchSnapshot(snapshot: HealthSnapshot, scores: ReadonlyMap<string, number>, deleted: ReadonlySet<string>, computedAt: number) {
  const accountIds: string[] = [];
  const values: number[] = [];
  const listed = new Set<string>();
  let removed = 0;
  snapshot.accountIds.forEach((id, i) => {
    if (deleted.has(id)) {
      removed++;
      return;
    }
    listed.add(id);
    accountIds.push(id);
    values.push(scores.get(id) ?? snapshot.scores[i]!);
  });
  const added = [...scores.keys()].filter((id) => !listed.has(id));
  if (added.length === 0) return { snapshot: { ...snapshot, computedAt, accountIds, scores: values }, added: 0, removed };
  const order = [...accountIds, ...added].map((id, i) => ({ id, score: i < accountIds.length ? values[i]! : scores.get(id)! }));
  order.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    snapshot: { ...snapshot, computedAt, accountIds: order.map((o) => o.id), scores: order.map((o) => o.score) },
    added: added.length,
    removed,
  };
}
