/**
 * Import through the options page in real Chromium (issue 4): sample exports chosen with the file chooser,
 * preview, commit, the result summary; re-import is unchanged; a bad file is refused with a clear message; and the
 * imported account's badge appears on its Salesforce record page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from '../../scripts/harness/extension-page';
import { lightningRecordUrl } from '../../scripts/harness/host-model';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import { toSalesforceId18 } from '../../lib/hosts/salesforce/record-id';
import type { Account } from '../../lib/schemas/records';
import { launchForTest, resetFixtureDataset, useFixtureDataset } from './support';

const FIXTURES = join(__dirname, '../fixtures/import');
const ACME = toSalesforceId18('001Dn00000AbCdE')!;

let session: ExtensionSession;
let options: Page;

async function importFixture(name: string): Promise<void> {
  await options.getByTestId('import-file').setInputFiles(join(FIXTURES, name));
  const commit = options.getByTestId('import-commit');
  await expect.poll(() => commit.isEnabled(), { timeout: 30_000 }).toBe(true);
  await commit.click();
  await options.getByTestId('import-result').waitFor({ timeout: 30_000 });
}

const importSection = () => options.locator('section[aria-labelledby="import-heading"]');

async function resultCount(testId: string): Promise<number> {
  return Number((await options.getByTestId(testId).textContent())?.replace(/\D/g, ''));
}

beforeAll(async () => {
  session = await launchForTest();
  options = await session.openExtensionPage('options.html');
  await options.setViewportSize({ width: 1100, height: 1400 });
});

afterAll(async () => {
  await resetFixtureDataset();
  await session?.close();
});

describe('import on the options page', () => {
  it('imports a Salesforce account report through the file chooser and shows the result', async () => {
    await options.getByTestId('import-file').setInputFiles(join(FIXTURES, 'salesforce-accounts.csv'));
    await options.getByTestId('import-report').waitFor({ timeout: 30_000 });
    await expect(options.getByTestId('import-file-info').textContent()).resolves.toContain('report footer of 5 lines ignored');
    await expect(options.getByTestId('import-kind').inputValue()).resolves.toBe('accounts');
    await screenshot(importSection(), 'import-preview-salesforce-accounts');

    await options.getByTestId('import-commit').click();
    await options.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(await resultCount('import-created')).toBe(5);
    expect(await resultCount('import-unchanged')).toBe(0);
    await screenshot(importSection(), 'import-result-salesforce-accounts');

    const accounts = (await readStore(options, 'accounts')) as Account[];
    expect(accounts.find((a) => a.id === `sf:${ACME}`)).toMatchObject({ name: 'Acme Analytics', arr: 48000, startDate: '2023-03-14' });
  });

  it('re-importing the same file changes nothing', async () => {
    await options.getByRole('button', { name: 'Import another file' }).click();
    await importFixture('salesforce-accounts.csv');
    expect(await resultCount('import-created')).toBe(0);
    expect(await resultCount('import-updated')).toBe(0);
    expect(await resultCount('import-unchanged')).toBe(5);
  });

  it('imports Zendesk tickets, linking them and listing the one it cannot link', async () => {
    await options.getByRole('button', { name: 'Import another file' }).click();
    await importFixture('zendesk-tickets.csv');
    expect(await resultCount('import-created')).toBe(4);
    await expect(options.getByTestId('import-result-unlinked').textContent()).resolves.toContain('row 4: gmail.com is a personal email domain');
    await screenshot(importSection(), 'import-result-zendesk-tickets');
  });

  it('imports every other kind through the file chooser: contacts, usage, NPS, meetings, milestones, opportunities and Zendesk JSON', async () => {
    const files: [file: string, kind: string, store: string][] = [
      ['contacts.csv', 'contacts', 'contacts'],
      ['usage.csv', 'usage', 'usage'],
      ['nps.csv', 'nps', 'nps'],
      ['meetings.csv', 'meetings', 'meetings'],
      ['milestones.csv', 'milestones', 'milestones'],
      ['salesforce-opportunities.csv', 'opportunities', 'opportunities'],
      ['zendesk-tickets.json', 'tickets', 'tickets'],
    ];
    for (const [file, kind, store] of files) {
      await options.getByRole('button', { name: 'Import another file' }).click();
      const before = (await readStore(options, store)).length;
      await options.getByTestId('import-file').setInputFiles(join(FIXTURES, file));
      await options.getByTestId('import-report').waitFor({ timeout: 30_000 });
      // The kind is detected from the file itself.
      await expect(options.getByTestId('import-kind').inputValue(), file).resolves.toBe(kind);
      const commit = options.getByTestId('import-commit');
      await expect.poll(() => commit.isEnabled(), { timeout: 30_000 }).toBe(true);
      await commit.click();
      await options.getByTestId('import-result').waitFor({ timeout: 30_000 });
      const created = await resultCount('import-created');
      expect(created, file).toBeGreaterThan(0);
      expect((await readStore(options, store)).length, file).toBe(before + created);
    }
    await screenshot(importSection(), 'import-result-zendesk-tickets-json');
  });

  it('asks for the date order when the data cannot tell, then imports', async () => {
    await options.getByRole('button', { name: 'Import another file' }).click();
    await options.getByTestId('import-file').setInputFiles(join(FIXTURES, 'salesforce-accounts-ambiguous-dates.csv'));
    await options.getByTestId('import-blocking').waitFor({ timeout: 30_000 });
    await expect(options.getByTestId('import-check').isDisabled()).resolves.toBe(true);
    await screenshot(importSection(), 'import-ambiguous-dates');
    await options.getByLabel('Date order for Customer Since').selectOption('DMY');
    await options.getByTestId('import-check').click();
    await options.getByTestId('import-commit').click();
    await options.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(await resultCount('import-created')).toBe(3);
  });

  it('refuses a file with invalid rows until the user chooses to skip them', async () => {
    await options.getByRole('button', { name: 'Import another file' }).click();
    await options.getByTestId('import-file').setInputFiles({
      name: 'negative-arr.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Account ID,Account Name,ARR\n001Dn00000ZzZzA,Good Co,100\n001Dn00000ZzZzB,Bad Co,-5\n'),
    });
    await options.getByTestId('import-problems').waitFor({ timeout: 30_000 });
    await expect(options.getByTestId('import-problems').textContent()).resolves.toContain('negative-arr.csv, row 3, column "ARR": -5 must not be negative');
    await expect(options.getByTestId('import-commit').isDisabled()).resolves.toBe(true);
    await screenshot(importSection(), 'import-invalid-rows');
    await options.getByTestId('import-skip-invalid').check();
    await options.getByTestId('import-commit').click();
    await options.getByTestId('import-result').waitFor();
    expect(await resultCount('import-created')).toBe(1);
    expect(await resultCount('import-skipped')).toBe(1);
  });

  it('refuses a binary file with a clear message and writes nothing', async () => {
    await options.getByRole('button', { name: 'Import another file' }).click();
    const before = (await readStore(options, 'accounts')).length;
    await options.getByTestId('import-file').setInputFiles({ name: 'book.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
    const error = options.getByTestId('import-error');
    await error.waitFor({ timeout: 30_000 });
    await expect(error.textContent()).resolves.toContain('book.xlsx: is a ZIP archive, probably an Excel workbook (.xlsx)');
    expect((await readStore(options, 'accounts')).length).toBe(before);
  });
});

describe('the imported account on its host page', () => {
  it("shows the imported account's badge on its Salesforce record", async () => {
    const accounts = (await readStore(options, 'accounts')) as Account[];
    await useFixtureDataset({ accounts: accounts.filter((a) => a.id === `sf:${ACME}`) });
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(lightningRecordUrl(ACME, 'Account'));
    const badge = page.locator('sightline-badge:not([data-state="loading"])');
    await badge.waitFor({ state: 'attached', timeout: 30_000 });
    await expect(badge.getAttribute('data-account-id')).resolves.toBe(`sf:${ACME}`);
    await screenshot(page, 'import-badge-salesforce-account');
    await page.close();
  });
});

describe('backup and restore on the options page', () => {
  it('downloads a backup, restores it over changed data after confirmation, and refuses foreign files', async () => {
    const backupSection = options.getByTestId('backup-section');
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^sightline-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = await download.path();
    const before = (await readStore(options, 'accounts')).length;
    expect(before).toBeGreaterThan(0);

    const [csv] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-accounts-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^sightline-accounts-.*\.csv$/);
    // One row per account, with its score columns.
    const csvLines = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csvLines[0]).toContain('Health Score,Health Band,Score Date');
    expect(csvLines).toHaveLength(before + 1);
    expect(csvLines.some((line) => line.includes('Acme Analytics'))).toBe(true);

    // Change the data, then restore: the accounts come back as they were.
    await importFixture('accounts-utf8-bom.csv');
    expect((await readStore(options, 'accounts')).length).toBe(before + 3);

    await options.getByTestId('backup-file').setInputFiles(backupPath);
    await options.getByTestId('backup-confirm').waitFor();
    await expect(options.getByTestId('backup-confirm').textContent()).resolves.toContain('Restoring replaces all');
    await screenshot(backupSection, 'backup-restore-confirm');
    await options.getByTestId('backup-restore-confirm').click();
    await expect.poll(() => options.getByTestId('backup-message').textContent(), { timeout: 30_000 }).toMatch(/^Restored .*: \d+ accounts/);
    expect((await readStore(options, 'accounts')).length).toBe(before);

    // Export → change → restore → export gives the same file. Snapshots are compared by day only: the worker may
    // rescore after the restore and stamp today's with a new time.
    const [again] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup-export').click()]);
    type Backup = { tables: Record<string, unknown[]> } & Record<string, unknown>;
    const withoutSnapshotTimes = (text: string) => {
      const backup = JSON.parse(text) as Backup;
      backup.tables.snapshots = (backup.tables.snapshots as { date: string }[]).map((snapshot) => snapshot.date);
      return backup;
    };
    const first = readFileSync(backupPath!, 'utf8');
    const second = readFileSync((await again.path())!, 'utf8');
    expect(withoutSnapshotTimes(second)).toEqual(withoutSnapshotTimes(first));
    expect(first.length).toBeGreaterThan(1000);

    await options.getByTestId('backup-file').setInputFiles({ name: 'tickets.json', mimeType: 'application/json', buffer: Buffer.from('{"tickets":[]}') });
    await expect.poll(() => options.getByTestId('backup-message').textContent()).toContain('tickets.json is not a Sightline backup');
    await options.getByTestId('backup-file').setInputFiles({
      name: 'future.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"sightline-backup","schemaVersion":999,"tables":{}}'),
    });
    await expect.poll(() => options.getByTestId('backup-message').textContent()).toContain('future.json was made by a newer version of Sightline');
    await screenshot(backupSection, 'backup-refused-newer');
    expect((await readStore(options, 'accounts')).length).toBe(before);
  });
});

describe('settings on the options page', () => {
  it('shows the weight-sum error next to the weights, then saves valid settings', async () => {
    const section = options.getByTestId('settings-section');
    await options.getByTestId('setting-weights-usage').fill('50');
    await expect(options.getByTestId('weights-error').textContent()).resolves.toBe('weights must add up to 100');
    await expect(options.getByTestId('weights-sum').textContent()).resolves.toBe('110');
    await options.getByTestId('settings-save').click();
    await expect(options.getByTestId('settings-status').textContent()).resolves.toContain('Not saved');
    await screenshot(section, 'settings-weight-error');

    await options.getByTestId('setting-weights-engagement').fill('15');
    await expect(options.getByTestId('weights-error').count()).resolves.toBe(0);
    await options.getByTestId('setting-currentUser').fill('Jane Doe');
    await options.getByTestId('settings-save').click();
    await expect.poll(() => options.getByTestId('settings-status').textContent()).toContain('Saved');
    const [row] = (await readStore(options, 'settings')) as { value: { currentUser: string; weights: Record<string, number> } }[];
    expect(row!.value.currentUser).toBe('Jane Doe');
    expect(row!.value.weights).toEqual({ usage: 50, engagement: 15, adoption: 20, relationship: 15 });
    await screenshot(section, 'settings-saved');
  });
});

describe('a 50 MB file', () => {
  it('is read in the worker without freezing the page; cancelling its commit or closing the page mid-commit writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-import-'));
    const path = join(dir, 'big-accounts.csv');
    const filler = 'x'.repeat(440);
    const lines = ['External ID,Account Name,ARR,Notes'];
    for (let i = 0; lines.length <= 110_000; i++) lines.push(`BIG-${i},Big Company ${i},${i},${filler}`);
    writeFileSync(path, lines.join('\n'));
    try {
      const before = (await readStore(options, 'accounts')).length;
      await options.reload();
      await options.getByTestId('import-file').setInputFiles(path);
      await options.getByTestId('import-progress').waitFor();
      // While the worker reads and checks 110,000 rows, the page keeps answering within a frame or so.
      let slowest = 0;
      while (!(await options.getByTestId('import-report').isVisible())) {
        const started = Date.now();
        await options.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        slowest = Math.max(slowest, Date.now() - started);
      }
      expect(slowest).toBeLessThan(500);
      await expect(options.getByTestId('import-report').textContent()).resolves.toContain('110,000 of 110,000 rows are ready');

      await options.getByTestId('import-commit').click();
      await expect.poll(() => options.getByTestId('import-progress').textContent()).toContain('Saving');
      await screenshot(importSection(), 'import-commit-progress');
      await options.getByTestId('import-cancel').click();
      await expect.poll(() => options.getByTestId('import-error').textContent(), { timeout: 30_000 }).toBe('Cancelled: nothing was written.');
      expect((await readStore(options, 'accounts')).length).toBe(before);

      // The page dying mid-commit (its worker with it) leaves the database as it was: IndexedDB aborts the transaction.
      await options.getByTestId('import-commit').click();
      await expect.poll(() => options.getByTestId('import-progress').textContent(), { timeout: 60_000 }).toMatch(/Saving[\s\S]*[1-9][\d,]* of 110,000 rows/);
      await options.close();
      options = await session.openExtensionPage('options.html');
      await options.setViewportSize({ width: 1100, height: 1400 });
      expect((await readStore(options, 'accounts')).length).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
