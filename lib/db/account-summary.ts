import type { AccountSummary } from '../schemas/messages';
import type { Account } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { assessAccount } from '../scoring/account-health';
import { localDay } from '../scoring/dates';
import { tierForPlan } from '../sla/tier';
import { loadInputsForAccount } from './account-inputs';
import type { SightlineDatabase } from './database';

/**
 * The small summary a host page may see, computed live by the health engine for this one account (so it reflects
 * data imported since the last rescoring): score shown (override applied), computed score, band, trend against
 * the snapshots 7 and 30 days ago, and whether an input behind the score is stale. `now`'s local day is "today".
 */
export async function summarizeAccount(
  db: SightlineDatabase,
  account: Account,
  settings: Settings,
  now: Date,
): Promise<AccountSummary> {
  const today = localDay(now);
  const health = assessAccount(await loadInputsForAccount(db, account, today), settings, today);
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
