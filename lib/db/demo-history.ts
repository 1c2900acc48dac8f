/**
 * Health history for a freshly generated demo portfolio, so trends (Δ 7 d, Δ 30 d, sparklines) have something to
 * compare with from the first minute instead of showing "—" for a month.
 *
 * Nothing is invented: for each past day the real engine (assessAccount, as rescoring uses it) scores every demo
 * account as of that day. The engine sets aside rows dated after its "today" (usage, tickets, NPS answers,
 * meetings), so each day's score comes from the data that existed that day. Snapshots hold computed scores (-1 = no
 * score) in the format rescoring writes (lib/db/rescore.ts): one record per day for the whole portfolio.
 */
import type { DemoPortfolio } from '../demo/generate';
import type { IsoDate } from '../schemas/common';
import type { HealthSnapshot, Meeting, NpsResponse, Ticket, UsageDay } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { assessAccount } from '../scoring/account-health';
import { addDaysIso } from '../scoring/dates';
import type { SightlineDatabase } from './database';

/**
 * The days scored, as days before the portfolio's today: the ones trends read (30 and 7 days ago,
 * lib/scoring/trend.ts), yesterday (band drops compare with the previous snapshot) and today. Scoring every day of
 * the month took 3.5–6 s for the default 500 accounts (the engine costs ~0.1–0.2 ms per account and day), too long
 * for the options page's load; these four take an eighth of that.
 */
export const DEMO_HISTORY_DAYS_AGO = [30, 7, 1, 0] as const;

function groupByAccount<T extends { accountId?: string | undefined }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (row.accountId === undefined) continue;
    const group = groups.get(row.accountId);
    if (group) group.push(row);
    else groups.set(row.accountId, [row]);
  }
  return groups;
}

/**
 * One snapshot for each of `daysAgo` (days before the portfolio's today), in that order, each holding every demo
 * account's computed score as of that day.
 */
export function demoHistory(
  portfolio: DemoPortfolio,
  settings: Settings,
  computedAt: number,
  daysAgo: readonly number[] = DEMO_HISTORY_DAYS_AGO,
): HealthSnapshot[] {
  const usage = groupByAccount<UsageDay>(portfolio.usage);
  const tickets = groupByAccount<Ticket>(portfolio.tickets);
  const nps = groupByAccount<NpsResponse>(portfolio.nps);
  const meetings = groupByAccount<Meeting>(portfolio.meetings);
  const inputs = portfolio.accounts.map((account) => ({
    account,
    usage: usage.get(account.id) ?? [],
    tickets: tickets.get(account.id) ?? [],
    nps: nps.get(account.id) ?? [],
    meetings: meetings.get(account.id) ?? [],
  }));
  const accountIds = portfolio.accounts.map((account) => account.id);
  return daysAgo.map((days) => {
    const date: IsoDate = addDaysIso(portfolio.today, -days);
    const scores = inputs.map((input) => assessAccount(input, settings, date).computedScore ?? -1);
    return { date, computedAt, accountIds, scores };
  });
}

/**
 * Writes the demo snapshots, keeping the non-demo accounts' scores already stored for those days. Run it inside a
 * transaction that includes db.snapshots, after the earlier demo scores were taken out.
 */
export async function putDemoHistory(db: SightlineDatabase, snapshots: readonly HealthSnapshot[]): Promise<void> {
  const stored = await db.snapshots.bulkGet(snapshots.map((snapshot) => snapshot.date));
  await db.snapshots.bulkPut(
    snapshots.map((snapshot, i) => {
      const own = stored[i];
      if (!own) return snapshot;
      return { ...snapshot, accountIds: [...own.accountIds, ...snapshot.accountIds], scores: [...own.scores, ...snapshot.scores] };
    }),
  );
}
