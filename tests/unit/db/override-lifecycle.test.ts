/**
 * Overrides through real rescoring runs (lib/db/rescore.ts) and the live summary: a locked override survives every
 * run and data change until it expires; an unlocked one lapses when the computed band moves and stays gone; an
 * expired one is ignored everywhere. Tests only: rescoring itself is another module's.
 */
import { describe, expect, it } from 'vitest';
import { summarizeAccount } from '@/lib/db/account-summary';
import type { SightlineDatabase } from '@/lib/db/database';
import { rescoreAll } from '@/lib/db/rescore';
import { refreshRollups } from '@/lib/db/scoring-rollups';
import type { Account, Override, UsageDay } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { useTestDatabase } from '../support/test-database';

let db: SightlineDatabase;
useTestDatabase((fresh) => {
  db = fresh;
});

const acme: Account = { id: 'acme', name: 'Acme', domains: [], arr: 1000, startDate: '2024-01-01', status: 'active', plan: 'Starter', seats: 5 };
const noon = (date: string) => new Date(`${date}T12:00:00`);

/** Starter, 5 seats, usage only: full use → 100 (healthy); nothing in the window but invited 5/5 → 17 (critical). */
function row(date: string, full: boolean): UsageDay {
  return full
    ? { accountId: 'acme', date, logins: 40, assessments: 2, reports: 2, activeUsers: 5, usersInvited: 5, featuresUsed: 10 }
    : { accountId: 'acme', date, logins: 0, assessments: 0, reports: 0, activeUsers: 0, usersInvited: 5, featuresUsed: 0 };
}

const base: Override = { accountId: 'acme', score: 70, reason: 'Champion on leave', expiresOn: '2025-06-30', locked: true, setBy: 'Ana', setAt: 1 };

describe('overrides across rescoring', () => {
  it('keeps a locked override through runs on several days while the data and the band change, until it expires', async () => {
    await db.accounts.put(acme);
    await db.usage.put(row('2025-06-09', true));
    await db.overrides.put({ ...base, computedBandAtSet: 'healthy' });

    await rescoreAll(db, DEFAULT_SETTINGS, '2025-06-10');
    expect(await summarizeAccount(db, acme, DEFAULT_SETTINGS, noon('2025-06-10'))).toMatchObject({ score: 70, computedScore: 100, overridden: true });

    // The customer stops: the computed band falls to critical, the locked override stays.
    await db.usage.clear();
    await db.usage.put(row('2025-05-01', false));
    await refreshRollups(db, ['acme']);
    for (const day of ['2025-06-11', '2025-06-20', '2025-06-30']) {
      await rescoreAll(db, DEFAULT_SETTINGS, day);
      expect(await db.overrides.get('acme')).toEqual({ ...base, computedBandAtSet: 'healthy' });
      expect(await summarizeAccount(db, acme, DEFAULT_SETTINGS, noon(day))).toMatchObject({
        score: 70, band: 'at-risk', computedScore: 17, overridden: true,
      });
    }
    // The day after its expiry it no longer applies, and snapshots always held the computed score.
    await rescoreAll(db, DEFAULT_SETTINGS, '2025-07-01');
    expect(await summarizeAccount(db, acme, DEFAULT_SETTINGS, noon('2025-07-01'))).toMatchObject({
      score: 17, band: 'critical', overridden: false,
    });
    expect((await db.snapshots.toArray()).map((s) => [s.date, s.scores])).toEqual([
      ['2025-06-10', [100]], ['2025-06-11', [17]], ['2025-06-20', [17]], ['2025-06-30', [17]], ['2025-07-01', [17]],
    ]);
  });

  it('drops an unlocked override once the band moved and does not bring it back when the band returns', async () => {
    await db.accounts.put(acme);
    await db.usage.put(row('2025-06-09', true));
    await db.overrides.put({ ...base, locked: false, computedBandAtSet: 'healthy' });
    await rescoreAll(db, DEFAULT_SETTINGS, '2025-06-10');
    expect(await db.overrides.get('acme')).toBeDefined();

    await db.usage.clear();
    await db.usage.put(row('2025-05-01', false));
    await refreshRollups(db, ['acme']);
    await rescoreAll(db, DEFAULT_SETTINGS, '2025-06-11');
    expect(await db.overrides.get('acme')).toBeUndefined();

    await db.usage.put(row('2025-06-11', true));
    await refreshRollups(db, ['acme']);
    await rescoreAll(db, DEFAULT_SETTINGS, '2025-06-12');
    expect(await summarizeAccount(db, acme, DEFAULT_SETTINGS, noon('2025-06-12'))).toMatchObject({ score: 100, overridden: false });
  });

  it('ignores an expired override without deleting a CSM’s record of it', async () => {
    await db.accounts.put(acme);
    await db.usage.put(row('2025-06-09', true));
    await db.overrides.put({ ...base, expiresOn: '2025-06-09', computedBandAtSet: 'healthy' });
    await rescoreAll(db, DEFAULT_SETTINGS, '2025-06-10');
    expect(await summarizeAccount(db, acme, DEFAULT_SETTINGS, noon('2025-06-10'))).toMatchObject({ score: 100, overridden: false });
    expect(await db.overrides.get('acme')).toBeDefined();
  });
});
