/**
 * Committing an import: ONE transaction, upserts by natural key, idempotent re-imports, and nothing written when
 * the file has invalid rows (unless skipping them is chosen), when the commit fails midway, or when it is cancelled.
 */
import Dexie, { type Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SightlineDatabase } from '@/lib/db/database';
import { toSalesforceId18 } from '@/lib/hosts/salesforce/record-id';
import { InvalidRowsError } from '@/lib/import/convert-rows';
import { runImport } from '@/lib/import/run-import';
import { CHUNK_BYTES, ImportCancelledError } from '@/lib/import/text-chunks';
import type { Account } from '@/lib/schemas/records';
import { fixtureBlob, NOW, upsert } from './helpers';

let db: SightlineDatabase;
const ACME = toSalesforceId18('001Dn00000AbCdE')!;

async function everything(database: SightlineDatabase) {
  return Object.fromEntries(await Promise.all(database.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

beforeEach(async () => {
  db = new SightlineDatabase(`import-commit-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('upserts', () => {
  it('creates accounts with ids derived from the natural key, then re-importing the same file changes nothing', async () => {
    const first = await runImport(db, fixtureBlob('salesforce-accounts.csv'), { fileName: 'accounts.csv', now: NOW });
    expect(first).toMatchObject({ kind: 'accounts', rowsRead: 5, created: 5, updated: 0, unchanged: 0, skippedInvalid: 0, footerRowsDropped: 5 });
    expect((await db.accounts.get(`sf:${ACME}`))?.name).toBe('Acme Analytics');
    const before = await everything(db);

    const second = await runImport(db, fixtureBlob('salesforce-accounts.csv'), { fileName: 'accounts.csv', now: new Date('2025-06-01') });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(await everything(db)).toEqual(before);
  });

  it('updates in place and keeps what the file does not speak for', async () => {
    await runImport(db, fixtureBlob('salesforce-accounts.csv'), { fileName: 'accounts.csv', now: NOW });
    await db.accounts.update(`sf:${ACME}`, { churnReason: 'set by hand' });
    const changed = new Blob(['"Account ID","Account Name","ARR"\n"001Dn00000AbCdE","Acme Analytics Group","52,000.00"\n']);
    const summary = await runImport(db, changed, { fileName: 'update.csv', now: new Date('2026-01-01') });
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const acme = await db.accounts.get(`sf:${ACME}`);
    // Renamed and repriced; start date, renewal, owner, plan and the hand-set reason stay (no column for them).
    expect(acme).toMatchObject({ name: 'Acme Analytics Group', arr: 52000, startDate: '2023-03-14', renewalDate: '2026-03-13', owner: 'Priya Shah', plan: 'Professional', churnReason: 'set by hand' });
  });

  it('matches a stored account by any natural key and keeps its id', async () => {
    await db.accounts.put({ id: 'ext:CRM-1', externalId: 'CRM-1', sfId: ACME, name: 'Acme (CRM)', domains: [], arr: 1, startDate: '2020-01-01', status: 'active' });
    const summary = await runImport(db, fixtureBlob('salesforce-accounts.csv'), { fileName: 'accounts.csv', now: NOW });
    expect(summary).toMatchObject({ created: 4, updated: 1 });
    expect(await db.accounts.get(`sf:${ACME}`)).toBeUndefined();
    expect(await db.accounts.get('ext:CRM-1')).toMatchObject({ name: 'Acme Analytics', externalId: 'CRM-1', sfId: ACME, arr: 48000 });
  });

  it('links tickets to imported accounts and reports those it cannot link', async () => {
    await runImport(db, fixtureBlob('salesforce-accounts.csv'), { fileName: 'accounts.csv', now: NOW });
    const summary = await runImport(db, fixtureBlob('zendesk-tickets.csv'), { fileName: 'tickets.csv', now: NOW });
    expect(summary).toMatchObject({ kind: 'tickets', created: 4, unlinkedStored: 1, unlinkedSkipped: 0 });
    expect(summary.unlinked).toEqual([{ row: 4, reason: 'gmail.com is a personal email domain', stored: true }]);
    expect((await db.tickets.get(4101))?.accountId).toBe(`sf:${ACME}`);
    expect((await db.tickets.get(4103))?.accountId).toBeUndefined();
    // The JSON export of overlapping tickets updates, the NDJSON adds; both re-imports are unchanged.
    expect(await runImport(db, fixtureBlob('zendesk-tickets.csv'), { fileName: 'tickets.csv', now: NOW })).toMatchObject({ unchanged: 4 });
  });

  it('is idempotent for every kind of sample file', async () => {
    await runImport(db, fixtureBlob('salesforce-accounts.csv'), { fileName: 'a.csv', now: NOW });
    const files = ['contacts.csv', 'usage.csv', 'nps.csv', 'meetings.csv', 'milestones.csv', 'salesforce-opportunities.csv', 'zendesk-tickets.json', 'zendesk-tickets.ndjson'];
    for (const file of files) await runImport(db, fixtureBlob(file), { fileName: file, now: NOW, skipInvalid: true });
    const before = await everything(db);
    for (const file of files) {
      const again = await runImport(db, fixtureBlob(file), { fileName: file, now: NOW, skipInvalid: true });
      expect({ file, created: again.created, updated: again.updated }).toEqual({ file, created: 0, updated: 0 });
    }
    expect(await everything(db)).toEqual(before);
    expect(await db.usage.count()).toBe(3);
    expect(await db.opportunities.count()).toBe(5);
  });

  it('previews the counts read-only', async () => {
    await runImport(db, fixtureBlob('salesforce-accounts.csv'), { fileName: 'a.csv', now: NOW });
    const { counts, conversion } = await upsert(db, fixtureBlob('accounts-utf8-bom.csv'), 'bom.csv', 'accounts', { write: false });
    expect(counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(conversion).toMatchObject({ rowsRead: 3, recordCount: 3, records: [] });
    expect(await db.accounts.count()).toBe(5);
  });
});

describe('all or nothing', () => {
  const withBadRow = '"Account ID","Account Name","ARR"\n"001Dn00000AbCdE","Acme","100"\n"001Dn00000AbCdF","Borealis","-5"\n';

  it('writes nothing when rows are invalid, unless skipping them is chosen', async () => {
    await expect(runImport(db, new Blob([withBadRow]), { fileName: 'bad.csv', now: NOW })).rejects.toThrow(InvalidRowsError);
    await expect(runImport(db, new Blob([withBadRow]), { fileName: 'bad.csv', now: NOW })).rejects.toThrow(
      '1 of 2 rows are invalid, so nothing was imported. First: bad.csv, row 3, column "ARR": -5 must not be negative',
    );
    expect(await db.accounts.count()).toBe(0);
    const skipped = await runImport(db, new Blob([withBadRow]), { fileName: 'bad.csv', now: NOW, skipInvalid: true });
    expect(skipped).toMatchObject({ created: 1, skippedInvalid: 1 });
    expect(skipped.problems[0]).toMatchObject({ row: 3, column: 'ARR' });
  });

  it('leaves the database exactly as before when a write fails midway', async () => {
    await runImport(db, fixtureBlob('accounts-utf8-bom.csv'), { fileName: 'bom.csv', now: NOW });
    const before = await everything(db);
    const rows = Array.from({ length: 12_000 }, (_, i) => `E${i},Company ${i},${i}`);
    const big = new Blob([`External ID,Account Name,ARR\n${rows.join('\n')}`]);
    let calls = 0;
    // Table instances differ per call of db.table(); the prototype's method is the one every instance uses.
    const tablePrototype: Table<Account, string> = Object.getPrototypeOf(db.table('accounts'));
    const original = tablePrototype.bulkPut;
    vi.spyOn(tablePrototype, 'bulkPut').mockImplementation(function (this: Table<Account, string>, ...args: Parameters<typeof original>) {
      if (++calls === 2) throw new Error('disk full');
      return original.apply(this, args);
    });
    await expect(upsert(db, big, 'big.csv', 'accounts', { write: true })).rejects.toThrow('disk full');
    expect(calls).toBe(2); // the first batch was written inside the transaction, then rolled back
    expect(await everything(db)).toEqual(before);
  });

  it('converts and writes a file of many chunks in one transaction, and rolls all of it back when a late chunk fails', async () => {
    const before = await everything(db);
    const rows = Array.from({ length: 30_000 }, (_, i) => `E${i},Company with a name long enough to fill several chunks ${i},${i}`);
    const big = new Blob([`External ID,Account Name,ARR\n${rows.join('\n')}`]);
    expect(big.size).toBeGreaterThan(3 * CHUNK_BYTES);
    let calls = 0;
    const tablePrototype: Table<Account, string> = Object.getPrototypeOf(db.table('accounts'));
    const original = tablePrototype.bulkPut;
    vi.spyOn(tablePrototype, 'bulkPut').mockImplementation(function (this: Table<Account, string>, ...args: Parameters<typeof original>) {
      if (++calls === 7) throw new Error('disk full');
      return original.apply(this, args);
    });
    let written = 0;
    await expect(upsert(db, big, 'big.csv', 'accounts', { write: true, onProgress: (p) => (written = p.written) })).rejects.toThrow('disk full');
    // Earlier chunks were written inside the transaction before the failure, then rolled back with it.
    expect(written).toBeGreaterThan(CHUNK_BYTES / 80);
    expect(await everything(db)).toEqual(before);
   }, 60_000);

  it('writes nothing when the file no longer matches what its check found', async () => {
    const file = fixtureBlob('salesforce-accounts.csv');
    const { conversion } = await upsert(db, file, 'accounts.csv', 'accounts', { write: false });
    const checked = { rowsRead: conversion.rowsRead + 1, invalidRows: 0, recordCount: conversion.recordCount + 1 };
    await expect(upsert(db, file, 'accounts.csv', 'accounts', { write: true, checked })).rejects.toThrow(
      'accounts.csv changed since its rows were checked, so nothing was imported: choose it again',
    );
    expect(await db.accounts.count()).toBe(0);
    expect(await upsert(db, file, 'accounts.csv', 'accounts', { write: true, checked: conversion })).toMatchObject({ counts: { created: 5 } });
  });

  it('rolls back when cancelled during the commit', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `E${i},Company ${i},${i}`);
    const big = new Blob([`External ID,Account Name,ARR\n${rows.join('\n')}`]);
    const controller = new AbortController();
    const progress: number[] = [];
    await expect(
      upsert(db, big, 'big.csv', 'accounts', {
        write: true,
        signal: controller.signal,
        onProgress: ({ written }) => {
          progress.push(written);
          if (written > 0) controller.abort();
        },
      }),
    ).rejects.toThrow(ImportCancelledError);
    expect(progress).toEqual([0, 5000]);
    expect(await db.accounts.count()).toBe(0);
  });

  it('stops reading when cancelled during parsing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runImport(db, fixtureBlob('salesforce-accounts.csv'), { signal: controller.signal })).rejects.toThrow(ImportCancelledError);
  });

  it('reports progress for each phase', async () => {
    const phases = new Set<string>();
    await runImport(db, fixtureBlob('salesforce-accounts.csv'), { now: NOW, onProgress: (p) => phases.add(p.phase) });
    // The one-shot run checks the rows while it commits them.
    expect([...phases]).toEqual(['analyze', 'commit']);
  });
});

it('keeps stored accounts valid after any import', async () => {
  await runImport(db, fixtureBlob('salesforce-accounts.csv'), { now: NOW });
  await runImport(db, fixtureBlob('accounts-windows-1252.csv'), { now: NOW });
  await runImport(db, fixtureBlob('zendesk-organizations.json'), { now: NOW });
  const { Account: AccountSchema } = await import('@/lib/schemas/records');
  const accounts: Account[] = await db.accounts.toArray();
  for (const account of accounts) expect(AccountSchema.safeParse(account).success).toBe(true);
  expect(accounts).toHaveLength(10);
});
