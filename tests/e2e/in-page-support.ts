/** Helpers shared by the in-page e2e files: host tabs that record our console errors, the shortcut, hit tests. */
import type { CDPSession, Locator, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { seedAccounts, seedRecords } from '../../scripts/harness/extension-page';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { FIXTURE_ACCOUNTS, FIXTURE_CONTACTS } from '../fixtures/hosts/dataset';

/** The badge once it shows a result (matched, no match or error). */
export const settledBadge = (page: Page) => page.locator('sightline-badge:not([data-state="loading"])');

/** Errors in a host page's console that come from Sightline's content scripts (not the host's own network noise). */
export function isOurConsoleError(text: string, locationUrl: string): boolean {
  return /sightline|content-scripts|chrome-extension:/i.test(text) || locationUrl.startsWith('chrome-extension://');
}

/**
 * A host tab, 1400×900, whose console errors and uncaught exceptions from our code land in `errors`: those of
 * the content scripts' isolated worlds through CDP (watchOurErrors), any naming Sightline through Playwright.
 */
export async function openHostPage(
  session: ExtensionSession,
  url: string,
  errors: string[],
  beforeLoad?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await watchOurErrors(page, errors);
  await beforeLoad?.(page);
  page.on('console', (message) => {
    if (message.type() === 'error' && isOurConsoleError(message.text(), message.location().url)) errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (isOurConsoleError(`${error.message}\n${error.stack ?? ''}`, '')) errors.push(`${page.url()}: ${error.message}`);
  });
  await page.goto(url);
  return page;
}

interface ExecutionContextDescription {
  id: number;
  name: string;
  auxData?: { type?: string };
}
interface RemoteObject {
  description?: string;
  value?: unknown;
}

/**
 * Uncaught exceptions and console.error calls from Sightline's content scripts in a page, through CDP: Playwright's
 * console and pageerror events do not report the extension's isolated worlds. Every world Sightline's content
 * scripts ever ran in counts, including an orphaned one after an update.
 */
export async function watchOurErrors(page: Page, errors: string[] = []): Promise<{ errors: string[]; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const ours = new Set<number>();
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContextDescription }) => {
    if (context.auxData?.type === 'isolated' && /sightline/i.test(context.name)) ours.add(context.id);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }: { exceptionDetails: { executionContextId?: number; url?: string; text: string; exception?: RemoteObject } }) => {
    if ((d.executionContextId !== undefined && ours.has(d.executionContextId)) || d.url?.startsWith('chrome-extension://')) {
      errors.push(`${page.url()}: ${d.exception?.description ?? d.text}`);
    }
  });
  cdp.on('Runtime.consoleAPICalled', ({ type, executionContextId, args }: { type: string; executionContextId: number; args: RemoteObject[] }) => {
    if ((type === 'error' || type === 'assert') && ours.has(executionContextId)) {
      errors.push(`${page.url()}: console.${type} ${args.map((a) => a.description ?? String(a.value)).join(' ')}`);
    }
  });
  await cdp.send('Runtime.enable'); // also reports the contexts that exist already
  return { errors, cdp };
}

/** Accessible names on the page, read through CDP: the badge's shadow root is closed to page scripts and locators. */
export async function accessibleNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown } }[] };
  await cdp.detach();
  return nodes.map((n) => String(n.name?.value ?? '')).filter(Boolean);
}

/** The fixture accounts and contacts, plus a month of product usage so every account has a health score. */
export async function seedFixturePortfolio(session: ExtensionSession): Promise<void> {
  const page = await session.openExtensionPage('options.html');
  await seedAccounts(page, FIXTURE_ACCOUNTS);
  await seedRecords(page, 'contacts', FIXTURE_CONTACTS);
  const today = new Date();
  const usage = FIXTURE_ACCOUNTS.flatMap((account, a) =>
    Array.from({ length: 30 }, (_, d) => ({
      accountId: account.id,
      date: new Date(today.getTime() - d * 86_400_000).toISOString().slice(0, 10),
      logins: 2 + a * 3,
      assessments: a % 2,
      reports: a,
      activeUsers: 1 + a * 2,
      usersInvited: 2 + a * 2,
      featuresUsed: 1 + a,
    })),
  );
  await seedRecords(page, 'usage', usage);
  await page.close();
}

/** Browser commands are handled by the browser UI, which page key events never reach (Playwright automates web
 * content only: microsoft/playwright#22447), so the shortcut is delivered as Chrome delivers it: by dispatching
 * `commands.onCommand` in the service worker, with the tab, to the listener the background registered. */
export async function pressPanelShortcut(worker: Worker, page: Page): Promise<void> {
  const dispatched = await worker.evaluate(async (url) => {
    interface ChromeApi {
      tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
      commands: { onCommand: { dispatch(command: string, tab: object): void } };
    }
    const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    if (!tab) return false;
    chrome.commands.onCommand.dispatch('toggle-panel', tab);
    return true;
  }, page.url());
  expect(dispatched, `no tab with ${page.url()}`).toBe(true);
}

/** The keyboard shortcut the browser has bound to the panel command (from the installed manifest). */
export function boundShortcut(worker: Worker): Promise<string | undefined> {
  return worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }).chrome;
    return (await chrome.commands.getAll()).find((c) => c.name === 'toggle-panel')?.shortcut;
  });
}

/**
 * Asserts a host control is fully on screen left of `panelLeft`, that the element at its centre is the control
 * itself (walking open shadow roots, never our iframe), and that a real click reaches it.
 */
export async function expectReachable(page: Page, control: Locator, panelLeft: number, what: string): Promise<void> {
  const box = await control.boundingBox();
  expect(box, `${what} is on the page`).not.toBeNull();
  expect(box!.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends left of the panel`).toBeLessThanOrEqual(panelLeft + 0.5);
  const centre = { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
  const hit = await control.evaluate((element, { x, y }) => {
    let found = document.elementFromPoint(x, y);
    const ours = Boolean(found?.closest('[data-sightline]'));
    while (found?.shadowRoot) {
      const inner = found.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === found) break;
      found = inner;
    }
    return { ours, isControl: found !== null && (found === element || element.contains(found)) };
  }, centre);
  expect(hit, `${what}: element at its centre`).toEqual({ ours: false, isControl: true });
  await control.click({ timeout: 3000 });
}

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  getExtensionsInfo(): Promise<{ id: string; runtimeErrors?: { message: string; source: string; contextUrl: string }[] }[]>;
}

/** Runs `action` on chrome://extensions, the one page that has chrome.developerPrivate. */
async function onExtensionsPage<T>(session: ExtensionSession, action: (page: Page) => Promise<T>): Promise<T> {
  const page = await session.context.newPage();
  try {
    await page.goto('chrome://extensions');
    return await action(page);
  } finally {
    await page.close();
  }
}

type WithDeveloperPrivate = { chrome: { developerPrivate: DeveloperPrivate } };

/**
 * Developer mode, as a person testing an unpacked build has it: Chrome then keeps reloaded unpacked extensions
 * enabled (without it, chrome.runtime.reload() disables them as "unsupported developer extension") and records
 * every error from the extension's scripts, content scripts in host pages included, in its error console.
 */
export function enableDeveloperMode(session: ExtensionSession): Promise<void> {
  return onExtensionsPage(session, (page) =>
    page.evaluate(() => (globalThis as unknown as WithDeveloperPrivate).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true })),
  );
}

/** Errors Chrome's extension error console recorded for Sightline ("source @ page: message"). */
export function extensionErrors(session: ExtensionSession): Promise<string[]> {
  return onExtensionsPage(session, (page) =>
    page.evaluate(async (id) => {
      const info = (await (globalThis as unknown as WithDeveloperPrivate).chrome.developerPrivate.getExtensionsInfo()).find((e) => e.id === id);
      return (info?.runtimeErrors ?? []).map((e) => `${e.source} @ ${e.contextUrl}: ${e.message}`);
    }, session.extensionId),
  );
}
