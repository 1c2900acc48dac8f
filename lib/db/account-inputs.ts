/**
 * One account's rows for the health engine and the side panel, read with indexed queries in one read transaction.
 * Rescoring reads the same rows for many accounts at once (lib/db/rescore.ts).
 */
import Dexie from 'dexie';
import type { IsoDate } from '../schemas/common';
import type { Account, HealthSnapshot } from '../schemas/records';
import { addDaysIso } from '../scoring/dates';
import type { AccountInputs, ScorePoint } from '../scoring/inputs';
import { TREND_OFFSETS, trendWindow } from '../scoring/trend';
import type { SightlineDatabase } from './database';

/** The longest usage window settings allow (Settings.windowDays ≤ 365): these rows cover any configured window. */
const MAX_WINDOW_DAYS = 365;

/** The account's score in a portfolio snapshot, null when it has none (-1) or is not in it. */
export function scoreInSnapshot(snapshot: HealthSnapshot, accountId: string): number | null {
  const score = snapshot.scores[snapshot.accountIds.indexOf(accountId)];
  return score === undefined || score < 0 ? null : score;
}

async function pastScores(db: SightlineDatabase, accountId: string, today: IsoDate): Promise<ScorePoint[]> {
  const points: ScorePoint[] = [];
  for (const daysAgo of TREND_OFFSETS) {
    const { from, to } = trendWindow(today, daysAgo);
    // Newest snapshot in the window only: each holds the whole portfolio.
    const snapshot = await db.snapshots.where('date').between(from, to, true, true).last();
    if (snapshot) points.push({ date: snapshot.date, score: scoreInSnapshot(snapshot, accountId) });
  }
  return points;
}

/** Everything the panel needs for an account it already holds. */
export async function loadInputsForAccount(db: SightlineDatabase, account: Account, today: IsoDate): Promise<AccountInputs> {
  const id = account.id;
  const from = addDaysIso(today, -MAX_WINDOW_DAYS);
  return db.transaction('r', [db.usage, db.tickets, db.nps, db.meetings, db.milestones, db.overrides, db.snapshots], async () => {
    const [recent, before, tickets, nps, meetings, milestones, override, past] = await Promise.all([
      db.usage.where('[accountId+date]').between([id, from], [id, Dexie.maxKey], true, true).toArray(),
      // The newest row before those tells "stopped using the product" from "no usage data".
      db.usage.where('[accountId+date]').between([id, Dexie.minKey], [id, from], true, false).last(),
      db.tickets.where('accountId').equals(id).toArray(),
      db.nps.where('accountId').equals(id).toArray(),
      db.meetings.where('accountId').equals(id).toArray(),
      db.milestones.where('[accountId+key]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).toArray(),
      db.overrides.get(id),
      pastScores(db, id, today),
    ]);
    return { account, usage: before ? [before, ...recent] : recent, tickets, nps, meetings, milestones, override, pastScores: past };
  });
}

/** The account's inputs, or undefined when there is no such account. */
export async function loadAccountInputs(db: SightlineDatabase, accountId: string, today: IsoDate): Promise<AccountInputs | undefined> {
  const account = await db.accounts.get(accountId);
  return account ? loadInputsForAccount(db, account, today) : undefined;
}
