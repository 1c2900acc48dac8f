/**
 * A ticket recorded from a Zendesk visit rescores its account alone (issue 5 with issue 3's rescoring job): the run
 * the change sets off patches today's snapshot for that account instead of reading and scoring the whole portfolio,
 * and the snapshot then holds what a full run would (the account's new score, every other score as it was).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protocolMessage, readStore, seedRecords, sendRuntimeMessage } from '../../scripts/harness/extension-page';
import { zendeskTicketUrl } from '../../scripts/harness/host-model';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { RESCORE_LAST_KEY, RESCORE_PROGRESS_KEY, settingsKey } from '../../lib/db/rescore';
import { localDay } from '../../lib/scoring/dates';
import type { AccountSummary } from '../../lib/schemas/messages';
import type { HealthSnapshot } from '../../lib/schemas/records';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings';
import { FIXTURE_ACCOUNTS } from '../fixtures/hosts/dataset';
import { openHostPage, seedFixturePortfolio, settledBadge } from './in-page-support';
import { launchForTest, resetFixtureDataset } from './support';

let session: ExtensionSession;
let options: Page;
const consoleErrors: string[] = [];
const today = localDay(new Date());

type MetaRow = { key: string; value: unknown };
const todays = async () => (await readStore<HealthSnapshot>(options, 'snapshots')).find((s) => s.date === today);
const lastFullRun = async () => (await readStore<MetaRow>(options, 'meta')).find((row) => row.key === RESCORE_LAST_KEY)?.value;

async function computedScore(keys: Record<string, string>): Promise<number | null> {
  const reply = await sendRuntimeMessage(options, protocolMessage('lookupAccount', keys));
  if (reply.err) throw new Error(reply.err.message);
  return (reply.res as { account: AccountSummary }).account.computedScore;
}

beforeAll(async () => {
  await resetFixtureDataset();
  session = await launchForTest();
  await seedFixturePortfolio(session);
  options = await session.openExtensionPage('options.html');
  // The records went in behind Dexie's back: a run the worker finds unfinished at its start scores them all. It
  // covers the change alarm opening the options page set (its settings defaults), which would otherwise make the
  // new worker rescore everything on the first change it sees, as it cannot know what that alarm was for.
  await session.serviceWorker.evaluate((name) => (globalThis as unknown as { chrome: { alarms: { clear(name: string): Promise<boolean> } } }).chrome.alarms.clear(name), 'sightline:rescore-after-change');
  await seedRecords(options, 'meta', [
    { key: RESCORE_PROGRESS_KEY, value: { date: today, settingsKey: settingsKey(DEFAULT_SETTINGS), startedAt: Date.now(), lastAccountId: '', done: 0, chunks: 0 } },
  ]);
  await session.restartServiceWorker();
  const deadline = Date.now() + 30_000;
  while ((await todays())?.accountIds.length !== FIXTURE_ACCOUNTS.length) {
    if (Date.now() > deadline) throw new Error('the resumed run did not write a snapshot of every fixture account within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

afterAll(async () => {
  await session?.close();
});

describe('a ticket recorded from a Zendesk visit', () => {
  it('rescores its account alone, into today’s snapshot, with the score the engine gives it', async () => {
    const before = (await todays())!;
    const fullRun = await lastFullRun();
    expect(fullRun).toMatchObject({ date: today, accounts: FIXTURE_ACCOUNTS.length });
    const acmeBefore = before.scores[before.accountIds.indexOf('acc-acme')];

    const page = await openHostPage(session, zendeskTicketUrl(101), consoleErrors);
    await settledBadge(page).waitFor({ state: 'attached' });
    await expect
      .poll(async () => (await readStore<{ zendeskId: number }>(options, 'tickets')).some((t) => t.zendeskId === 101), { timeout: 10_000 })
      .toBe(true);
    // The change alarm fires after Chrome's shortest delay (30 s).
    await expect.poll(async () => (await todays())?.computedAt, { timeout: 90_000, interval: 1000 }).toBeGreaterThan(before.computedAt);

    const after = (await todays())!;
    expect(await lastFullRun()).toEqual(fullRun); // no full run
    expect(after.accountIds).toEqual(before.accountIds);
    const acme = after.accountIds.indexOf('acc-acme');
    expect(after.scores[acme]).toBe(await computedScore({ zendeskOrgId: '360001' }));
    expect(after.scores[acme]).not.toBe(acmeBefore); // the ticket counts in engagement now
    expect(after.scores.filter((_, i) => i !== acme)).toEqual(before.scores.filter((_, i) => i !== acme));
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
