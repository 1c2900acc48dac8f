/**
 * In the page (issue 5): the badge on Zendesk and Salesforce record pages, the panel it opens, SPA navigation,
 * and the clear states for pages that cannot be read. Uses the hand-made fixture data set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts, seedRecords } from '../../scripts/harness/extension-page';
import { lightningRecordUrl, MISBEHAVING_IDS, zendeskTicketUrl } from '../../scripts/harness/host-model';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import { FIXTURE_ACCOUNTS, FIXTURE_CONTACTS } from '../fixtures/hosts/dataset';
import { launchForTest, resetFixtureDataset } from './support';

let session: ExtensionSession;
const consoleErrors: string[] = [];

beforeAll(async () => {
  await resetFixtureDataset();
  session = await launchForTest();
  const page = await session.openExtensionPage('options.html');
  await seedAccounts(page, FIXTURE_ACCOUNTS);
  await seedRecords(page, 'contacts', FIXTURE_CONTACTS);
  await page.close();
});

afterAll(async () => {
  await session?.close();
});

async function hostPage(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  page.on('console', (message) => {
    if (message.type() === 'error' && /sightline|content-scripts/i.test(message.text())) consoleErrors.push(message.text());
  });
  await page.goto(url);
  return page;
}

/** Accessible names on the page, read through CDP: the badge's shadow root is closed to page scripts and locators. */
async function accessibleNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown } }[] };
  await cdp.detach();
  return nodes.map((n) => String(n.name?.value ?? '')).filter(Boolean);
}

const settledBadge = (page: Page) => page.locator('sightline-badge:not([data-state="loading"])');

describe('Zendesk ticket page', () => {
  it('shows the badge beside the visible ticket and opens the panel', async () => {
    const page = await hostPage(zendeskTicketUrl(101));
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached' });
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('acc-acme');
    await expect(badge.getAttribute('data-placement')).resolves.toBe('inline');
    // Anchored in the visible ticket's header, at a sensible size whatever the page's root font size.
    const box = await badge.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(24);
    expect(box?.height).toBeLessThanOrEqual(32);
    await expect(page.locator('sightline-badge').count()).resolves.toBe(1);

    const names = await accessibleNames(page);
    expect(names.some((n) => n.includes('Acme Corp') && n.includes('matched by Zendesk organization 360001'))).toBe(true);

    await badge.click();
    const frame = page.locator('iframe[data-sightline="panel"]');
    await frame.waitFor();
    await expect(frame.getAttribute('src')).resolves.toMatch(/^chrome-extension:\/\/[a-p]{32}\/panel\.html\?host=zendesk&ticket=101&account=acc-acme$/);
    // The panel docks below the host's top bar: the header toolbar stays uncovered.
    const panelBox = await frame.boundingBox();
    const headerBox = await page.locator('[data-test-id="header-toolbar"]').boundingBox();
    expect(panelBox!.y).toBeGreaterThanOrEqual(headerBox!.y + headerBox!.height - 1);
    expect(panelBox!.width).toBeGreaterThanOrEqual(378); // 380 px less the wrapper's border
    expect(panelBox!.width).toBeLessThanOrEqual(380);
    await screenshot(page, 'in-page-zendesk-panel');

    await page.keyboard.press('Escape');
    await frame.waitFor({ state: 'detached' });
    await page.close();
  });

  it('follows SPA navigation between tickets without duplicating the badge', async () => {
    const page = await hostPage(zendeskTicketUrl(101));
    await settledBadge(page).waitFor({ state: 'attached' });
    for (const [ticket, account] of [[102, 'acc-globex'], [103, 'acc-initech'], [101, 'acc-acme']] as const) {
      await page.evaluate((path) => {
        history.pushState({}, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }, `/agent/tickets/${ticket}`);
      await expect.poll(() => page.locator('sightline-badge').getAttribute('data-account-id'), { timeout: 10_000 }).toBe(account);
      await expect(page.locator('sightline-badge').count()).resolves.toBe(1);
    }
    await page.evaluate(() => history.pushState({}, '', '/agent/dashboard'));
    await expect.poll(() => page.locator('sightline-badge').count(), { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  it('renders an account name with markup as plain text', async () => {
    const page = await hostPage(zendeskTicketUrl(102));
    await settledBadge(page).waitFor({ state: 'attached' });
    const names = await accessibleNames(page);
    expect(names.some((n) => n.includes('Globex <Holdings> & "Sons"'))).toBe(true);
    await page.close();
  });

  it.each([
    [MISBEHAVING_IDS.notFound, "Can't read this ticket: not found"],
    [MISBEHAVING_IDS.serverError, "Can't read this ticket: Zendesk answered 500"],
    [MISBEHAVING_IDS.html, "Can't read this ticket: Zendesk sent something other than JSON"],
  ])('says what went wrong when the API misbehaves (ticket %i)', async (id, message) => {
    const page = await hostPage(zendeskTicketUrl(id));
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached' });
    await expect(badge.getAttribute('data-state')).resolves.toBe('error');
    await expect(badge.getAttribute('data-band')).resolves.toBe('unknown');
    await expect.poll(async () => (await accessibleNames(page)).some((n) => n.includes(message))).toBe(true);
    await page.close();
  });
});

describe('Salesforce Lightning record pages', () => {
  const acme = FIXTURE_ACCOUNTS.find((a) => a.id === 'acc-acme')!;
  const hank = FIXTURE_CONTACTS.find((c) => c.id === 'con-hank')!;

  it('shows the badge on an Account page, matched by id', async () => {
    const page = await hostPage(lightningRecordUrl(acme.sfId!, 'Account'));
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached' });
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('acc-acme');
    await expect(badge.getAttribute('data-placement')).resolves.toBe('inline');
    await screenshot(page, 'in-page-salesforce-account');
    await page.close();
  });

  it('finds the Account linked from a Contact page', async () => {
    const page = await hostPage(lightningRecordUrl(hank.sfId!, 'Contact'));
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached' });
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('acc-globex');
    await page.close();
  });

  it('logged no errors from Sightline in any host page console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
