/**
 * Every write path keeps the scoring rollups current in the same transaction: an import of usage, tickets, NPS or
 * meetings, a ticket recorded from a Zendesk page, the demo load and removal, and a restore. "Current" means: the
 * stored rollup scores every account exactly like its rows read back from the tables (the panel's path).
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAccountInputs } from '@/lib/db/account-inputs';
import { exportBackup, restoreBackup } from '@/lib/db/backup';
import { SightlineDatabase } from '@/lib/db/database';
import { clearDemoData, loadDemoData } from '@/lib/db/demo-loader';
import { refreshRollups } from '@/lib/db/scoring-rollups';
import { recordSeenTicket } from '@/lib/db/tickets';
import { generateDemoPortfolio } from '@/lib/demo/generate';
import { runImport } from '@/lib/import/run-import';
import { assessAccount } from '@/lib/scoring/account-health';
import type { Ticket } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { fixtureBlob, NOW } from '../import/helpers';

const TODAY = '2025-03-14';
const DAY_MS = 86_400_000;
/** A rollup's usage column `c` (0 day, 1 logins, …, 5 usersInvited) and row counts, per the documented layout. */
const usageColumn = (columns: Float64Array, c: number) => Array.from(columns.subarray(4 + c * columns[0]!, 4 + (c + 1) * columns[0]!));
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

let db: SightlineDatabase;

beforeEach(async () => {
  db = new SightlineDatabase(`rollups-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** Every account's stored rollup scores like its rows; returns how many accounts have a score. */
async function expectRollupsCurrent(today: string): Promise<number> {
  let scored = 0;
  for (const account of await db.accounts.toArray()) {
    const rollup = await db.scoringRollups.get(account.id);
    expect(rollup, account.id).toBeDefined();
    const rows = (await loadAccountInputs(db, account.id, today))!;
    const fromRows = assessAccount({ ...rows, pastScores: [] }, DEFAULT_SETTINGS, today);
    expect(assessAccount({ account, rollup: rollup! }, DEFAULT_SETTINGS, today), account.id).toEqual(fromRows);
    if (fromRows.computedScore !== null) scored++;
  }
  return scored;
}

describe('scoring rollups stay current', () => {
  it('after imports of usage, tickets, NPS and meetings', async () => {
    await runImport(db, fixtureBlob('salesforce-accounts.csv'), { fileName: 'accounts.csv', now: NOW });
    // Accounts alone have no rollup yet (rescoring builds it when missing).
    expect(await db.scoringRollups.count()).toBe(0);

    await runImport(db, fixtureBlob('usage.csv'), { fileName: 'usage.csv', now: NOW, skipInvalid: true });
    const acme = await db.scoringRollups.get('sf:001Dn00000AbCdEIAV');
    expect(usageColumn(acme!.columns, 0)).toEqual([dayNumber('2025-03-01'), dayNumber('2025-03-02')]);
    expect(usageColumn(acme!.columns, 1)).toEqual([34, 28]);
    expect(usageColumn(acme!.columns, 5)).toEqual([20, 20]);

    for (const file of ['nps.csv', 'meetings.csv', 'zendesk-tickets.json']) {
      await runImport(db, fixtureBlob(file), { fileName: file, now: NOW, skipInvalid: true });
    }
    const rollups = await db.scoringRollups.toArray();
    expect(rollups.reduce((n, r) => n + r.columns[0]!, 0)).toBe(await db.usage.count());
    expect(rollups.reduce((n, r) => n + r.columns[1]!, 0)).toBe(await db.tickets.filter((t) => t.accountId !== undefined).count());
    expect(rollups.reduce((n, r) => n + r.columns[2]!, 0)).toBe(await db.nps.count());
    expect(rollups.reduce((n, r) => n + r.columns[3]!, 0)).toBe(await db.meetings.count());

    // Rows for accounts imported after them: refreshing all accounts gives each one.
    await refreshRollups(db, (await db.accounts.toCollection().primaryKeys()) as string[]);
    expect(await expectRollupsCurrent(TODAY)).toBeGreaterThan(0);
  });

  it('after a usage row is re-imported with new numbers', async () => {
    await runImport(db, fixtureBlob('salesforce-accounts.csv'), { fileName: 'accounts.csv', now: NOW });
    await runImport(db, fixtureBlob('usage.csv'), { fileName: 'usage.csv', now: NOW, skipInvalid: true });
    const changed = new Blob(['account_id,date,logins,assessments,reports,active_users,users_invited,features_used\nsf:001Dn00000AbCdEIAV,2025-03-02,5,0,0,1,21,2\n']);
    await runImport(db, changed, { fileName: 'usage2.csv', now: NOW });
    const acme = await db.scoringRollups.get('sf:001Dn00000AbCdEIAV');
    expect(usageColumn(acme!.columns, 1)).toEqual([34, 5]);
    expect(usageColumn(acme!.columns, 5)).toEqual([20, 21]);
  });

  it('after a ticket is recorded from a Zendesk page, also for the account it moved from', async () => {
    await db.accounts.bulkPut([
      { id: 'a1', name: 'A1', domains: [], arr: 1, startDate: '2024-01-01', status: 'active' },
      { id: 'a2', name: 'A2', domains: [], arr: 1, startDate: '2024-01-01', status: 'active' },
    ]);
    const ticket: Omit<Ticket, 'accountId'> = {
      zendeskId: 77, createdAt: Date.parse('2025-03-10T09:00:00Z'), firstReplyMinutes: null, solvedAt: null, status: 'open', priority: 'normal', satisfaction: 'bad',
    };
    expect(await recordSeenTicket(db, { accountId: 'a1', ticket })).toBe(true);
    // Counts [0, 1, 0, 0], then the ticket's createdAt and satisfaction (3: bad).
    expect(Array.from((await db.scoringRollups.get('a1'))!.columns)).toEqual([0, 1, 0, 0, ticket.createdAt, 3]);
    expect(await db.scoringRollups.get('a2')).toBeUndefined();

    expect(await recordSeenTicket(db, { accountId: 'a2', ticket: { ...ticket, satisfaction: 'good' } })).toBe(true);
    expect(Array.from((await db.scoringRollups.get('a1'))!.columns)).toEqual([0, 0, 0, 0]);
    expect(Array.from((await db.scoringRollups.get('a2'))!.columns)).toEqual([0, 1, 0, 0, ticket.createdAt, 2]);
    await expectRollupsCurrent(TODAY);
  });

  it('after the demo load and its removal', async () => {
    const today = '2026-11-22';
    await db.accounts.put({ id: 'real', name: 'Real', domains: [], arr: 1, startDate: '2024-01-01', status: 'active' });
    await db.usage.put({ accountId: 'real', date: '2026-11-20', logins: 3, assessments: 0, reports: 0, activeUsers: 1, usersInvited: 2, featuresUsed: 1 });
    await refreshRollups(db, ['real']);
    await loadDemoData(db, generateDemoPortfolio({ seed: 5, today, accounts: 40 }), { settings: DEFAULT_SETTINGS, now: () => 1 });
    expect(await db.scoringRollups.count()).toBe(41);
    expect(await expectRollupsCurrent(today)).toBeGreaterThan(30);

    await clearDemoData(db);
    expect((await db.scoringRollups.toCollection().primaryKeys()).sort()).toEqual(['real']);
  });

  it('after a restore, and the backup holds no rollups', async () => {
    const today = '2026-11-22';
    await loadDemoData(db, generateDemoPortfolio({ seed: 3, today, accounts: 25 }), { settings: DEFAULT_SETTINGS, now: () => 1 });
    const backup = await exportBackup(db);
    expect(Object.keys(backup.tables)).not.toContain('scoringRollups');

    // Rollups that disagree with the restored rows: a missing one and one of an account the backup does not have.
    await db.scoringRollups.delete((await db.accounts.toCollection().primaryKeys())[0] as string);
    await refreshRollups(db, ['stale']);
    await restoreBackup(db, backup);
    expect((await db.scoringRollups.toCollection().primaryKeys()).sort()).toEqual((await db.accounts.toCollection().primaryKeys()).sort());
    expect(await expectRollupsCurrent(today)).toBeGreaterThan(15);
    expect(await exportBackup(db)).toEqual(backup);
  });
});
