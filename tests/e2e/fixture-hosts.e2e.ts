/**
 * The fixture hosts behave like the real ones in the ways Sightline depends on, so the feature tests built on them
 * mean something: Zendesk's session-cookie API and its several hidden ticket tabs, SPA navigation without page
 * loads, Lightning's open shadow roots and console tabs, Classic record pages, and the misbehaving API answers.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFetch } from '../../scripts/harness/fixture-client';
import { seedAccounts } from '../../scripts/harness/extension-page';
import {
  buildHostModel,
  classicRecordUrl,
  lightningRecordUrl,
  MISBEHAVING_IDS,
  zendeskTicketUrl,
  zendeskUrl,
  type SalesforceRecord,
} from '../../scripts/harness/host-model';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import { FIXTURE_ACCOUNTS, FIXTURE_DATASET } from '../fixtures/hosts/dataset';
import { fixtureEndpoint, launchForTest, resetFixtureDataset } from './support';

const model = buildHostModel(FIXTURE_DATASET);
const record = (object: SalesforceRecord['object'], name: string): SalesforceRecord => {
  const found = [...model.salesforce.records.values()].find((r) => r.object === object && r.name === name);
  if (!found) throw new Error(`no ${object} ${name} in the fixture data set`);
  return found;
};
const acme = record('Account', 'Acme Corp');
const jane = record('Contact', 'Jane Doe');

let session: ExtensionSession;
let page: Page;

beforeAll(async () => {
  await resetFixtureDataset();
  session = await launchForTest();
  // With the accounts known, the badges in the screenshots show real matches.
  const options = await session.openExtensionPage('options.html');
  await options.getByTestId('account-count').waitFor();
  await seedAccounts(options, FIXTURE_ACCOUNTS);
  await options.close();
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

/** A marker on the window object survives history.pushState but not a page load. */
async function markWindow(): Promise<void> {
  await page.evaluate(() => Object.assign(window, { fixtureMarker: true }));
}
async function windowMarked(): Promise<boolean> {
  return page.evaluate(() => 'fixtureMarker' in window);
}

/** Waits until Sightline's badge has settled (any state but loading) so a screenshot shows it. */
async function badgeSettled(): Promise<void> {
  await page.locator('sightline-badge:not([data-state="loading"])').waitFor({ state: 'attached', timeout: 10_000 });
}

describe('Zendesk API', () => {
  it('answers 401 without the agent session cookie', async () => {
    const res = await fixtureFetch(fixtureEndpoint(), zendeskUrl('/api/v2/tickets/101.json'));
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ error: "Couldn't authenticate you" });
  });

  it('answers the page’s own requests in Zendesk’s shapes', async () => {
    await page.goto(zendeskTicketUrl(101));
    const get = (path: string) =>
      page.evaluate(async (p) => {
        const res = await fetch(p);
        return { status: res.status, type: res.headers.get('content-type'), body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
      }, path);

    const ticket = await get('/api/v2/tickets/101.json?include=users,organizations');
    expect(ticket.status).toBe(200);
    expect(ticket.body).toMatchObject({
      ticket: {
        id: 101,
        url: 'https://acme.zendesk.com/api/v2/tickets/101.json',
        subject: 'SSO login loops back to the sign-in page',
        status: 'open',
        priority: 'high',
        requester_id: 361000000001,
        organization_id: 360001,
        created_at: '2025-06-02T14:05:00Z',
        satisfaction_rating: { score: 'offered' },
      },
      users: [{ id: 361000000001, name: 'Jane Doe', email: 'jane.doe@acmecorp.com', organization_id: 360001 }],
      organizations: [{ id: 360001, name: 'Acme Corp', domain_names: ['acmecorp.com'], external_id: acme.id }],
    });
    const metrics = await get('/api/v2/tickets/102/metrics.json');
    expect(metrics.body).toMatchObject({ ticket_metric: { ticket_id: 102, reply_time_in_minutes: { calendar: 310 }, solved_at: '2025-06-03T11:00:00Z' } });
    const unanswered = await get('/api/v2/tickets/103/metrics.json');
    expect(unanswered.body).toMatchObject({ ticket_metric: { reply_time_in_minutes: { calendar: null, business: null } } });
    await expect(get('/api/v2/users/361000000001.json')).resolves.toMatchObject({ body: { user: { email: 'jane.doe@acmecorp.com' } } });
    await expect(get('/api/v2/organizations/360002.json')).resolves.toMatchObject({
      body: { organization: { name: 'Globex <Holdings> & "Sons"', domain_names: ['globex.io', 'globex-mail.io'] } },
    });

    expect(await get(`/api/v2/tickets/${MISBEHAVING_IDS.notFound}.json`)).toMatchObject({ status: 404, body: { error: 'RecordNotFound' } });
    expect(await get('/api/v2/tickets/424242.json')).toMatchObject({ status: 404 });
    expect(await get(`/api/v2/users/${MISBEHAVING_IDS.serverError}.json`)).toMatchObject({ status: 500 });
    expect(await get(`/api/v2/tickets/${MISBEHAVING_IDS.html}.json`)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    const hung = await page.evaluate(async (p) => {
      try {
        await fetch(p, { signal: AbortSignal.timeout(500) });
        return 'answered';
      } catch (error) {
        return (error as Error).name;
      }
    }, `/api/v2/tickets/${MISBEHAVING_IDS.hang}.json`);
    expect(hung).toBe('TimeoutError');
  });
});

describe('Zendesk agent workspace', () => {
  it('keeps several ticket tabs in the DOM and shows only the URL’s ticket', async () => {
    await page.goto(zendeskTicketUrl(102));
    const subjects = page.locator('[data-test-id="omni-header-subject"]');
    await expect.poll(() => subjects.count()).toBe(3);
    const shown = await subjects.evaluateAll((inputs) => inputs.filter((i) => i.checkVisibility()).map((i) => (i as HTMLInputElement).value));
    expect(shown).toEqual(['Export to CSV drops the last column']);
    await expect(page.locator('[data-test-id="header-tab"][aria-selected="true"]').textContent()).resolves.toContain('#102');
  });

  it('navigates with history.pushState, keeping the tabs, and goes back', async () => {
    await page.goto(zendeskTicketUrl(101));
    await page.locator('[data-test-id="breadcrumb-requester"]:visible').waitFor();
    await markWindow();

    await page.locator('[data-test-id="breadcrumb-requester"]:visible').click();
    await page.waitForURL(zendeskUrl('/agent/users/361000000001'));
    await page.locator('[data-test-id="user-profile-name"]:visible').filter({ hasText: 'Jane Doe' }).waitFor();
    await page.locator('[data-test-id="ticket-table-subject"]:visible').first().waitFor();
    expect(await windowMarked()).toBe(true);
    expect(await page.locator('[data-test-id="workspace"]').count()).toBe(4);

    await page.goBack();
    await page.waitForURL(zendeskTicketUrl(101));
    await page.locator('[data-test-id="omni-header-subject"]:visible').waitFor();
    expect(await windowMarked()).toBe(true);
  });

  it('shows an error in the tab when the API fails', async () => {
    await page.goto(zendeskTicketUrl(MISBEHAVING_IDS.serverError));
    await page.locator('[data-test-id="workspace-error"]:visible').filter({ hasText: '500' }).waitFor();
  });
});

describe('Salesforce Lightning', () => {
  it('renders a Contact with its Account link in the light DOM and the header in an open shadow root', async () => {
    await page.goto(lightningRecordUrl(jane.id, 'Contact'));
    await expect(page.title()).resolves.toBe('Jane Doe | Contact | Salesforce');
    const accountLink = page.locator(`records-record-layout-item[field-label="Account Name"] a[href="/lightning/r/${acme.id}/view"]`);
    await expect(accountLink.textContent()).resolves.toBe('Acme Corp');
    const header = await page.evaluate(() => {
      const root = document.querySelector('records-highlights2')?.shadowRoot;
      return { open: Boolean(root), title: root?.querySelector('.entityNameTitle')?.textContent, inLightDom: document.querySelector('.entityNameTitle') !== null };
    });
    expect(header).toEqual({ open: true, title: 'Contact', inLightDom: false });
    await badgeSettled();
    await screenshot(page, 'fixture-lightning-contact');
  });

  it('serves the short /lightning/r/ID/view form, 15-character ids, and a not-found page', async () => {
    await page.goto(lightningRecordUrl(acme.id.slice(0, 15)));
    await expect(page.title()).resolves.toBe('Acme Corp | Account | Salesforce');
    const wrongObject = await page.goto(lightningRecordUrl(acme.id, 'Contact'));
    expect(wrongObject?.status()).toBe(404);
    await page.locator('.forceRecordNotFound').waitFor();
  });

  it('keeps console workspace tabs in the DOM, one shown, and reuses a record’s tab', async () => {
    await page.goto(lightningRecordUrl(jane.id, 'Contact', 'acme-console'));
    const views = page.locator('.oneCenterStage > .oneContent');
    expect(await views.count()).toBe(3);
    expect(await page.locator('.oneCenterStage > .oneContent.active').count()).toBe(1);
    await badgeSettled();
    await screenshot(page, 'fixture-lightning-console-contact');
    await markWindow();

    // The Account link opens the Account's existing tab (opened under its long URL), without a page load.
    await page.locator(`.oneContent.active records-record-layout-item a[href="/lightning/r/${acme.id}/view"]`).click();
    await page.waitForURL(lightningRecordUrl(acme.id, 'Account', 'acme-console'));
    expect(await views.count()).toBe(3);
    await expect(page.locator('.tabBarItems .slds-is-active').textContent()).resolves.toBe('Acme Corp');
    expect(await windowMarked()).toBe(true);

    // A record not open yet gets a new tab, rendered client-side with its shadow roots.
    await page.locator('.oneContent.active lst-related-list-single-container').first().waitFor();
    const raj = record('Contact', 'Raj Patel');
    await page.evaluate((href) => {
      // Related lists render their links inside their own shadow roots.
      const roots = [...document.querySelectorAll('.oneContent.active lst-related-list-single-container')].map((c) => c.shadowRoot);
      roots.flatMap((r) => [...(r?.querySelectorAll<HTMLAnchorElement>(`a[href="${href}"]`) ?? [])])[0]?.click();
    }, `/lightning/r/${raj.id}/view`);
    await page.waitForURL(lightningRecordUrl(raj.id, undefined, 'acme-console'));
    await page.locator('.oneContent.active records-highlights2').waitFor();
    expect(await views.count()).toBe(4);
    expect(await page.evaluate(() => Boolean(document.querySelector('.oneContent.active records-highlights2')?.shadowRoot))).toBe(true);
    await expect(page.title()).resolves.toBe('Raj Patel | Contact | Salesforce');
  });
});

describe('Salesforce Classic', () => {
  it('renders a record page with the Account link by 15-character id', async () => {
    await page.goto(classicRecordUrl(jane.id));
    await expect(page.locator('.bPageTitle .pageDescription').textContent()).resolves.toContain('Jane Doe');
    await expect(page.locator(`.detailList a[href="/${acme.id.slice(0, 15)}"]`).textContent()).resolves.toBe('Acme Corp');
    await badgeSettled();
    await screenshot(page, 'fixture-classic-contact');
  });
});
