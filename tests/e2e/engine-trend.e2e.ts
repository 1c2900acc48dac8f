/**
 * The health engine's live summary in real Chromium: the service worker scores an account with the usage window
 * pro-rated and reads its trend from the portfolio snapshots, keeping them decoded between lookups. A backup
 * restored on the options page (another extension context writing through Dexie) must reach that kept copy: the
 * next lookup shows the restored snapshot's trend, not the one read before. A rescoring run cut off when the
 * worker was stopped resumes when the worker starts again, keeping what it had committed, into one snapshot.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protocolMessage, readStore, seedAccounts, seedRecords, sendRuntimeMessage } from '../../scripts/harness/extension-page';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { RESCORE_PROGRESS_KEY, settingsKey } from '../../lib/db/rescore';
import type { AccountSummary } from '../../lib/schemas/messages';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings';
import type { Account, HealthSnapshot, UsageDay } from '../../lib/schemas/records';
import { launchForTest } from './support';

let session: ExtensionSession;
let options: Page;
let today: string;
const folder = mkdtempSync(join(tmpdir(), 'sightline-engine-'));

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Starter, 5 seats, ten days old: per 30 days 40 logins, 2 assessments, 2 reports expected; 10 features. */
function account(): Account {
  return {
    id: 'acc-trendline', name: 'Trendline Ltd', domains: ['trendline.example'], arr: 9000, startDate: daysBefore(today, 10),
    status: 'active', plan: 'Starter', seats: 5,
  };
}

/**
 * One usage row a day for its ten days: 2 logins, assessments on two days, a report on one. Pro-rated to 10 of 30
 * days: logins 20 / (40 × 10 / 30 = 13.3) → 100, assessments 2 / 0.67 → 100, reports 1 / 0.67 → 100; adoption
 * 5 / 5 invited, 10 / 10 features → 100. Score 100. Against a whole month it would be logins 20 / 40 → 50, reports
 * 1 / 2 → 50: usage 66.7, score 78.
 */
function usage(): UsageDay[] {
  return Array.from({ length: 10 }, (_, i) => ({
    accountId: 'acc-trendline', date: daysBefore(today, 10 - i), logins: 2, assessments: i < 2 ? 1 : 0, reports: i === 5 ? 1 : 0,
    activeUsers: 2, usersInvited: 5, featuresUsed: 10,
  }));
}

async function lookup(): Promise<AccountSummary> {
  const reply = await sendRuntimeMessage(options, protocolMessage('lookupAccount', { email: 'ana@trendline.example' }));
  if (reply.err) throw new Error(reply.err.message);
  const response = reply.res as { status: string; account: AccountSummary };
  expect(response.status).toBe('matched');
  return response.account;
}

beforeAll(async () => {
  session = await launchForTest();
  options = await session.openExtensionPage('options.html');
  await options.getByTestId('account-count').waitFor();
  // "Today" as the browser sees it: the service worker scores as of its local day.
  today = await options.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await seedAccounts(options, [account()]);
  await seedRecords(options, 'usage', usage());
  const snapshots: HealthSnapshot[] = [
    { date: daysBefore(today, 7), computedAt: 1, accountIds: ['acc-other', 'acc-trendline'], scores: [10, 60] },
    { date: daysBefore(today, 31), computedAt: 1, accountIds: ['acc-trendline'], scores: [-1] },
  ];
  await seedRecords(options, 'snapshots', snapshots);
});

afterAll(async () => {
  await session?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('live account summary', () => {
  it('scores a young account against the days it has had and trends against the snapshot of 7 days ago', async () => {
    expect(await lookup()).toMatchObject({ accountId: 'acc-trendline', score: 100, band: 'healthy', trend7: 40, trend30: null, stale: false });
    // Asked again: the same answer from the kept snapshot.
    expect(await lookup()).toMatchObject({ trend7: 40 });
  });

  it('shows the trend of a snapshot restored from a backup on the options page', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup-export').click()]);
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { tables: { snapshots: HealthSnapshot[] } };
    const weekAgo = backup.tables.snapshots.find((s) => s.date === daysBefore(today, 7))!;
    weekAgo.scores[weekAgo.accountIds.indexOf('acc-trendline')] = 85;
    const restored = join(folder, 'restored.json');
    writeFileSync(restored, JSON.stringify(backup));

    await options.getByTestId('backup-file').setInputFiles(restored);
    await options.getByTestId('backup-restore-confirm').click();
    await expect.poll(() => options.getByTestId('backup-message').textContent(), { timeout: 30_000 }).toMatch(/^Restored/);
    // The service worker learns of the write through Dexie's cross-context notice: poll briefly, then it must hold.
    await expect.poll(async () => (await lookup()).trend7, { timeout: 5_000 }).toBe(15);
  });
});

describe('a rescoring run cut off by the worker stopping', () => {
  it('resumes when the worker starts again, keeping the batch it had committed, and writes one snapshot', async () => {
    const extra: Account[] = ['acc-resume-1', 'acc-resume-2', 'acc-resume-3'].map((id, i) => ({
      id, name: `Resume ${i + 1}`, domains: [`resume${i + 1}.example`], arr: 1000, startDate: daysBefore(today, 100), status: 'active',
    }));
    await seedAccounts(options, extra);
    type MetaRow = { key: string; value: unknown };
    const todays = async () => (await readStore<HealthSnapshot>(options, 'snapshots')).find((s) => s.date === today);
    // The run the new accounts set off (after Chrome's shortest alarm delay) scores all four.
    await expect.poll(async () => (await todays())?.accountIds.length ?? 0, { timeout: 90_000, interval: 1000 }).toBe(4);
    const complete = (await todays())!;
    expect(complete.accountIds).toEqual(['acc-resume-1', 'acc-resume-2', 'acc-resume-3', 'acc-trendline']);
    expect(complete.scores).toEqual([-1, -1, -1, 100]);

    // What a run leaves when the worker is stopped after its first committed batch: the progress record and the
    // batch's scores. The committed score is one the engine would not give (7, not -1), so the snapshot shows
    // whether the resumed run kept the batch or scored everything again.
    const startedAt = Date.now();
    await seedRecords(options, 'meta', [
      { key: 'rescore:chunk:0', value: { accountIds: ['acc-resume-1'], scores: [7] } },
      {
        key: RESCORE_PROGRESS_KEY,
        value: { date: today, settingsKey: settingsKey(DEFAULT_SETTINGS), startedAt, lastAccountId: 'acc-resume-1', done: 1, chunks: 1 },
      },
    ]);
    await session.restartServiceWorker();

    // The new worker finds the run unfinished at its start and completes it.
    const progressLeft = async () => (await readStore<MetaRow>(options, 'meta')).filter((row) => row.key.startsWith('rescore:chunk:') || row.key === RESCORE_PROGRESS_KEY);
    await expect.poll(async () => (await progressLeft()).length, { timeout: 30_000 }).toBe(0);
    const resumed = (await todays())!;
    expect(resumed.computedAt).toBeGreaterThanOrEqual(startedAt);
    expect(resumed.accountIds).toEqual(complete.accountIds);
    expect(resumed.scores).toEqual([7, -1, -1, 100]);
    expect((await readStore<HealthSnapshot>(options, 'snapshots')).filter((s) => s.date === today)).toHaveLength(1);
  });
});

describe('overrides through a rescoring run', () => {
  it('keeps a locked override whose computed band has moved, and lets an unlocked one in the same case lapse', async () => {
    const twin: Account = { ...account(), id: 'acc-lapse', name: 'Lapse Ltd', domains: ['lapse.example'] };
    await seedAccounts(options, [twin]);
    await seedRecords(options, 'usage', usage().map((row) => ({ ...row, accountId: twin.id })));
    // Both set when the accounts computed critical; both compute healthy now.
    const set = { score: 20, reason: 'Champion left', expiresOn: daysBefore(today, -30), computedBandAtSet: 'critical', setBy: 'Dana', setAt: 1 };
    await seedRecords(options, 'overrides', [
      { ...set, accountId: 'acc-trendline', locked: true },
      { ...set, accountId: twin.id, locked: false },
    ]);
    // A run the worker finds unfinished at its start: it rescores every account.
    await seedRecords(options, 'meta', [
      {
        key: RESCORE_PROGRESS_KEY,
        value: { date: today, settingsKey: settingsKey(DEFAULT_SETTINGS), startedAt: Date.now(), lastAccountId: '', done: 0, chunks: 0 },
      },
    ]);
    await session.restartServiceWorker();
    type MetaRow = { key: string };
    await expect
      .poll(async () => (await readStore<MetaRow>(options, 'meta')).some((row) => row.key === RESCORE_PROGRESS_KEY), { timeout: 30_000 })
      .toBe(false);

    const overrides = await readStore<{ accountId: string; locked: boolean }>(options, 'overrides');
    expect(overrides.map((o) => o.accountId)).toEqual(['acc-trendline']);
    // The badge's summary shows the locked one, beside the computed score.
    expect(await lookup()).toMatchObject({ score: 20, overridden: true, computedScore: 100, band: 'critical' });
  });
});
