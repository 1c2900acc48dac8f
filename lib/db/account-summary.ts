import { format, subDays } from 'date-fns';
import type { AccountSummary } from '../schemas/messages';
import type { Account } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import type { SightlineDatabase } from './database';

function bandOf(score: number | null, settings: Settings): AccountSummary['band'] {
  if (score === null) return 'unknown';
  if (score >= settings.bands.healthy) return 'healthy';
  if (score >= settings.bands.atRisk) return 'at-risk';
  return 'critical';
}

async function snapshotScore(db: SightlineDatabase, accountId: string, date: Date): Promise<number | null> {
  const snapshot = await db.snapshots.get(format(date, 'yyyy-MM-dd'));
  if (!snapshot) return null;
  const score = snapshot.scores[snapshot.accountIds.indexOf(accountId)];
  return score === undefined || score < 0 ? null : score;
}

/** The small summary a host page may see: score from the latest rescoring, override applied, trend. */
export async function summarizeAccount(
  db: SightlineDatabase,
  account: Account,
  settings: Settings,
  now: Date,
): Promise<AccountSummary> {
  const latest = await db.snapshots.orderBy('date').last();
  const computed = latest ? await snapshotScore(db, account.id, new Date(`${latest.date}T00:00:00`)) : null;
  const override = await db.overrides.get(account.id);
  const activeOverride = override && override.expiresOn >= format(now, 'yyyy-MM-dd') ? override : undefined;
  const score = activeOverride ? activeOverride.score : computed;
  const past = async (days: number) => snapshotScore(db, account.id, subDays(now, days));
  const [score7, score30] = await Promise.all([past(7), past(30)]);
  const tier = account.plan ? settings.tierByPlan[account.plan] : null;
  return {
    accountId: account.id,
    name: account.name,
    score,
    band: bandOf(score, settings),
    computedScore: computed,
    overridden: Boolean(activeOverride),
    trend7: computed !== null && score7 !== null ? computed - score7 : null,
    trend30: computed !== null && score30 !== null ? computed - score30 : null,
    stale: false,
    plan: account.plan ?? null,
    tier,
    demo: Boolean(account.demo),
  };
}
