/**
 * A CSM's score override, set and removed from the panel. The computed band it is set against comes from the
 * health engine at that moment (lib/scoring/override.ts decides when it lapses).
 */
import { assessAccount } from '../scoring/account-health';
import { localDay } from '../scoring/dates';
import { createOverride, type CreateOverrideResult, type OverrideDraft } from '../scoring/override';
import type { Settings } from '../schemas/settings';
import { loadInputsForAccount } from './account-inputs';
import type { SightlineDatabase } from './database';

/** Validates and stores the override; `issues` name each field at fault, and nothing is written then. */
export async function setOverride(
  db: SightlineDatabase,
  draft: OverrideDraft,
  { settings, at }: { settings: Settings; at: number },
): Promise<CreateOverrideResult> {
  const today = localDay(new Date(at));
  return db.transaction('rw', [db.accounts, db.usage, db.tickets, db.nps, db.meetings, db.milestones, db.overrides, db.snapshots], async () => {
    const account = await db.accounts.get(draft.accountId);
    if (!account) return { ok: false, issues: [{ field: 'accountId', message: `no account "${draft.accountId}"` }] };
    const health = assessAccount(await loadInputsForAccount(db, account, today), settings, today);
    const result = createOverride(draft, health.computedBand, settings.currentUser, at, today);
    if (result.ok) await db.overrides.put(result.override);
    return result;
  });
}

export async function clearOverride(db: SightlineDatabase, accountId: string): Promise<void> {
  await db.overrides.delete(accountId);
}
