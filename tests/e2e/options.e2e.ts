/**
 * The options page in real Chromium with demo data (issues 2, 4 and 6): "Load demo data" fills the database and
 * the page renders with it; settings edits show their errors beside the field, save, and make the background
 * rescore; playbook templates are edited (rename, reorder, add, remove, due offsets), created, deleted and
 * restored to the shipped ones; import columns the headers do not give away are mapped by hand; a large backup is
 * checked and restored without freezing the page, and closing the page mid-restore changes nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from '../../scripts/harness/extension-page';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import { backupFileText } from '../../lib/backup/backup-format';
import { DATA_TABLES, DATABASE_NAME } from '../../lib/db/database';
import { PLAYBOOK_TEMPLATES_KEY } from '../../lib/db/playbook-templates';
import { CURRENT_SCHEMA_VERSION } from '../../lib/db/versions';
import type { Account, HealthSnapshot, PlaybookTemplate } from '../../lib/schemas/records';
import type { Settings } from '../../lib/schemas/settings';
import { launchForTest } from './support';

const DEMO_SIZE = 100;

let session: ExtensionSession;
let options: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await launchForTest();
  session.context.on('weberror', (error) => pageErrors.push(String(error.error())));
  options = await session.openExtensionPage('options.html');
  await options.setViewportSize({ width: 1100, height: 1400 });
});

afterAll(async () => {
  await session?.close();
});

async function snapshotsNow(): Promise<HealthSnapshot[]> {
  return readStore<HealthSnapshot>(options, 'snapshots');
}

describe('demo data on the options page', () => {
  it('loads the demo portfolio and the page renders with it, marked as demo', async () => {
    await options.getByTestId('demo-size').selectOption(String(DEMO_SIZE));
    await options.getByTestId('load-demo').click();
    await expect.poll(() => options.getByTestId('demo-status').textContent(), { timeout: 60_000 }).toBe(`Demo data loaded: ${DEMO_SIZE} accounts`);
    await expect.poll(() => options.getByTestId('account-count').textContent()).toBe(`${DEMO_SIZE} accounts`);

    const accounts = await readStore<Account>(options, 'accounts');
    expect(accounts).toHaveLength(DEMO_SIZE);
    expect(accounts.every((account) => account.id.startsWith('demo-'))).toBe(true);
    // Every section of the page is there over the demo data, and nothing threw while rendering it.
    for (const testId of ['backup-section', 'settings-section', 'playbooks-section', 'template-at-risk']) {
      await expect(options.getByTestId(testId).isVisible(), testId).resolves.toBe(true);
    }
    await expect(options.locator('section[aria-labelledby="demo-heading"]').textContent()).resolves.toContain('Demo data is fictional');
    await screenshot(options, 'options-with-demo-data', { fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

describe('settings', () => {
  it('shows each invalid value’s reason beside its field, saves the rest, and saving rescores', async () => {
    // The demo load writes its health history (computed at load time) and makes the background rescore; wait for
    // that rescoring's snapshot so the next one is the save's.
    const demo = (await readStore<{ key: string; value: { loadedAt: number } }>(options, 'meta')).find((row) => row.key === 'demo')!;
    await expect
      .poll(async () => (await snapshotsNow()).some((s) => s.accountIds.length === DEMO_SIZE && s.computedAt > demo.value.loadedAt), { timeout: 90_000, interval: 1000 })
      .toBe(true);
    const [before] = (await snapshotsNow()).sort((a, b) => b.computedAt - a.computedAt);

    const section = options.getByTestId('settings-section');
    await options.getByTestId('setting-segmentWeights-SMB-own').check();
    await options.getByTestId('setting-segmentWeights-SMB-usage').fill('70');
    await expect(options.getByTestId('segment-weights-SMB-error').textContent()).resolves.toBe('weights must add up to 100');
    await expect(options.getByTestId('segment-weights-SMB-sum').textContent()).resolves.toBe('130');
    await options.getByTestId('setting-usageExpectations-Free-loginsPerSeat').fill('0');
    await expect(options.locator('#usageExpectations-Free-loginsPerSeat-error').textContent()).resolves.toBe('must be more than 0');
    await options.getByTestId('setting-planLimits-Starter-seats').fill('2.5');
    await expect(options.locator('#planLimits-Starter-seats-error').textContent()).resolves.toBe('enter a whole number');
    await options.getByTestId('setting-channels-Premium').fill(' , ');
    await expect(options.locator('#channels-Premium-error').textContent()).resolves.toBe('list at least one channel, e.g. email');
    await options.getByTestId('settings-save').click();
    await expect(options.getByTestId('settings-status').textContent()).resolves.toContain('Not saved');
    await screenshot(section, 'settings-errors-beside-fields');

    await options.getByTestId('setting-segmentWeights-SMB-engagement').fill('5');
    await options.getByTestId('setting-segmentWeights-SMB-adoption').fill('10');
    await options.getByTestId('setting-segmentWeights-SMB-relationship').fill('15');
    await options.getByTestId('setting-usageExpectations-Free-loginsPerSeat').fill('2');
    await options.getByTestId('setting-planLimits-Starter-seats').fill('12');
    await options.getByTestId('setting-channels-Premium').fill('email, chat, phone, Slack, Teams');
    await options.getByTestId('setting-tiers-Premium').fill('2');
    await options.getByTestId('setting-renewalTypeNames').fill('Renewal\nRenewal - Multi-year');
    await expect(section.locator('[role="alert"]').count()).resolves.toBe(0);
    const savedAt = Date.now();
    await options.getByTestId('settings-save').click();
    await expect.poll(() => options.getByTestId('settings-status').textContent()).toContain('Saved');
    await screenshot(section, 'settings-saved-with-plans-and-segments');

    const [row] = await readStore<{ value: Settings }>(options, 'settings');
    expect(row!.value.segmentWeights).toEqual({ SMB: { usage: 70, engagement: 5, adoption: 10, relationship: 15 } });
    expect(row!.value.usageExpectations.Free.loginsPerSeat).toBe(2);
    expect(row!.value.planLimits.Starter.seats).toBe(12);
    expect(row!.value.tiers.Premium).toEqual({ name: 'Premium', firstResponseHours: 2, channels: ['email', 'chat', 'phone', 'Slack', 'Teams'] });
    expect(row!.value.renewalTypeNames).toEqual(['Renewal', 'Renewal - Multi-year']);

    // The background notices the settings write and rescores every account under the new weights.
    await expect.poll(async () => Math.max(...(await snapshotsNow()).map((s) => s.computedAt)), { timeout: 90_000, interval: 1000 }).toBeGreaterThan(savedAt);
    const after = (await snapshotsNow()).find((s) => s.date === before!.date)!;
    expect(after.accountIds).toEqual(before!.accountIds);
    expect(after.scores).not.toEqual(before!.scores);
  }, 240_000);
});

describe('playbook templates', () => {
  const stored = async (): Promise<PlaybookTemplate[] | undefined> =>
    (await readStore<{ key: string; value: PlaybookTemplate[] }>(options, 'meta')).find((row) => row.key === PLAYBOOK_TEMPLATES_KEY)?.value;
  const titles = (templateId: string) => options.getByTestId(`template-${templateId}`).locator('input[aria-label$="title"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

  it('renames, reorders, removes and adds steps with due offsets, refusing a negative offset beside the field', async () => {
    const editor = options.getByTestId('template-at-risk');
    await editor.scrollIntoViewIfNeeded();
    await options.getByTestId('template-at-risk-name').fill('Save the account');
    await editor.getByRole('button', { name: 'Move step 2 up' }).click();
    await editor.getByRole('button', { name: 'Remove step 5' }).click();
    await options.getByTestId('template-at-risk-add-step').click();
    await options.getByTestId('template-step-step-1-title').fill('Book an exec sponsor call');
    await options.getByTestId('template-step-step-1-due').fill('-2');
    await expect(options.getByTestId('template-step-step-1-due').locator('xpath=..').textContent()).resolves.toContain('a step cannot be due before the run starts: use 0 or more days');
    await expect(options.getByTestId('template-at-risk-save').isDisabled()).resolves.toBe(true);
    await screenshot(editor, 'template-editor-negative-offset');
    await options.getByTestId('template-step-step-1-due').fill('10');
    await options.getByTestId('template-at-risk-save').click();
    await expect.poll(async () => (await stored())?.find((t) => t.id === 'at-risk')?.name).toBe('Save the account');

    const atRisk = (await stored())!.find((t) => t.id === 'at-risk')!;
    expect(atRisk.steps.map((step) => [step.id, step.dueOffsetDays])).toEqual([
      ['review-history', 1],
      ['identify-drop', 0],
      ['reach-out', 3],
      ['success-call', 7],
      ['step-1', 10],
    ]);
    // A fresh page shows what was stored.
    await options.reload();
    await expect.poll(() => options.getByTestId('template-at-risk-name').inputValue()).toBe('Save the account');
    await expect(titles('at-risk')).resolves.toEqual([
      'Review account history and tickets',
      'Identify the drop (health alert)',
      'Reach out with value, not "checking in"',
      'Schedule a success call if needed',
      'Book an exec sponsor call',
    ]);
    await screenshot(options.getByTestId('template-at-risk'), 'template-editor-saved');
  });

  it('creates a playbook, deletes it after confirmation, and restores the shipped templates', async () => {
    await options.getByTestId('new-playbook').click();
    await options.getByTestId('template-custom-1').waitFor();
    await options.getByTestId('template-custom-1-name').fill('QBR preparation');
    await options.getByTestId('template-custom-1-save').click();
    await expect.poll(async () => (await stored())?.find((t) => t.id === 'custom-1')?.name).toBe('QBR preparation');

    await options.getByTestId('template-escalation-delete').click();
    await screenshot(options.getByTestId('template-escalation'), 'template-delete-confirm');
    await options.getByTestId('template-escalation-confirm-delete').click();
    await expect.poll(() => options.getByTestId('template-escalation').count()).toBe(0);
    expect((await stored())!.map((t) => t.id)).not.toContain('escalation');

    await options.getByTestId('restore-playbook-defaults').click();
    await options.getByTestId('confirm-restore-playbook-defaults').click();
    await expect.poll(() => options.getByTestId('template-at-risk-name').inputValue()).toBe('At-risk');
    await expect.poll(() => options.getByTestId('template-escalation').count()).toBe(1);
    expect(await options.getByTestId('template-custom-1').count()).toBe(0);
    expect(await stored()).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});

describe('import column mapping', () => {
  it('lets the person map columns the headers did not give away, then imports with that mapping', async () => {
    const section = options.locator('section[aria-labelledby="import-heading"]');
    await options.getByTestId('import-file').setInputFiles({
      name: 'crm-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Cust No,Company,Annual Value,Looks after\nC-1,Nimbus Labs,12000,Jane Doe\nC-2,Orbit Foods,3400,Sam Lee\n'),
    });
    await options.getByTestId('import-kind').selectOption('accounts');
    await expect.poll(() => options.getByTestId('import-blocking').textContent()).toContain('an account id');
    await expect(options.getByTestId('import-check').isDisabled()).resolves.toBe(true);
    await options.locator('#map-externalId').selectOption({ label: 'Cust No' });
    await options.locator('#map-arr').selectOption({ label: 'Annual Value' });
    await options.locator('#map-owner').selectOption({ label: 'Looks after' });
    await expect(options.getByTestId('import-blocking').count()).resolves.toBe(0);
    await screenshot(section, 'import-mapping-edited');
    await options.getByTestId('import-check').click();
    await options.getByTestId('import-commit').click();
    await options.getByTestId('import-result').waitFor({ timeout: 30_000 });
    const accounts = await readStore<Account>(options, 'accounts');
    expect(accounts.find((a) => a.id === 'ext:C-1')).toMatchObject({ name: 'Nimbus Labs', externalId: 'C-1', arr: 12000, owner: 'Jane Doe' });
    expect(accounts.find((a) => a.id === 'ext:C-2')).toMatchObject({ name: 'Orbit Foods', arr: 3400, owner: 'Sam Lee' });
  });
});

describe('a large backup', () => {
  /** Records in a store, counted in the page (reading ~50 MB of notes back into the test would be the slow part). */
  const countStore = (store: string) =>
    options.evaluate(
      ({ name, store }) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction(store, 'readonly').objectStore(store).count();
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result);
            };
            request.onerror = () => reject(request.error);
          };
        }),
      { name: DATABASE_NAME, store },
    );

  /** Starts a heartbeat in the page that records the longest stretch its main thread could not run a timer. */
  const startHeartbeat = () =>
    options.evaluate(() => {
      const state = globalThis as unknown as { slowest: number; last: number };
      state.slowest = 0;
      state.last = performance.now();
      setInterval(() => {
        const now = performance.now();
        state.slowest = Math.max(state.slowest, now - state.last);
        state.last = now;
      }, 10);
    });
  const slowestGap = () => options.evaluate(() => (globalThis as unknown as { slowest: number }).slowest);

  it('is read, checked and restored in a worker: the page keeps answering, and everything in it arrives', async () => {
    // 150,000 small records (~20 MB): parsing and checking them is what would block a page for a long while.
    const days = Array.from({ length: 300 }, (_, d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const usage = Array.from({ length: 500 }, (_, a) => days.map((date, d) => ({ accountId: `ext:BIG-${String(a).padStart(3, '0')}`, date, logins: (a + d) % 40, assessments: d % 3, reports: a % 2, activeUsers: 5, usersInvited: 8, featuresUsed: 4 }))).flat();
    const tables = Object.fromEntries(DATA_TABLES.map((table) => [table, [] as unknown[]])) as Parameters<typeof backupFileText>[0]['tables'];
    tables.usage = usage;
    const dir = mkdtempSync(join(tmpdir(), 'sightline-backup-'));
    const path = join(dir, 'big-backup.json');
    writeFileSync(path, backupFileText({ schemaVersion: CURRENT_SCHEMA_VERSION, tables, settings: null, meta: [] }));
    try {
      // The page closing mid-restore (its worker with it) leaves the database as it was: the transaction aborts.
      const before = { accounts: await countStore('accounts'), usage: await countStore('usage') };
      expect(before.accounts).toBe(DEMO_SIZE + 2);
      await options.getByTestId('backup-file').setInputFiles(path);
      await options.getByTestId('backup-restore-confirm').click({ timeout: 60_000 });
      await expect.poll(() => options.getByTestId('import-progress').textContent(), { timeout: 60_000 }).toMatch(/Restoring[\s\S]*[1-9][\d,]* of 150,000 records/);
      await options.close();
      options = await session.openExtensionPage('options.html');
      await options.setViewportSize({ width: 1100, height: 1400 });
      expect({ accounts: await countStore('accounts'), usage: await countStore('usage') }).toEqual(before);

      // Handing the file to the input is the test driver's work, not the page's: measure from there on.
      await options.getByTestId('backup-file').setInputFiles(path);
      await startHeartbeat();
      await options.getByTestId('backup-confirm').waitFor({ timeout: 60_000 });
      await expect(options.getByTestId('backup-confirm').textContent()).resolves.toContain('big-backup.json holds 150,000 usage');
      const checking = await slowestGap();
      await startHeartbeat();
      await options.getByTestId('backup-restore-confirm').click();
      await expect.poll(() => options.getByTestId('backup-message').textContent(), { timeout: 90_000 }).toMatch(/^Restored big-backup\.json: 150,000 usage/);
      const restoring = await slowestGap();
      await screenshot(options.getByTestId('backup-section'), 'backup-large-restored');
      // Parsing and checking this file on the page itself blocked it for ~1.3 s here; in the worker the page's
      // longest stall is a few frames (live queries refreshing after the restore, a CPU shared with other jobs).
      expect(checking).toBeLessThan(500);
      expect(restoring).toBeLessThan(500);
      expect(await countStore('usage')).toBe(150_000);
      expect(await countStore('accounts')).toBe(0); // replaced: the demo portfolio is gone
      await expect.poll(() => options.getByTestId('account-count').textContent()).toBe('0 accounts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
