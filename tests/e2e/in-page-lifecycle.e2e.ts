/**
 * The session scripts' lifecycle on host pages (issue 5, robustness): nothing of Sightline's runs before the host
 * page's load event, the session script is injected after it; 100 SPA navigations leave one badge, at most one panel and
 * no more event listeners than before; tabs already open when the extension is updated get the new session script
 * without a reload, and the orphaned old one leaves no second badge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { protocolMessage, sendRuntimeMessage } from '../../scripts/harness/extension-page';
import { lightningRecordUrl, zendeskTicketUrl } from '../../scripts/harness/host-model';
import { HOLD_LOAD_PARAM } from '../../scripts/harness/fixture-server';
import { chromiumArgs, CHROMIUM_PATH, DEFAULT_EXTENSION_PATH, type ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import { FIXTURE_ACCOUNTS, FIXTURE_TICKETS } from '../fixtures/hosts/dataset';
import {
  enableDeveloperMode,
  extensionErrors,
  openHostPage,
  pressPanelShortcut,
  seedFixturePortfolio,
  settledBadge,
  watchOurErrors,
} from './in-page-support';
import { launchForTest, resetFixtureDataset } from './support';

let session: ExtensionSession;
const consoleErrors: string[] = [];

beforeAll(async () => {
  await resetFixtureDataset();
  session = await launchForTest();
  await seedFixturePortfolio(session);
});

afterAll(async () => {
  await session?.close();
});

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

/** The page's JavaScript worlds: the host's own (main) and Sightline's content script's (isolated). */
async function worlds(page: Page): Promise<{ cdp: CDPSession; main: number; ours: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => contexts.push(context));
  await cdp.send('Runtime.enable'); // reports the existing contexts
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const top = contexts.filter((c) => c.auxData?.frameId === frameTree.frame.id);
  const main = top.find((c) => c.auxData?.isDefault)?.id;
  const ours = top.findLast((c) => c.auxData?.type === 'isolated' && /sightline/i.test(c.name))?.id;
  if (main === undefined || ours === undefined) throw new Error(`worlds not found: ${JSON.stringify(top.map((c) => [c.name, c.auxData]))}`);
  return { cdp, main, ours };
}

/**
 * Event listeners on window, document and the Navigation API object as seen from one world, by target and type
 * (DOMDebugger.getEventListeners lists the listeners that world's scripts added).
 */
async function listenerCounts(cdp: CDPSession, contextId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const target of ['window', 'document', 'navigation']) {
    const { result } = (await cdp.send('Runtime.evaluate', { expression: target, contextId })) as { result: { objectId?: string } };
    if (!result.objectId) throw new Error(`no ${target} in context ${contextId}`);
    const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: 0 })) as {
      listeners: { type: string }[];
    };
    for (const { type } of listeners) counts[`${target}:${type}`] = (counts[`${target}:${type}`] ?? 0) + 1;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return counts;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function goTo(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

describe('100 SPA navigations on the Zendesk agent workspace', () => {
  it('leave one badge, at most one panel, no extra listeners and no console errors', async () => {
    const tickets = FIXTURE_TICKETS.map((t) => t.zendeskId);
    const page = await openHostPage(session, zendeskTicketUrl(tickets[0]!), consoleErrors);
    await settledBadge(page).waitFor({ state: 'attached' });
    // Warm up: one round over every ticket, so what the host creates once per ticket (its workspace tabs) exists
    // before counting.
    for (const id of tickets) {
      await goTo(page, `/agent/tickets/${id}`);
      await expect.poll(() => page.locator(`[data-test-id="ticket-breadcrumbs"]:visible`).count()).toBe(1);
    }
    const { cdp, main, ours } = await worlds(page);
    const before = { main: await listenerCounts(cdp, main), ours: await listenerCounts(cdp, ours) };
    expect(total(before.ours)).toBeGreaterThan(0); // the measure sees our listeners (navigation, keydown, message)

    for (let n = 0; n < 100; n++) {
      const ticket = FIXTURE_TICKETS[n % FIXTURE_TICKETS.length]!;
      await goTo(page, `/agent/tickets/${ticket.zendeskId}`);
      const badge = settledBadge(page);
      await expect
        .poll(async () => (await badge.count()) === 1 && (await badge.getAttribute('data-account-id')) === (ticket.accountId ?? ''), {
          timeout: 10_000,
        })
        .toBe(true);
      // Every tenth page also opens the panel (from the shortcut), which the next navigation must close.
      if (n % 10 === 9 && ticket.accountId) {
        await pressPanelShortcut(session.serviceWorker, page);
        await page.locator('iframe[data-sightline="panel"]').waitFor();
      }
    }

    await expect(page.locator('sightline-badge').count()).resolves.toBe(1);
    expect(await page.locator('iframe[data-sightline="panel"]').count()).toBeLessThanOrEqual(1);
    await expect(page.locator('style[data-sightline="panel-room"]').count()).resolves.toBeLessThanOrEqual(1);
    const after = { main: await listenerCounts(cdp, main), ours: await listenerCounts(cdp, ours) };
    expect(after.ours).toEqual(before.ours);
    expect(after.main).toEqual(before.main);
    expect(consoleErrors).toEqual([]);
    await cdp.detach();
    await page.close();
  });
});

describe('a host page loading', () => {
  it('runs nothing of Sightline before its load event; the session script is injected after it, once', async () => {
    const page = await session.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    // Every script of the page's worlds, Sightline's isolated one included, in the order the page met them.
    const events: string[] = [];
    cdp.on('Page.loadEventFired', () => events.push('load'));
    cdp.on('Debugger.scriptParsed', ({ url }: { url: string }) => {
      if (url.startsWith(`${session.origin}/`)) events.push(url.slice(session.origin.length));
    });
    await cdp.send('Page.enable');
    await cdp.send('Debugger.enable');
    await page.goto(zendeskTicketUrl(101));
    await settledBadge(page).waitFor({ state: 'attached' });
    await expect(settledBadge(page).getAttribute('data-account-id')).resolves.toBe('acc-acme');
    expect(events.filter((e) => e === 'load' || e.endsWith('.js'))).toEqual(['load', '/zendesk-session.js']);
    await cdp.detach();
    await page.close();
  });

  it('whose load is held back (an image that answers late) gets its badge once the load ends, not before', async () => {
    const page = await session.context.newPage();
    await page.goto(`${zendeskTicketUrl(101)}?${HOLD_LOAD_PARAM}=4000`, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-test-id="ticket-breadcrumbs"]:visible').waitFor();
    await page.waitForTimeout(1500);
    await expect(page.evaluate(() => document.readyState)).resolves.not.toBe('complete');
    await expect(page.locator('sightline-badge').count()).resolves.toBe(0);
    await page.waitForLoadState('load');
    await settledBadge(page).waitFor({ state: 'attached', timeout: 10_000 });
    await expect(settledBadge(page).getAttribute('data-account-id')).resolves.toBe('acc-acme');
    await expect(page.locator('sightline-badge').count()).resolves.toBe(1);
    await page.close();
  });
});

describe('tabs already open when the extension is updated', () => {
  it('get the new session script without a reload: one badge, with the score', async () => {
    const acme = FIXTURE_ACCOUNTS.find((a) => a.id === 'acc-acme')!;
    const zendesk = await openHostPage(session, zendeskTicketUrl(101), consoleErrors);
    const lightning = await openHostPage(session, lightningRecordUrl(acme.sfId!, 'Account'), consoleErrors);
    for (const page of [zendesk, lightning]) {
      await settledBadge(page).waitFor({ state: 'attached' });
      // Marks that survive only if the page is not reloaded, and tell the old badge from a new one.
      await page.evaluate(() => {
        document.documentElement.dataset.testNotReloaded = 'yes';
      });
      await page.locator('sightline-badge').evaluate((badge) => badge.setAttribute('data-test-old', 'yes'));
    }
    // Needed for the reload below (see enableDeveloperMode); switched on with the old scripts already running.
    await enableDeveloperMode(session);

    const old = session.serviceWorker;
    const restarted = session.context.waitForEvent('serviceworker', {
      predicate: (w: Worker) => w !== old && w.url().startsWith(`${session.origin}/`),
      timeout: 30_000,
    });
    // An update as Chrome performs it for an unpacked extension: the worker and every content script's link to
    // the extension end, the new version starts and gets runtime.onInstalled with reason "update".
    await old.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    const worker = await restarted;
    expect(worker.url()).toMatch(/background\.js$/);

    const expectedScore = await (async () => {
      const page = await session.context.newPage();
      await page.goto(`${session.origin}/popup.html`);
      const reply = (await sendRuntimeMessage(page, protocolMessage('lookupAccount', { sfId: acme.sfId! }))) as {
        res?: { account?: { score: number | null } };
      };
      await page.close();
      return reply.res?.account?.score;
    })();
    expect(expectedScore).toEqual(expect.any(Number));

    for (const page of [zendesk, lightning]) {
      const fresh = page.locator('sightline-badge:not([data-test-old]):not([data-state="loading"])');
      await fresh.waitFor({ state: 'attached', timeout: 15_000 });
      await expect.poll(() => page.locator('sightline-badge').count(), { timeout: 10_000 }).toBe(1);
      await expect(fresh.getAttribute('data-account-id')).resolves.toBe('acc-acme');
      await expect(fresh.getAttribute('data-score')).resolves.toBe(String(expectedScore));
      await expect(fresh.getAttribute('data-placement')).resolves.toBe('inline');
      await expect(page.evaluate(() => document.documentElement.dataset.testNotReloaded)).resolves.toBe('yes');
    }
    await screenshot(zendesk, 'in-page-after-update-zendesk');

    // The new script works: its badge opens the panel, and the shortcut reaches it through the new worker.
    await pressPanelShortcut(worker, zendesk);
    await zendesk.locator('iframe[data-sightline="panel"]').waitFor();
    await expect(zendesk.locator('iframe[data-sightline="panel"]').count()).resolves.toBe(1);
    // Includes the orphaned old scripts: invalidated when the new ones start, they must go quietly.
    expect(consoleErrors).toEqual([]);
    await expect(extensionErrors(session)).resolves.toEqual([]);
  });
});

describe('tabs already open when the extension is installed', () => {
  it('get the session script at install: one badge, without a reload', async () => {
    // A browser without Sightline; it is installed while a ticket is open, through CDP Extensions.loadUnpacked
    // (what "Load unpacked" does), so runtime.onInstalled fires with reason "install".
    const runDir = mkdtempSync(join(tmpdir(), 'sightline-install-'));
    const args = chromiumArgs(DEFAULT_EXTENSION_PATH, inject('fixturePort')).filter(
      (arg) => !arg.startsWith('--load-extension=') && !arg.startsWith('--disable-extensions-except='),
    );
    const context = await chromium.launchPersistentContext(join(runDir, 'profile'), {
      executablePath: CHROMIUM_PATH,
      headless: !process.env.DISPLAY,
      args: [...args, '--enable-unsafe-extension-debugging'],
      ignoreDefaultArgs: ['--disable-extensions'],
      ignoreHTTPSErrors: true,
      env: { ...process.env, TMPDIR: runDir },
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      await watchOurErrors(page, errors);
      await page.goto(zendeskTicketUrl(101));
      await page.locator('[data-test-id="ticket-breadcrumbs"]:visible').waitFor();
      await page.evaluate(() => {
        document.documentElement.dataset.testNotReloaded = 'yes';
      });
      await expect(page.locator('sightline-badge').count()).resolves.toBe(0);

      const cdp = await context.browser()!.newBrowserCDPSession();
      const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: DEFAULT_EXTENSION_PATH } as never)) as { id: string };
      expect(id).toMatch(/^[a-p]{32}$/);

      // A fresh install has no portfolio yet: the badge says so, beside the ticket, in the page as it was.
      const badge = settledBadge(page);
      await badge.waitFor({ state: 'attached', timeout: 15_000 });
      await expect(badge.getAttribute('data-state')).resolves.toBe('no-match');
      await expect(badge.getAttribute('data-placement')).resolves.toBe('inline');
      await expect(page.locator('sightline-badge').count()).resolves.toBe(1);
      await expect(page.evaluate(() => document.documentElement.dataset.testNotReloaded)).resolves.toBe('yes');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
    }
  });
});
