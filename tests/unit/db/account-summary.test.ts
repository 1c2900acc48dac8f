import type { DBCoreTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAccountInputs } from '@/lib/db/account-inputs';
import { summarizeAccount } from '@/lib/db/account-summary';
import { SightlineDatabase } from '@/lib/db/database';
import { refreshRollups } from '@/lib/db/scoring-rollups';
import { AccountSummary } from '@/lib/schemas/messages';
import type { Account, UsageDay } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { useTestDatabase } from '../support/test-database';

const TODAY = '2025-06-15';
/** Local noon of TODAY: summarizeAccount reads "today" as the local day of `now`. */
const NOW = new Date(2025, 5, 15, 12);

let db: SightlineDatabase;
useTestDatabase((fresh) => {
  db = fresh;
});

const acme: Account = {
  id: 'acme', name: 'Acme', domains: ['acme.com'], arr: 5000, startDate: '2024-01-01', status: 'active', plan: 'Starter', seats: 5, demo: true,
};

function usage(date: string, fields: Partial<UsageDay> = {}): UsageDay {
  return { accountId: 'acme', date, logins: 0, assessments: 0, reports: 0, activeUsers: 0, usersInvited: 0, featuresUsed: 0, ...fields };
}

/** Starter, 5 seats. Usage 20/40, 1/2, 1/2 → 50; adoption: invited 5/5 → 100, features 5/10 → 50 → 75. */
async function seed(): Promise<void> {
  await db.accounts.put(acme);
  await db.usage.put(usage('2025-06-10', { logins: 20, assessments: 1, reports: 1, usersInvited: 5, featuresUsed: 5 }));
}

describe('summarizeAccount', () => {
  it('computes the score live, with no snapshot needed', async () => {
    await seed();
    const summary = await summarizeAccount(db, acme, DEFAULT_SETTINGS, NOW);
    // (40 × 50 + 20 × 75) / 60 = 58.33 → 58
    expect(AccountSummary.parse(summary)).toEqual({
      accountId: 'acme', name: 'Acme', score: 58, band: 'at-risk', computedScore: 58, overridden: false,
      trend7: null, trend30: null, stale: false, plan: 'Starter', tier: 'Standard', demo: true,
    });
  });

  it('shows an active override beside the computed score', async () => {
    await seed();
    await db.overrides.put({
      accountId: 'acme', score: 85, reason: 'Signed expansion', expiresOn: '2025-06-15', locked: true, setBy: 'Ana', setAt: 0,
    });
    expect(await summarizeAccount(db, acme, DEFAULT_SETTINGS, NOW)).toMatchObject({ score: 85, band: 'healthy', computedScore: 58, overridden: true });
    const dayAfter = new Date(2025, 5, 16, 12);
    expect(await summarizeAccount(db, acme, DEFAULT_SETTINGS, dayAfter)).toMatchObject({ score: 58, overridden: false });
  });

  it('takes the trend from the snapshots 7 and 30 days ago (or up to 3 days before them)', async () => {
    await seed();
    await db.snapshots.bulkPut([
      { date: '2025-06-08', computedAt: 0, accountIds: ['other', 'acme'], scores: [10, 70] },
      { date: '2025-05-14', computedAt: 0, accountIds: ['acme'], scores: [40] }, // 32 days ago: stands in for 30
      { date: '2025-06-14', computedAt: 0, accountIds: ['acme'], scores: [99] }, // yesterday: not a trend point
    ]);
    expect(await summarizeAccount(db, acme, DEFAULT_SETTINGS, NOW)).toMatchObject({ trend7: -12, trend30: 18 });
  });

  it('has no trend where the account had no score then', async () => {
    await seed();
    await db.snapshots.put({ date: '2025-06-08', computedAt: 0, accountIds: ['acme'], scores: [-1] });
    expect(await summarizeAccount(db, acme, DEFAULT_SETTINGS, NOW)).toMatchObject({ trend7: null });
  });

  it('flags a stale input', async () => {
    await seed();
    await db.nps.put({ id: 'n1', accountId: 'acme', score: 9, date: '2025-01-15' });
    expect(await summarizeAccount(db, acme, DEFAULT_SETTINGS, NOW)).toMatchObject({ stale: true });
  });

  it('gives an account without data no score and no tier without a plan', async () => {
    const bare: Account = { ...acme, plan: undefined, demo: undefined };
    await db.accounts.put(bare);
    expect(AccountSummary.parse(await summarizeAccount(db, bare, DEFAULT_SETTINGS, NOW))).toMatchObject({
      score: null, band: 'unknown', computedScore: null, stale: false, plan: null, tier: null, demo: false,
    });
  });
});

/** Records read per table (a record cursor counts once when opened): key-only queries read no record. */
function countReads(database: SightlineDatabase): Map<string, number> {
  const reads = new Map<string, number>();
  const add = (table: string, n: number) => reads.set(table, (reads.get(table) ?? 0) + n);
  database.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          get: async (req) => (add(name, 1), table.get(req)),
          getMany: async (req) => (add(name, req.keys.length), table.getMany(req)),
          query: async (req) => {
            const res = await table.query(req);
            if (req.values !== false) add(name, res.result.length);
            return res;
          },
          openCursor: async (req) => (req.values !== false && add(name, 1), table.openCursor(req)),
        };
      },
    }),
  });
  return reads;
}

describe('summarizeAccount reads only what it needs', () => {
  let counted: SightlineDatabase;
  let reads: Map<string, number>;

  beforeEach(async () => {
    counted = new SightlineDatabase(`test-${crypto.randomUUID()}`);
    reads = countReads(counted);
    await counted.open();
    const other: Account = { ...acme, id: 'other', name: 'Other' };
    await counted.accounts.bulkPut([acme, other]);
    // 400 days of usage each: the summary needs the window's 30 rows, today's and the newest one before the window.
    const rows: UsageDay[] = [];
    for (let day = 1; day <= 400; day++) {
      const date = new Date(Date.UTC(2025, 5, 15 - day)).toISOString().slice(0, 10);
      const row = usage(date, { logins: 2, usersInvited: 5, featuresUsed: 10 });
      rows.push(row, { ...row, accountId: 'other' });
    }
    await counted.usage.bulkPut(rows);
    await counted.milestones.put({ accountId: 'acme', key: 'welcome-sent', date: '2024-01-02' });
    await counted.snapshots.bulkPut([
      { date: '2025-06-08', computedAt: 0, accountIds: ['acme', 'other'], scores: [70, 20] },
      { date: '2025-05-16', computedAt: 0, accountIds: ['acme', 'other'], scores: [40, 30] },
      { date: '2025-06-14', computedAt: 0, accountIds: ['acme', 'other'], scores: [99, 99] },
    ]);
    reads.clear();
  });

  afterEach(async () => {
    await counted.delete();
  });

  it('reads the window’s usage and one older row, and no milestones', async () => {
    await summarizeAccount(counted, acme, DEFAULT_SETTINGS, NOW);
    // Window 2025-05-16 … 2025-06-14 (30 rows) and up to today (no row), plus the newest row before: 31.
    expect(reads.get('usage')).toBe(31);
    expect(reads.get('milestones')).toBeUndefined();
  });

  it('reads one scoring rollup instead of the rows when the account has a current one, and scores the same', async () => {
    const fromRows = await summarizeAccount(counted, acme, DEFAULT_SETTINGS, NOW);
    await refreshRollups(counted, ['acme']);
    reads.clear();
    const fromRollup = await summarizeAccount(counted, acme, DEFAULT_SETTINGS, NOW);
    expect(reads.get('scoringRollups')).toBe(1);
    expect(reads.get('usage')).toBeUndefined();
    expect(reads.get('tickets')).toBeUndefined();
    expect(fromRollup).toEqual(fromRows);
    expect(fromRollup.score).toEqual(expect.any(Number));
  });

  it('falls back to the rows when the rollup is of an older format', async () => {
    const fromRows = await summarizeAccount(counted, acme, DEFAULT_SETTINGS, NOW);
    const [rollup] = await refreshRollups(counted, ['acme']);
    await counted.scoringRollups.put({ ...rollup!, format: rollup!.format - 1 });
    reads.clear();
    expect(await summarizeAccount(counted, acme, DEFAULT_SETTINGS, NOW)).toEqual(fromRows);
    expect(reads.get('usage')).toBe(31);
  });

  it('reads each trend snapshot once for many lookups, never yesterday’s', async () => {
    const first = await summarizeAccount(counted, acme, DEFAULT_SETTINGS, NOW);
    expect(reads.get('snapshots')).toBe(2);
    const second = await summarizeAccount(counted, { ...acme, id: 'other', name: 'Other' }, DEFAULT_SETTINGS, NOW);
    await summarizeAccount(counted, acme, DEFAULT_SETTINGS, NOW);
    expect(reads.get('snapshots')).toBe(2);
    // Starter, 5 seats, same rows: usage logins 60 / 40 → 100, assessments 0, reports 0 → 33.3; adoption 5/5 and
    // 10/10 features → 100. (40 × 33.3 + 20 × 100) / 60 = 55.6 → 56.
    expect(first).toMatchObject({ computedScore: 56, trend7: 56 - 70, trend30: 56 - 40 });
    expect(second).toMatchObject({ computedScore: 56, trend7: 56 - 20, trend30: 56 - 30 });
  });

  it('sees a snapshot written after it was read', async () => {
    await summarizeAccount(counted, acme, DEFAULT_SETTINGS, NOW);
    await counted.snapshots.put({ date: '2025-06-08', computedAt: 1, accountIds: ['acme'], scores: [45] });
    expect(await summarizeAccount(counted, acme, DEFAULT_SETTINGS, NOW)).toMatchObject({ trend7: 56 - 45, trend30: 56 - 40 });
    await counted.snapshots.delete('2025-05-16');
    expect(await summarizeAccount(counted, acme, DEFAULT_SETTINGS, NOW)).toMatchObject({ trend7: 56 - 45, trend30: null });
  });
});

describe('loadAccountInputs', () => {
  it('returns undefined for an unknown account', async () => {
    expect(await loadAccountInputs(db, 'nobody', TODAY)).toBeUndefined();
  });

  it('reads the account’s rows only, with the newest old usage row so "stopped" differs from "no data"', async () => {
    await seed();
    await db.accounts.put({ ...acme, id: 'other' });
    await db.usage.bulkPut([usage('2023-01-01'), usage('2023-06-01', { logins: 7 }), { ...usage('2025-06-11'), accountId: 'other' }]);
    await db.tickets.bulkPut([
      { zendeskId: 1, accountId: 'acme', createdAt: 0, firstReplyMinutes: null, solvedAt: null, status: 'open', priority: null, satisfaction: 'unoffered' },
      { zendeskId: 2, accountId: 'other', createdAt: 0, firstReplyMinutes: null, solvedAt: null, status: 'open', priority: null, satisfaction: 'unoffered' },
    ]);
    await db.milestones.bulkPut([
      { accountId: 'acme', key: 'welcome-sent', date: '2024-01-02' },
      { accountId: 'other', key: 'welcome-sent', date: '2024-01-02' },
    ]);
    const inputs = await loadAccountInputs(db, 'acme', TODAY);
    expect(inputs?.usage.map((u) => u.date)).toEqual(['2023-06-01', '2025-06-10']);
    expect(inputs?.tickets.map((t) => t.zendeskId)).toEqual([1]);
    expect(inputs?.milestones).toEqual([{ accountId: 'acme', key: 'welcome-sent', date: '2024-01-02' }]);
    expect(inputs?.override).toBeUndefined();
    expect(inputs?.pastScores).toEqual([]);
  });
});
