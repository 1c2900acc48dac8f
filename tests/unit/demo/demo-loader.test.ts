import { describe, expect, it } from 'vitest';
import type { SightlineDatabase } from '@/lib/db/database';
import {
  DEMO_MARKER_KEY,
  DEMO_RECORD_TABLES,
  clearDemoData,
  loadDemoData,
  readDemoMarker,
  type DemoLoadProgress,
} from '@/lib/db/demo-loader';
import { generateDemoPortfolio, type DemoPortfolio } from '@/lib/demo/generate';
import type { Account, UsageDay } from '@/lib/schemas/records';
import { useTestDatabase } from '../support/test-database';

const TODAY = '2025-06-15';
const LOADED_AT = Date.UTC(2025, 5, 15, 9);
const portfolio = generateDemoPortfolio({ seed: 42, today: TODAY, accounts: 40 });

const realAccount: Account = {
  id: 'sf:001000000000001AAA',
  name: 'Real Customer Inc',
  domains: ['realcustomer.com'],
  arr: 50_000,
  startDate: '2024-01-01',
  status: 'active',
};

let db: SightlineDatabase;
useTestDatabase((fresh) => {
  db = fresh;
});

/** A team's own data that demo loading and removal must leave alone. */
async function addRealData() {
  await db.accounts.put(realAccount);
  await db.contacts.put({ id: 'c-real', accountId: realAccount.id, email: 'ana@realcustomer.com' });
  await db.usage.put({
    accountId: realAccount.id, date: '2025-06-01', logins: 3, assessments: 1, reports: 0, activeUsers: 2, usersInvited: 4, featuresUsed: 2,
  });
  await db.tickets.put({
    zendeskId: 12345, accountId: realAccount.id, createdAt: LOADED_AT - 3_600_000, firstReplyMinutes: 30, solvedAt: null,
    status: 'open', priority: 'normal', satisfaction: 'unoffered',
  });
  await db.milestones.put({ accountId: realAccount.id, key: 'welcome-sent', date: '2024-01-01' });
  await db.meta.put({ key: 'rescore-progress', value: { done: 1 } });
}

/** Everything in the database, table by table, for before/after comparisons. */
async function dump() {
  const tables = [...DEMO_RECORD_TABLES, 'overrides', 'runs', 'notes', 'pageLinks', 'snapshots', 'meta'] as const;
  const entries = await Promise.all(tables.map(async (name) => [name, await db.table(name).toArray()] as const));
  return Object.fromEntries(entries);
}

function withBadUsageRowAtTheEnd(p: DemoPortfolio): DemoPortfolio {
  // A compound key with a missing part is rejected by IndexedDB itself (DataError), after everything before it.
  const bad = { ...p.usage[0], date: undefined } as unknown as UsageDay;
  return { ...p, usage: [...p.usage, bad] };
}

describe('loadDemoData', () => {
  it('writes every record and the marker', async () => {
    const marker = await loadDemoData(db, portfolio, { now: () => LOADED_AT });
    for (const table of DEMO_RECORD_TABLES) {
      expect(await db.table(table).count(), table).toBe(portfolio[table].length);
    }
    expect(marker).toEqual({ seed: 42, accounts: 40, today: TODAY, loadedAt: LOADED_AT });
    expect(await db.meta.get(DEMO_MARKER_KEY)).toEqual({ key: DEMO_MARKER_KEY, value: marker });
    expect(await readDemoMarker(db)).toEqual(marker);
    expect(await db.accounts.get(portfolio.accounts[0]?.id ?? '')).toEqual(portfolio.accounts[0]);
  });

  it('reports progress in batches up to the total', async () => {
    const progress: DemoLoadProgress[] = [];
    await loadDemoData(db, portfolio, { batchSize: 500, onProgress: (p) => progress.push(p) });
    const total = DEMO_RECORD_TABLES.reduce((sum, t) => sum + portfolio[t].length, 0);
    expect(progress.at(-1)).toEqual({ table: 'opportunities', written: total, total });
    expect(progress.every((p, i) => i === 0 || p.written > (progress[i - 1]?.written ?? 0))).toBe(true);
    expect(new Set(progress.map((p) => p.table))).toEqual(new Set(DEMO_RECORD_TABLES));
  });

  it('keeps the team’s own data', async () => {
    await addRealData();
    await loadDemoData(db, portfolio);
    expect(await db.accounts.count()).toBe(portfolio.accounts.length + 1);
    expect(await db.accounts.get(realAccount.id)).toEqual(realAccount);
    expect((await db.tickets.get(12345))?.accountId).toBe(realAccount.id);
    expect(await db.usage.count()).toBe(portfolio.usage.length + 1);
  });

  it('replaces earlier demo data instead of adding to it', async () => {
    await loadDemoData(db, portfolio);
    const smaller = generateDemoPortfolio({ seed: 7, today: TODAY, accounts: 10 });
    await loadDemoData(db, smaller);
    for (const table of DEMO_RECORD_TABLES) expect(await db.table(table).count(), table).toBe(smaller[table].length);
    expect((await readDemoMarker(db))?.seed).toBe(7);
  });

  it('changes nothing when a record fails part-way through', async () => {
    await addRealData();
    const before = await dump();
    let written = 0;
    const loading = loadDemoData(db, withBadUsageRowAtTheEnd(portfolio), {
      batchSize: 200,
      onProgress: (p) => (written = p.written),
    });
    await expect(loading).rejects.toThrow();
    expect(written).toBeGreaterThan(portfolio.accounts.length + portfolio.contacts.length); // failed in the usage table
    expect(await dump()).toEqual(before);
  });

  it('keeps the previous demo data when a reload fails', async () => {
    await loadDemoData(db, portfolio, { now: () => LOADED_AT });
    const before = await dump();
    const other = generateDemoPortfolio({ seed: 9, today: TODAY, accounts: 15 });
    await expect(loadDemoData(db, withBadUsageRowAtTheEnd(other))).rejects.toThrow();
    expect(await dump()).toEqual(before);
  });

  it('rolls back when aborted part-way through', async () => {
    await addRealData();
    const before = await dump();
    const controller = new AbortController();
    const loading = loadDemoData(db, portfolio, {
      batchSize: 100,
      signal: controller.signal,
      onProgress: ({ written }) => {
        if (written >= 300) controller.abort();
      },
    });
    await expect(loading).rejects.toThrow(/abort/i);
    expect(await dump()).toEqual(before);
  });

  it('does not start when already aborted', async () => {
    await expect(loadDemoData(db, portfolio, { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
    expect(await db.accounts.count()).toBe(0);
  });
});

describe('clearDemoData', () => {
  it('removes demo records and the marker and keeps the team’s own data', async () => {
    await addRealData();
    const before = await dump();
    await loadDemoData(db, portfolio);
    await clearDemoData(db);
    expect(await dump()).toEqual(before);
    expect(await readDemoMarker(db)).toBeUndefined();
  });

  it('removes what was derived for demo accounts and leaves the rest', async () => {
    await addRealData();
    await loadDemoData(db, portfolio);
    const demoId = portfolio.accounts[0]?.id ?? '';
    const override = { score: 70, reason: 'call went well', expiresOn: '2025-07-01', locked: false, setBy: 'me', setAt: LOADED_AT };
    await db.overrides.bulkPut([{ ...override, accountId: demoId }, { ...override, accountId: realAccount.id }]);
    const note = { at: LOADED_AT, author: 'me', text: 'hello' };
    await db.notes.bulkPut([{ ...note, id: 'n1', accountId: demoId }, { ...note, id: 'n2', accountId: realAccount.id }]);
    await db.pageLinks.bulkPut([
      { key: 'email:x@gmail.com', accountId: demoId, at: LOADED_AT },
      { key: 'email:y@gmail.com', accountId: realAccount.id, at: LOADED_AT },
    ]);
    const run = {
      templateId: 'at-risk', templateName: 'At-risk', status: 'open' as const,
      trigger: { kind: 'band-drop', reason: 'dropped', at: LOADED_AT }, steps: [], openedAt: LOADED_AT,
    };
    await db.runs.bulkPut([{ ...run, id: 'r1', accountId: demoId }, { ...run, id: 'r2', accountId: realAccount.id }]);
    await db.snapshots.put({ date: '2025-06-14', computedAt: LOADED_AT, accountIds: [demoId, realAccount.id], scores: [40, 85] });

    await clearDemoData(db);

    expect((await db.overrides.toArray()).map((o) => o.accountId)).toEqual([realAccount.id]);
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['n2']);
    expect((await db.pageLinks.toArray()).map((l) => l.accountId)).toEqual([realAccount.id]);
    expect((await db.runs.toArray()).map((r) => r.id)).toEqual(['r2']);
    expect(await db.snapshots.get('2025-06-14')).toEqual({
      date: '2025-06-14', computedAt: LOADED_AT, accountIds: [realAccount.id], scores: [85],
    });
  });

  it('is harmless when no demo data is loaded', async () => {
    await addRealData();
    const before = await dump();
    await clearDemoData(db);
    expect(await dump()).toEqual(before);
  });
});
