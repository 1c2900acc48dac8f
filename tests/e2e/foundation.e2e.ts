/**
 * The foundation in real Chromium: the built extension loads, its service worker answers, the extension pages
 * render, the Zendesk content script reaches the background on a (fixture) Zendesk page, bad messages are refused
 * without harming the worker, and the database outlives a service-worker restart.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../lib/db/versions';
import { MAX_REQUEST_BYTES } from '../../lib/messaging/protocol';
import { fixtureRequests } from '../../scripts/harness/fixture-client';
import { ping, protocolMessage, readStore, seedAccounts, sendRuntimeMessage } from '../../scripts/harness/extension-page';
import { zendeskTicketUrl } from '../../scripts/harness/host-model';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import { FIXTURE_ACCOUNTS } from '../fixtures/hosts/dataset';
import { fixtureEndpoint, launchForTest, resetFixtureDataset } from './support';

let session: ExtensionSession;
/** An extension page kept open for messages and database access. */
let extensionPage: Page;
/** Uncaught errors in extension pages: a page that throws while rendering fails its test. */
const pageErrors: string[] = [];

beforeAll(async () => {
  await resetFixtureDataset();
  session = await launchForTest();
  session.context.on('weberror', (error) => pageErrors.push(String(error.error())));
  extensionPage = await session.openExtensionPage('options.html');
  await extensionPage.getByTestId('account-count').waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('extension', () => {
  it('loads and its service worker answers', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(session.serviceWorker.url()).toBe(`${session.origin}/background.js`);
    const { startedAt, schemaVersion } = await ping(extensionPage);
    expect(schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(startedAt).toBeLessThanOrEqual(Date.now());
  });

  it('renders the popup', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 420, height: 600 });
    await expect(popup.title()).resolves.toBe('Sightline');
    await popup.getByTestId('account-count').filter({ hasText: /\d+ accounts/ }).waitFor();
    await screenshot(popup, 'foundation-popup');
    await popup.close();
    expect(pageErrors).toEqual([]);
  });

  it('renders the options page', async () => {
    const options = await session.openExtensionPage('options.html');
    await expect(options.title()).resolves.toMatch(/^Sightline/);
    await options.getByTestId('account-count').filter({ hasText: /\d+ accounts/ }).waitFor();
    await screenshot(options, 'foundation-options', { fullPage: true });
    await options.close();
    expect(pageErrors).toEqual([]);
  });
});

describe('Zendesk content script', () => {
  beforeAll(async () => {
    await seedAccounts(extensionPage, FIXTURE_ACCOUNTS);
  });

  it('looks up the ticket requester’s account and shows the badge', async () => {
    const page = await session.context.newPage();
    const since = Date.now();
    await page.goto(zendeskTicketUrl(101));
    const badge = page.locator('sightline-badge[data-account-id]:not([data-account-id=""])');
    await badge.waitFor({ state: 'attached' });
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('acc-acme');
    await expect(badge.getAttribute('data-band')).resolves.toMatch(/^(healthy|at-risk|critical|unknown)$/);
    // The workspace keeps other open ticket tabs in the DOM (hidden); the visible one is ticket 101's.
    await expect.poll(() => page.locator('[data-test-id="workspace"]').count()).toBe(3);
    await expect(page.locator('[data-test-id="omni-header-subject"]:visible').inputValue()).resolves.toBe(
      'SSO login loops back to the sign-in page',
    );
    await screenshot(page, 'foundation-zendesk-ticket-101');

    // The content script read the ticket from the same-origin API with the agent's session cookie.
    const apiCalls = (await fixtureRequests(fixtureEndpoint())).filter((r) => r.at >= since && r.url.startsWith('/api/v2/tickets/101.json'));
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.every((r) => r.status === 200 && r.session)).toBe(true);
    await page.close();
  });

  it('shows no account for a requester on a personal email domain', async () => {
    const page = await session.context.newPage();
    await page.goto(zendeskTicketUrl(104));
    // The badge starts in a loading state (band unknown too); wait until the lookup has settled.
    const badge = page.locator('sightline-badge:not([data-state="loading"])');
    await badge.waitFor({ state: 'attached' });
    await expect(badge.getAttribute('data-state')).resolves.toBe('no-match');
    await expect(badge.getAttribute('data-band')).resolves.toBe('unknown');
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('');
    await page.close();
  });
});

describe('messaging', () => {
  it('rejects an unknown message type with a clear error', async () => {
    const reply = await sendRuntimeMessage(extensionPage, { type: 'bogus' });
    expect(reply.err?.message).toBe('unknown message type "bogus"');
  });

  it('rejects messages that are not envelopes at all', async () => {
    for (const message of ['hello', 42, [], { data: 1 }]) {
      const reply = await sendRuntimeMessage(extensionPage, message);
      expect(reply.err?.message, JSON.stringify(message)).toMatch(/^unknown message type/);
    }
  });

  it('rejects a lookupAccount with a bad payload, naming the field', async () => {
    const badEmail = await sendRuntimeMessage(extensionPage, protocolMessage('lookupAccount', { email: 'not-an-email' }));
    expect(badEmail.err?.message).toMatch(/^lookupAccount: email: expected an email address/);

    const badId = await sendRuntimeMessage(extensionPage, protocolMessage('lookupAccount', { sfId: 42 }));
    expect(badId.err?.message).toMatch(/^lookupAccount: sfId: /);

    const extraField = await sendRuntimeMessage(extensionPage, protocolMessage('lookupAccount', { email: 'a@b.co', dropTables: true }));
    expect(extraField.err?.message).toMatch(/dropTables/);
  });

  it('rejects a huge payload before parsing it', async () => {
    const reply = await sendRuntimeMessage(extensionPage, protocolMessage('lookupAccount', { name: 'x'.repeat(1_000_000) }));
    expect(reply.err?.message).toMatch(new RegExp(`more than the ${MAX_REQUEST_BYTES} allowed`));
  });

  it('keeps the same worker running after all of that', async () => {
    const before = await ping(extensionPage);
    const reply = await sendRuntimeMessage(extensionPage, protocolMessage('lookupAccount', { sfId: '001Dn00000AcMe1' }));
    expect(reply.res).toMatchObject({ status: 'matched', method: 'sf-id', account: { accountId: 'acc-acme' } });
    expect((await ping(extensionPage)).startedAt).toBe(before.startedAt);
  });
});

describe('service-worker restart', () => {
  it('keeps the database and answers from it after the worker restarts', async () => {
    await seedAccounts(extensionPage, FIXTURE_ACCOUNTS);
    const before = await ping(extensionPage);

    await session.restartServiceWorker();

    const after = await ping(extensionPage);
    expect(after.startedAt).toBeGreaterThan(before.startedAt);
    const ids = (await readStore<{ id: string }>(extensionPage, 'accounts')).map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(FIXTURE_ACCOUNTS.map((a) => a.id)));
    // The new worker reads the same database.
    const reply = await sendRuntimeMessage(extensionPage, protocolMessage('lookupAccount', { zendeskOrgId: '360002' }));
    expect(reply.res).toMatchObject({ status: 'matched', method: 'zendesk-org', account: { accountId: 'acc-globex' } });
    // And an extension page opened now sees them.
    const popup = await session.openExtensionPage('popup.html');
    await popup.getByTestId('account-count').filter({ hasText: `${ids.length} accounts` }).waitFor();
    await popup.close();
  });
});
