import Dexie from 'dexie';
import Papa from 'papaparse';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { accountsCsv } from '@/lib/backup/accounts-csv';
import { SightlineDatabase } from '@/lib/db/database';
import { runImport } from '@/lib/import/run-import';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { fixtureBlob, NOW } from '../import/helpers';

let db: SightlineDatabase;
beforeEach(async () => {
  db = new SightlineDatabase(`csv-${Math.random()}`);
  await db.open();
  await runImport(db, fixtureBlob('salesforce-accounts.csv'), { now: NOW });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

it('exports accounts with the latest snapshot score and band', async () => {
  const accounts = await db.accounts.toArray();
  const ids = accounts.map((a) => a.id);
  const csv = accountsCsv(accounts, { date: '2025-03-14', computedAt: 0, accountIds: ids, scores: [85, 62, 30, -1, 80] }, DEFAULT_SETTINGS);
  expect(csv.startsWith('\ufeffSightline ID,Salesforce ID,')).toBe(true);
  const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows.map((r) => [r['Account Name'], r['Health Score'], r['Health Band'], r['Score Date']])).toEqual([
    ['Acme Analytics', '85', 'healthy', '2025-03-14'],
    ['Borealis Health', '62', 'at-risk', '2025-03-14'],
    ['Cobalt & Finch LLP', '30', 'critical', '2025-03-14'],
    ['Dunmore Logistics', '', 'unknown', ''],
    ['Everlight Solar, Inc.', '80', 'healthy', '2025-03-14'],
  ]);
  expect(rows[0]).toMatchObject({ 'Sightline ID': ids[0], Domains: 'acme-analytics.com', ARR: '48000', 'Start Date': '2023-03-14', Status: 'active' });
});

it('says unknown for every account when there is no snapshot yet', async () => {
  const rows = Papa.parse<Record<string, string>>(accountsCsv(await db.accounts.toArray(), undefined, DEFAULT_SETTINGS).slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows.every((r) => r['Health Band'] === 'unknown' && r['Health Score'] === '')).toBe(true);
});

it('can be imported back unchanged', async () => {
  const csv = accountsCsv(await db.accounts.toArray(), undefined, DEFAULT_SETTINGS);
  const again = await runImport(db, new Blob([csv]), { fileName: 'accounts-export.csv', now: new Date('2026-01-01') });
  expect(again).toMatchObject({ kind: 'accounts', created: 0, updated: 0, unchanged: 5, skippedInvalid: 0 });
});

it('defuses spreadsheet formulas in text', async () => {
  await db.accounts.update((await db.accounts.toCollection().first())!.id, { name: '=HYPERLINK("http://evil")' });
  const csv = accountsCsv(await db.accounts.toArray(), undefined, DEFAULT_SETTINGS);
  expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
});
