/**
 * In the page (issue 5): the badge on Zendesk and Salesforce record pages, the panel it opens (from the badge or
 * the keyboard shortcut) beside the host's own controls, SPA navigation, pages whose anchors render late, and the
 * clear states for pages that cannot be read. Uses the hand-made fixture data set.
 */
import { format, subDays } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRequests } from '../../scripts/harness/fixture-client';
import { RENDER_AFTER_PARAM } from '../../scripts/harness/fixture-server';
import { protocolMessage, readStore, seedRecords, sendRuntimeMessage } from '../../scripts/harness/extension-page';
import {
  buildHostModel,
  classicRecordUrl,
  lightningRecordUrl,
  MISBEHAVING_IDS,
  zendeskTicketUrl,
  zendeskUrl,
  type SalesforceObject,
} from '../../scripts/harness/host-model';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import { FIXTURE_ACCOUNTS, FIXTURE_CONTACTS, FIXTURE_DATASET } from '../fixtures/hosts/dataset';
import {
  accessibleNames,
  boundShortcut,
  expectReachable,
  openHostPage,
  pressPanelShortcut,
  seedFixturePortfolio,
  settledBadge,
} from './in-page-support';
import { fixtureEndpoint, launchForTest, resetFixtureDataset } from './support';

let session: ExtensionSession;
const consoleErrors: string[] = [];
const PANEL_WIDTH_PX = 360;

beforeAll(async () => {
  await resetFixtureDataset();
  session = await launchForTest();
  await seedFixturePortfolio(session);
});

afterAll(async () => {
  await session?.close();
});

const hostPage = (url: string) => openHostPage(session, url, consoleErrors);
const panelFrame = (page: Page) => page.locator('iframe[data-sightline="panel"]');

/** The badge's score as the background computes it for these keys (asked from an extension page). */
async function backgroundScore(keys: Record<string, string>): Promise<string> {
  const page = await session.openExtensionPage('popup.html');
  const reply = (await sendRuntimeMessage(page, protocolMessage('lookupAccount', keys))) as { res?: { status: string; account?: { score: number | null } } };
  await page.close();
  expect(reply.res?.status).toBe('matched');
  return reply.res?.account?.score === null || reply.res?.account?.score === undefined ? '' : String(reply.res.account.score);
}

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
    // The visit records the ticket (fresh engagement data): the badge then shows the score that includes it,
    // the one the background (and so the panel) computes now.
    const store = await session.openExtensionPage('popup.html');
    await expect
      .poll(async () => (await readStore<{ zendeskId: number }>(store, 'tickets')).some((t) => t.zendeskId === 101), { timeout: 10_000 })
      .toBe(true);
    // As the API gave them: the ticket's own facts, and the first reply time from its metrics.
    const fixture = FIXTURE_DATASET.tickets!.find((t) => t.zendeskId === 101)!;
    const stored = (await readStore<Record<string, unknown>>(store, 'tickets')).find((t) => t.zendeskId === 101);
    expect(stored).toMatchObject({
      accountId: 'acc-acme',
      createdAt: fixture.createdAt,
      status: fixture.status,
      priority: fixture.priority,
      satisfaction: fixture.satisfaction,
      firstReplyMinutes: fixture.firstReplyMinutes,
      organizationId: '360001',
      requesterEmail: 'jane.doe@acmecorp.com',
    });
    await store.close();
    const recorded = await backgroundScore({ zendeskOrgId: '360001' });
    await expect.poll(() => badge.getAttribute('data-score')).toBe(recorded);

    const names = await accessibleNames(page);
    expect(names.some((n) => n.includes('Acme Corp') && n.includes('matched by Zendesk organization 360001'))).toBe(true);

    await badge.click();
    const frame = panelFrame(page);
    await frame.waitFor();
    await expect(frame.getAttribute('src')).resolves.toMatch(/^chrome-extension:\/\/[a-p]{32}\/panel\.html\?host=zendesk&ticket=101&account=acc-acme$/);
    // Docked right, below the host's top bar; the page gives up the panel's width, so the ticket's own controls
    // (reply editor, submit button, context panel, header tools) reflow beside it instead of under it.
    const panelBox = (await frame.boundingBox())!;
    const headerBox = (await page.locator('[data-test-id="header-toolbar"]').boundingBox())!;
    expect(panelBox.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height - 1);
    expect(panelBox.x + panelBox.width).toBeCloseTo(1400, 0);
    expect(panelBox.width).toBeGreaterThanOrEqual(PANEL_WIDTH_PX - 1); // less the wrapper's border
    expect(panelBox.width).toBeLessThanOrEqual(PANEL_WIDTH_PX);
    const panelLeft = 1400 - PANEL_WIDTH_PX;
    await expectReachable(page, page.locator('[data-test-id="ticket-editor"] textarea:visible'), panelLeft, 'reply editor');
    await expectReachable(page, page.locator('[data-test-id="submit_button-button"]:visible'), panelLeft, 'submit button');
    await expectReachable(page, page.locator('[data-test-id="context-panel"]:visible h3'), panelLeft, 'context panel');
    await expectReachable(page, page.locator('[data-test-id="header-search"]'), panelLeft, 'header search');
    await screenshot(page, 'in-page-zendesk-panel');

    await page.keyboard.press('Escape');
    await frame.waitFor({ state: 'detached' });
    // Closing gives the width back.
    const submit = (await page.locator('[data-test-id="submit_button-button"]:visible').boundingBox())!;
    expect(submit.x + submit.width).toBeGreaterThan(panelLeft);
    await page.close();
  });

  it('shows the badge on user and organization pages, matched through the API, beside the name', async () => {
    const model = buildHostModel(FIXTURE_DATASET);
    const jane = [...model.zendesk.users.values()].find((u) => u.email === 'jane.doe@acmecorp.com')!;
    const pages: [path: string, accountId: string, nameTestId: string, method: string][] = [
      [`/agent/users/${jane.id}`, 'acc-acme', 'user-profile-name', 'Zendesk organization 360001'],
      ['/agent/organizations/360002', 'acc-globex', 'organization-name', 'Zendesk organization 360002'],
    ];
    for (const [path, accountId, nameTestId, method] of pages) {
      const page = await hostPage(zendeskUrl(path));
      const badge = settledBadge(page);
      await badge.waitFor({ state: 'attached' });
      await expect(badge.getAttribute('data-state')).resolves.toBe('matched');
      await expect(badge.getAttribute('data-account-id')).resolves.toBe(accountId);
      await expect(badge.getAttribute('data-score')).resolves.toMatch(/^\d+$/);
      // Inside the page's heading, beside the name.
      await expect(page.locator(`[data-test-id="${nameTestId}"] sightline-badge`).count()).resolves.toBe(1);
      expect((await accessibleNames(page)).some((n) => n.includes(`matched by ${method}`))).toBe(true);
      await screenshot(page, `in-page-zendesk-${nameTestId}`);
      await badge.click();
      await expect(panelFrame(page).getAttribute('src')).resolves.toMatch(new RegExp(`panel\\.html\\?host=zendesk&account=${accountId}$`));
      await page.close();
    }
  });

  it('opens and closes the panel with the keyboard shortcut, and ignores it where no customer is shown', async () => {
    await expect(boundShortcut(session.serviceWorker)).resolves.toBe('Alt+Shift+S');
    const page = await hostPage(zendeskTicketUrl(103));
    await settledBadge(page).waitFor({ state: 'attached' });
    await pressPanelShortcut(session.serviceWorker, page);
    await panelFrame(page).waitFor();
    await expect(panelFrame(page).getAttribute('src')).resolves.toContain('ticket=103&account=acc-initech');
    await pressPanelShortcut(session.serviceWorker, page);
    await panelFrame(page).waitFor({ state: 'detached' });

    // The dashboard runs the content script but shows no customer: the shortcut does nothing there.
    await page.evaluate(() => {
      history.pushState({}, '', '/agent/dashboard');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect.poll(() => page.locator('sightline-badge').count()).toBe(0);
    await pressPanelShortcut(session.serviceWorker, page);
    // A later toggle on a customer page proves the command round trip has finished; none opened meanwhile.
    await page.evaluate(() => {
      history.pushState({}, '', '/agent/tickets/101');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await settledBadge(page).waitFor({ state: 'attached' });
    await expect(panelFrame(page).count()).resolves.toBe(0);
    await pressPanelShortcut(session.serviceWorker, page);
    await panelFrame(page).waitFor();
    await expect(page.locator('iframe[data-sightline="panel"]').count()).resolves.toBe(1);
    await page.close();

    // A tab without Sightline's content script: the background swallows "no receiver" and nothing breaks.
    const other = await session.openExtensionPage('popup.html');
    await pressPanelShortcut(session.serviceWorker, other);
    await other.close();
  });

  it('places the badge beside the ticket when the workspace renders it after the content script has started', async () => {
    // Zendesk renders the ticket from its API: hold that answer so the ticket header appears late.
    const page = await openHostPage(session, zendeskTicketUrl(102), consoleErrors, (p) =>
      p.route('**/api/v2/tickets/102.json*', async (route) => {
        await new Promise((r) => setTimeout(r, 2000));
        await route.continue();
      }),
    );
    // document_idle has passed (load fired) and the header is not there yet.
    await expect(page.locator('[data-test-id="ticket-breadcrumbs"]:visible').count()).resolves.toBe(0);
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached', timeout: 10_000 });
    await expect(badge.getAttribute('data-placement')).resolves.toBe('inline');
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('acc-globex');
    await expect(page.locator('[data-test-id="ticket-breadcrumbs"]:visible sightline-badge').count()).resolves.toBe(1);
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
      // Beside the title of the ticket now shown, not in the header of the one left (which the workspace hides).
      const where = (badge: Element) => ({ visible: badge.checkVisibility(), title: badge.closest('[data-test-id="ticket-breadcrumbs"]')?.textContent ?? '' });
      await expect.poll(() => page.locator('sightline-badge').evaluate(where)).toEqual({ visible: true, title: expect.stringContaining(`Ticket #${ticket}`) });
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

  it('shows a ticket Sightline already holds before the API answers, and the API still has the last word', async () => {
    // Ticket 990408's API call hangs (the fixture answers 504 after 10 s; the content script gives up after 8 s).
    const store = await session.openExtensionPage('popup.html');
    await seedRecords(store, 'tickets', [
      {
        zendeskId: MISBEHAVING_IDS.hang, accountId: 'acc-globex', organizationId: '360002', requesterEmail: 'someone@globex.example',
        createdAt: Date.now() - 86_400_000, firstReplyMinutes: null, solvedAt: null, status: 'open', priority: 'normal', satisfaction: 'unoffered',
      },
    ]);
    await store.close();
    const page = await hostPage(zendeskTicketUrl(MISBEHAVING_IDS.hang));
    const badge = page.locator('sightline-badge');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 4000 }).toBe('matched');
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('acc-globex');
    await expect(badge.getAttribute('data-score')).resolves.toMatch(/^\d+$/);
    // The panel opens on the stored answer, before the page's own read has answered.
    await badge.click();
    await expect(panelFrame(page).getAttribute('src')).resolves.toContain(`ticket=${MISBEHAVING_IDS.hang}&account=acc-globex`);
    await page.keyboard.press('Escape');
    await panelFrame(page).waitFor({ state: 'detached' });
    // The host renders no title for it (its own call hangs too): the read starts once the badge floats (4 s) and the
    // page has stayed half a second, then times out (8 s).
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 20_000 }).toBe('error');
    await expect.poll(async () => (await accessibleNames(page)).some((n) => n.includes("Can't read this ticket: Zendesk did not answer"))).toBe(true);
    await page.close();
  });

  it('reads a stored ticket from the API only once the agent stays on it, not while flicking past it', async () => {
    const store = await session.openExtensionPage('popup.html');
    await seedRecords(store, 'tickets', [
      {
        zendeskId: 103, accountId: 'acc-initech', requesterEmail: 'peter@initech.com', createdAt: Date.now() - 86_400_000,
        firstReplyMinutes: null, solvedAt: null, status: 'new', priority: null, satisfaction: 'unoffered',
      },
    ]);
    await store.close();
    const page = await hostPage(zendeskUrl('/agent/dashboard'));
    const go = (path: string) =>
      page.evaluate((to) => {
        history.pushState({}, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, path);
    const apiReads = async (since: number) =>
      (await fixtureRequests(fixtureEndpoint())).filter((r) => r.at >= since && r.url.startsWith('/api/v2/tickets/103.json')).length;

    // Passing through: the badge shows the stored answer, and the only read of the ticket is the host's own.
    const since = Date.now();
    await go('/agent/tickets/103');
    const badge = page.locator('sightline-badge[data-account-id="acc-initech"]');
    // Left as soon as the badge has its score (checked every frame inside the page, well within the half second).
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('sightline-badge[data-account-id="acc-initech"]')?.getAttribute('data-score') ?? ''), undefined, { polling: 'raf' });
    await go('/agent/dashboard');
    await expect.poll(() => page.locator('sightline-badge').count()).toBe(0);
    await page.waitForTimeout(1500);
    expect(await apiReads(since)).toBe(1);

    // Staying: the host shows its open tab without reading again; Sightline confirms the stored answer with one read.
    await go('/agent/tickets/103');
    await expect.poll(() => badge.getAttribute('data-score')).toMatch(/^\d+$/);
    await expect.poll(() => apiReads(since), { timeout: 5000 }).toBe(2);
    await expect(badge.getAttribute('data-state')).resolves.toBe('matched');
    await page.close();
  });

  it('shows its trend and stale marker, and is reached with Tab and opened with Enter', async () => {
    const day = (daysAgo: number) => format(subDays(new Date(), daysAgo), 'yyyy-MM-dd');
    const now = Number(await backgroundScore({ email: 'peter@initech.com' }));
    const past = now > 50 ? now - 20 : now + 20;
    const store = await session.openExtensionPage('popup.html');
    // A snapshot from 30 days ago, and a survey answer older than the stale age (30 days) as the newest NPS input.
    await seedRecords(store, 'snapshots', [{ date: day(30), computedAt: 1, accountIds: ['acc-initech'], scores: [past] }]);
    await seedRecords(store, 'nps', [{ id: 'nps-initech-old', accountId: 'acc-initech', score: 9, date: day(400) }]);
    await store.close();
    const current = Number(await backgroundScore({ email: 'peter@initech.com' }));
    const trend = `${current > past ? '▲' : '▼'}${Math.abs(current - past)} in 30 d`;

    const page = await hostPage(zendeskTicketUrl(103));
    const badge = page.locator('sightline-badge[data-state="matched"]');
    await badge.waitFor({ state: 'attached' });
    await expect.poll(async () => (await accessibleNames(page)).find((n) => n.includes('Sightline: '))).toContain(trend);
    expect((await accessibleNames(page)).find((n) => n.includes('Sightline: '))).toContain('some inputs are stale');
    await screenshot(page, 'in-page-zendesk-badge-trend-stale');

    // From the top of the page, Tab reaches the badge's button (focus inside a closed shadow root shows as its host).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let reached = false;
    for (let presses = 0; presses < 40 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.tagName === 'SIGHTLINE-BADGE');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect(panelFrame(page).getAttribute('src')).resolves.toContain('ticket=103&account=acc-initech');
    await page.close();
  });

  it("says to sign in again when the agent's Zendesk session has ended (the API answers 401)", async () => {
    const page = await hostPage(zendeskTicketUrl(101));
    await settledBadge(page).waitFor({ state: 'attached' });
    // Signed out in another tab: the session cookie is gone, and the next ticket's API read is refused.
    await page.context().clearCookies({ domain: 'acme.zendesk.com' });
    await page.evaluate(() => {
      history.pushState({}, '', '/agent/tickets/106');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    const badge = page.locator('sightline-badge');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 10_000 }).toBe('error');
    await expect(badge.getAttribute('data-band')).resolves.toBe('unknown');
    await expect.poll(async () => (await accessibleNames(page)).some((n) => n.includes("Can't read this ticket: sign in to Zendesk again"))).toBe(true);
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

describe('Salesforce record pages', () => {
  const model = buildHostModel(FIXTURE_DATASET);
  const acme = FIXTURE_ACCOUNTS.find((a) => a.id === 'acc-acme')!;
  const globex = FIXTURE_ACCOUNTS.find((a) => a.id === 'acc-globex')!;
  const hank = FIXTURE_CONTACTS.find((c) => c.id === 'con-hank')!;
  /** A fixture record of `object` whose Account is `accountSfId` (ids derived by the fixture hosts). */
  const recordOf = (object: SalesforceObject, accountSfId: string) =>
    [...model.salesforce.records.values()].find((r) => r.object === object && r.accountId === accountSfId)!.id;

  it('shows the badge on an Account page, matched by id, and opens the panel beside the record actions', async () => {
    const page = await hostPage(lightningRecordUrl(acme.sfId!, 'Account'));
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached' });
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('acc-acme');
    await expect(badge.getAttribute('data-placement')).resolves.toBe('inline');
    await expect(badge.getAttribute('data-score')).resolves.toBe(await backgroundScore({ sfId: acme.sfId! }));
    await screenshot(page, 'in-page-salesforce-account');

    await badge.click();
    await panelFrame(page).waitFor();
    const panelLeft = 1400 - PANEL_WIDTH_PX;
    for (const action of ['Follow', 'Edit', 'Delete']) {
      await expectReachable(page, page.locator('.oneContent.active records-highlights2 .actionsContainer button', { hasText: action }), panelLeft, `${action} action`);
    }
    await expectReachable(page, page.locator('.oneContent.active .slds-tabs_default__link', { hasText: 'Related' }), panelLeft, 'Related tab');
    await screenshot(page, 'in-page-salesforce-panel');
    await page.keyboard.press('Escape');
    await panelFrame(page).waitFor({ state: 'detached' });
    await page.close();
  });

  // Contact, Opportunity and Case pages match by the Account linked on the page; short and Classic URLs too.
  it.each<[string, () => string, string]>([
    ['Contact (long URL)', () => lightningRecordUrl(hank.sfId!, 'Contact'), 'acc-globex'],
    ['Contact (short URL, 15-character id)', () => lightningRecordUrl(hank.sfId!.slice(0, 15)), 'acc-globex'],
    ['Opportunity (long URL)', () => lightningRecordUrl(recordOf('Opportunity', globex.sfId!), 'Opportunity'), 'acc-globex'],
    ['Opportunity (short URL)', () => lightningRecordUrl(recordOf('Opportunity', acme.sfId!)), 'acc-acme'],
    ['Case (long URL)', () => lightningRecordUrl(recordOf('Case', acme.sfId!), 'Case'), 'acc-acme'],
    ['Case (short URL)', () => lightningRecordUrl(recordOf('Case', globex.sfId!)), 'acc-globex'],
    ['Account (short URL)', () => lightningRecordUrl(globex.sfId!), 'acc-globex'],
    ['Account (Classic)', () => classicRecordUrl(acme.sfId!), 'acc-acme'],
    ['Contact (Classic)', () => classicRecordUrl(hank.sfId!), 'acc-globex'],
    ['Case (Classic)', () => classicRecordUrl(recordOf('Case', acme.sfId!)), 'acc-acme'],
  ])('matches a %s by its Account', async (_what, url, accountId) => {
    const page = await hostPage(url());
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached' });
    await expect(badge.getAttribute('data-state')).resolves.toBe('matched');
    await expect(badge.getAttribute('data-account-id')).resolves.toBe(accountId);
    await expect(badge.getAttribute('data-placement')).resolves.toBe('inline');
    await expect(page.locator('sightline-badge').count()).resolves.toBe(1);
    await page.close();
  });

  it("follows the console app's workspace tabs: one badge, in the shown record, for that record's account", async () => {
    // The console restores the agent's tabs: Acme's and Globex's Accounts beside the Contact opened.
    const page = await hostPage(lightningRecordUrl(hank.sfId!, 'Contact', 'acme-console'));
    const shownBadge = page.locator('.oneCenterStage > .oneContent.active sightline-badge:not([data-state="loading"])');
    await shownBadge.waitFor({ state: 'attached' });
    await expect(page.locator('.oneCenterStage > .oneContent').count()).resolves.toBe(3);
    await expect(shownBadge.getAttribute('data-account-id')).resolves.toBe('acc-globex');

    const tab = (label: string) => page.locator('.tabBarItems a[role="tab"]', { hasText: label });
    await tab(acme.name).click();
    await page.waitForURL(lightningRecordUrl(acme.sfId!, 'Account', 'acme-console'));
    await expect.poll(() => shownBadge.getAttribute('data-account-id')).toBe('acc-acme');
    await expect(shownBadge.getAttribute('data-placement')).resolves.toBe('inline');
    await expect(page.locator('sightline-badge').count()).resolves.toBe(1);
    await screenshot(page, 'in-page-salesforce-console-tabs');

    await tab(hank.name).click();
    await expect.poll(() => shownBadge.getAttribute('data-account-id')).toBe('acc-globex');
    await expect(page.locator('sightline-badge').count()).resolves.toBe(1);
    await page.close();
  });

  it('places the badge when Lightning renders the record after the content script has started', async () => {
    const page = await hostPage(`${lightningRecordUrl(hank.sfId!, 'Contact')}?${RENDER_AFTER_PARAM}=2000`);
    await page.waitForLoadState('load');
    // document_idle has passed and neither the record header nor its Account link exists yet.
    await expect(page.locator('.oneContent.active records-highlights2').count()).resolves.toBe(0);
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached', timeout: 10_000 });
    await expect(badge.getAttribute('data-placement')).resolves.toBe('inline');
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('acc-globex');
    await page.close();
  });

  it('moves the badge from the overlay to beside the title when the record renders very late', async () => {
    const page = await hostPage(`${lightningRecordUrl(acme.sfId!, 'Account')}?${RENDER_AFTER_PARAM}=6000`);
    const badge = settledBadge(page);
    // Past the first wait for a title the badge floats, already showing the account...
    await badge.waitFor({ state: 'attached', timeout: 10_000 });
    await expect(badge.getAttribute('data-placement')).resolves.toBe('overlay');
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('acc-acme');
    // ...and moves beside the title once Lightning renders it.
    await expect.poll(() => badge.getAttribute('data-placement'), { timeout: 10_000 }).toBe('inline');
    await expect(page.locator('sightline-badge').count()).resolves.toBe(1);
    const title = (await page.locator('.oneContent.active records-highlights2 h1').boundingBox())!;
    const box = (await badge.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(title.y - 8);
    expect(box.y + box.height).toBeLessThanOrEqual(title.y + title.height + 8);
    await page.close();
  });

  it.each([
    ['an Account URL carrying a Contact id', () => lightningRecordUrl(hank.sfId!, 'Account'), "Can't read this record: the address names an Account but its id belongs to a Contact"],
    ['a Case URL carrying an Account id', () => lightningRecordUrl(acme.sfId!, 'Case'), "Can't read this record: the address names a Case but its id belongs to an Account"],
    ['a malformed id', () => lightningRecordUrl('001-not-an-id', 'Account'), "Can't read this record: the address has no valid Account id"],
  ])('says what is wrong with %s', async (_what, url, message) => {
    const page = await hostPage(url());
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached', timeout: 10_000 });
    await expect(badge.getAttribute('data-state')).resolves.toBe('error');
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('');
    await expect.poll(async () => (await accessibleNames(page)).some((n) => n.includes(message))).toBe(true);
    await page.close();
  });

  it('shows no badge on pages that are not records it reads, and stays quiet', async () => {
    for (const url of [
      'https://acme.lightning.force.com/lightning/r/Lead/00QDn00000KkD4qIAF/view',
      'https://acme.lightning.force.com/lightning/r/00QDn00000KkD4qIAF/view',
      zendeskUrl('/agent/tickets/not-a-number'),
      zendeskUrl('/agent/dashboard'),
    ]) {
      const page = await hostPage(url);
      await page.waitForLoadState('load');
      await page.waitForTimeout(500);
      await expect(page.locator('sightline-badge').count(), url).resolves.toBe(0);
      await page.close();
    }
  });
});

describe('what the host page can reach', () => {
  it('cannot read the badge or the panel, and cannot command the panel', async () => {
    const page = await hostPage(zendeskTicketUrl(101));
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached' });
    await badge.click();
    await panelFrame(page).waitFor();
    // Everything below runs as the host page's own script (the main world).
    const seen = await page.evaluate(() => {
      const host = document.querySelector('sightline-badge');
      const iframe = document.querySelector<HTMLIFrameElement>('iframe[data-sightline="panel"]');
      let panelDocument: string;
      try {
        panelDocument = String(iframe?.contentWindow?.document.body.textContent);
      } catch (error) {
        panelDocument = `refused: ${(error as Error).name}`;
      }
      return {
        shadowRoot: host?.shadowRoot ?? null,
        badgeMarkup: host?.outerHTML ?? '',
        contentDocument: iframe?.contentDocument ?? null,
        panelDocument,
      };
    });
    expect(seen.shadowRoot).toBeNull();
    expect(seen.badgeMarkup).not.toContain('Acme');
    expect(seen.badgeMarkup).toMatch(/^<sightline-badge [^>]*><\/sightline-badge>$/);
    expect(seen.contentDocument).toBeNull();
    expect(seen.panelDocument).toBe('refused: SecurityError');

    // The page posts the panel's own messages and a synthetic Escape: none of them closes the panel.
    await page.evaluate(() => {
      window.postMessage({ type: 'sightline:close' }, '*');
      window.postMessage({ type: 'sightline:linked' }, '*');
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await page.waitForTimeout(300);
    await expect(panelFrame(page).count()).resolves.toBe(1);
    // A person pressing Escape does close it.
    await page.keyboard.press('Escape');
    await panelFrame(page).waitFor({ state: 'detached' });
    await page.close();
  });

  it('cannot click the panel through something see-through laid over it (click-jacking)', async () => {
    const page = await hostPage(zendeskTicketUrl(101));
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached' });
    await badge.click();
    const panel = page.frameLocator('iframe[data-sightline="panel"]');
    const openOverride = panel.getByTestId('override-open');
    await panel.getByTestId('factor-usage').waitFor();
    /** Clicks where the override link is now, as the host page's layer would pass a person's click on. */
    const clickOverride = async () => {
      const box = (await openOverride.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    };

    // The host page covers the panel with a near-transparent layer that lets clicks through to it.
    await page.evaluate(() => {
      const frame = document.querySelector('iframe[data-sightline="panel"]')!.getBoundingClientRect();
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.style.cssText = `position:fixed;left:${frame.left}px;top:${frame.top}px;width:${frame.width}px;height:${frame.height}px;opacity:0.01;background:#fff;pointer-events:none;z-index:2147483647`;
      document.body.append(cover);
    });
    await panel.getByTestId('panel-obscured').waitFor();
    await clickOverride();
    await page.waitForTimeout(300);
    await expect(panel.getByTestId('override-score').count()).resolves.toBe(0);
    await screenshot(page, 'in-page-panel-covered');

    // Uncovered, the same click works.
    await page.evaluate(() => document.getElementById('cover')?.remove());
    await panel.getByTestId('panel-obscured').waitFor({ state: 'detached' });
    await clickOverride();
    await panel.getByTestId('override-score').waitFor();
    await page.close();
  });
});

describe('badge size', () => {
  it.each([
    ['zendesk', () => zendeskTicketUrl(101), '[data-test-id="ticket-pane-header"]:visible'],
    ['salesforce', () => lightningRecordUrl(FIXTURE_ACCOUNTS[0]!.sfId!, 'Account'), '.oneContent.active records-highlights2'],
  ])('is the same at a large host root font size (%s)', async (host, url, header) => {
    const page = await hostPage(url());
    const badge = settledBadge(page);
    await badge.waitFor({ state: 'attached' });
    const normal = (await badge.boundingBox())!;
    expect(normal.height).toBeGreaterThanOrEqual(24);
    expect(normal.height).toBeLessThanOrEqual(32);
    await screenshot(page.locator(header), `in-page-${host}-badge-normal`);
    // 24 px root font: anything sized in rem would now be 1.5–1.7× larger.
    const remPx = await page.evaluate(() => {
      document.documentElement.style.fontSize = '24px';
      return parseFloat(getComputedStyle(document.documentElement).fontSize);
    });
    expect(remPx).toBe(24);
    // The host's rem-based text grows; the badge (px inside its shadow root) does not.
    const large = (await badge.boundingBox())!;
    expect(large.height).toBeCloseTo(normal.height, 0);
    expect(large.width).toBeCloseTo(normal.width, 0);
    await screenshot(page.locator(header), `in-page-${host}-badge-large-root-font`);
    await page.close();
  });
});

describe('host page consoles', () => {
  it('logged no errors from Sightline in any host page console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
