import Dexie from 'dexie';
import type { IsoDate } from '../schemas/common';
import type { AccountSummary } from '../schemas/messages';
import type { Account, Override, ScoringRollup } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { assessAccount } from '../scoring/account-health';
import { addDaysIso, localDay } from '../scoring/dates';
import type { HealthInputs, ScorePoint } from '../scoring/inputs';
import { ROLLUP_FORMAT } from '../scoring/rollup';
import { tierForPlan } from '../sla/tier';
import type { SightlineDatabase } from './database';
import { trendPoints } from './snapshot-scores';

/**
 * The small summary a host page may see, computed live by the health engine for this one account (so it reflects
 * data imported since the last rescoring): score shown (override applied), computed score, band, trend against
 * the snapshots 7 and 30 days ago, and whether an input behind the score is stale. `now`'s local day is "today".
 *
 * It reads only what the score needs: the account's scoring rollup and override (or, without a current rollup, the
 * usage rows of the window and the newest one before it, tickets, survey answers and meetings), and the two trend
 * points through lib/db/snapshot-scores.ts, which reads a portfolio snapshot once, not on every lookup. No milestones.
 */
export async function summarizeAccount(
  db: SightlineDatabase,
  account: Account,
  settings: Settings,
  now: Date,
  early?: SummaryReads,
): Promise<AccountSummary> {
  const today = localDay(now);
  const reads = early?.accountId === account.id && early.today === today ? early : startSummaryReads(db, account.id, today);
  const [[rollup, override], pastScores] = await Promise.all([reads.rollupAndOverride, reads.pastScores]);
  const inputs = rollup?.format === ROLLUP_FORMAT ? { account, rollup, override } : await loadScoringInputs(db, account, settings, today);
  const health = assessAccount({ ...inputs, pastScores }, settings, today);
  return {
    accountId: account.id,
    name: account.name,
    score: health.score,
    band: health.band,
    computedScore: health.computedScore,
    overridden: health.override.state === 'applied',
    trend7: health.trend.delta7,
    trend30: health.trend.delta30,
    stale: health.stale,
    plan: account.plan ?? null,
    tier: tierForPlan(account.plan, settings)?.name ?? null,
    demo: Boolean(account.demo),
  };
}

/** The reads behind one account's summary, started before the account record is at hand. */
export interface SummaryReads {
  accountId: string;
  today: IsoDate;
  rollupAndOverride: Promise<[ScoringRollup | undefined, Override | undefined]>;
  pastScores: Promise<ScorePoint[]>;
}

/**
 * Starts reading what an account's summary needs besides the account itself: its scoring rollup (one record, which
 * gives the score when it is current; see lib/scoring/rollup.ts), its override and its trend points. A caller that
 * can guess the account (a stored ticket names it) starts these alongside matching and hands them to summarizeAccount.
 */
export function startSummaryReads(db: SightlineDatabase, accountId: string, today: IsoDate): SummaryReads {
  const rollupAndOverride = db.transaction('r', [db.scoringRollups, db.overrides], () =>
    Promise.all([db.scoringRollups.get(accountId), db.overrides.get(accountId)]),
  );
  const pastScores = trendPoints(db, accountId, today);
  // Awaited by summarizeAccount, or by nobody when matching found another account: never an unhandled rejection.
  rollupAndOverride.catch(() => undefined);
  pastScores.catch(() => undefined);
  return { accountId, today, rollupAndOverride, pastScores };
}

/** What the score needs for one account (no milestones, no trend points), in one read transaction. */
export async function loadScoringInputs(db: SightlineDatabase, account: Account, settings: Settings, today: IsoDate): Promise<HealthInputs> {
  const id = account.id;
  const windowStart = addDaysIso(today, -settings.windowDays);
  return db.transaction('r', [db.usage, db.tickets, db.nps, db.meetings, db.overrides], async () => {
    const [recent, before, tickets, nps, meetings, override] = await Promise.all([
      // Up to today included: today's row is not in the window, but it is the newest input.
      db.usage.where('[accountId+date]').between([id, windowStart], [id, today], true, true).toArray(),
      db.usage.where('[accountId+date]').between([id, Dexie.minKey], [id, windowStart], true, false).last(),
      db.tickets.where('accountId').equals(id).toArray(),
      db.nps.where('accountId').equals(id).toArray(),
      db.meetings.where('accountId').equals(id).toArray(),
      db.overrides.get(id),
    ]);
    return { account, usage: before ? [before, ...recent] : recent, tickets, nps, meetings, override };
  });
}
