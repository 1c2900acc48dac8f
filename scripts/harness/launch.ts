/**
 * Starts Debian's Chromium with the built extension loaded (the recipe in /work/shared/TESTING.md): a fresh
 * profile in a per-run TMPDIR that is removed on close, the extension allowed explicitly (else Playwright's
 * --disable-extensions wins and the worker never starts), and the real host names mapped to the fixture server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { ping } from './extension-page';

/** The Chromium binary itself (/usr/bin/chromium is a shell wrapper that prints noise). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** `wxt build`'s output, found from this file so callers may run from any folder. */
export const DEFAULT_EXTENSION_PATH = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

export interface LaunchOptions {
  /** The unpacked extension (default `.output/chrome-mv3`). */
  extensionPath?: string;
  /** Port of the fixture server; the Zendesk and Salesforce host names resolve to it. Omitted: no mapping. */
  fixturePort?: number;
  /** Default: headless when there is no DISPLAY. */
  headless?: boolean;
  /** Browser window / page size. */
  viewport?: { width: number; height: number };
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://ID` */
  origin: string;
  /** The extension's current service worker (replaced by restartServiceWorker). */
  readonly serviceWorker: Worker;
  /** Opens `chrome-extension://ID/<path>` in a new tab, e.g. `popup.html`, `options.html#import`. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Stops the service worker as Chrome does when it goes idle (CDP Target.closeTarget on its target), then wakes
   * it with a message and returns the running worker. Tests prove the restart by `ping`'s startedAt changing.
   */
  restartServiceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export function chromiumArgs(extensionPath: string, fixturePort?: number): string[] {
  const args = [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--ignore-certificate-errors',
  ];
  if (fixturePort !== undefined) {
    // No quotes: there is no shell between us and Chromium, quotes would become part of the rule.
    const target = `127.0.0.1:${fixturePort}`;
    args.push(`--host-resolver-rules=MAP *.zendesk.com ${target}, MAP *.force.com ${target}, MAP *.salesforce.com ${target}`);
  }
  return args;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionPath = resolve(options.extensionPath ?? DEFAULT_EXTENSION_PATH);
  // Chromium leaves profile and temp folders behind; everything of this run goes under one folder we remove.
  const runDir = mkdtempSync(join(tmpdir(), 'sightline-run-'));
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(join(runDir, 'profile'), {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? !process.env.DISPLAY,
      args: chromiumArgs(extensionPath, options.fixturePort),
      ignoreHTTPSErrors: true,
      viewport,
      env: { ...process.env, TMPDIR: runDir },
    });
  } catch (error) {
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }

  const isOurs = (origin: string) => (worker: Worker) => worker.url().startsWith(`${origin}/`);
  const first = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(first.url()).host;
  const origin = `chrome-extension://${extensionId}`;
  let serviceWorker = first;

  const openExtensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`${origin}/${path.replace(/^\//, '')}`);
    return page;
  };

  let cdp: CDPSession | undefined;
  const browserSession = async () => {
    // A persistent context still has a Browser behind it; its CDP session sees every target, workers included.
    const browser = context.browser();
    if (!browser) throw new Error('no browser behind this context: cannot reach CDP');
    cdp ??= await browser.newBrowserCDPSession();
    return cdp;
  };
  const workerTargets = async () => {
    const { targetInfos } = (await (await browserSession()).send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`${origin}/`));
  };

  const restartServiceWorker = async () => {
    const session = await browserSession();
    const targets = await workerTargets();
    if (!targets.length) throw new Error('the extension has no running service worker to stop');
    // An extension page sends the pings: any runtime message wakes the worker, and a new start time proves the
    // restart. (Waiting for the target to go away is not enough: a panel's port reconnects at once and the new
    // worker may come back under the same target id.)
    const waker = await openExtensionPage('popup.html');
    const startedAt = () => ping(waker).then((p) => p.startedAt, () => undefined);
    try {
      const before = await startedAt();
      if (before === undefined) throw new Error('the service worker does not answer ping');
      for (const target of targets) await session.send('Target.closeTarget', { targetId: target.targetId });
      const restartedBy = Date.now() + 10_000;
      for (let now = await startedAt(); now === undefined || now === before; now = await startedAt()) {
        if (Date.now() > restartedBy) throw new Error('the service worker did not restart within 10 s');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await waker.close();
    }
    serviceWorker = context.serviceWorkers().find(isOurs(origin)) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs(origin), timeout: 10_000 }));
    return serviceWorker;
  };

  return {
    context,
    extensionId,
    origin,
    get serviceWorker() {
      return serviceWorker;
    },
    openExtensionPage,
    restartServiceWorker,
    close: async () => {
      try {
        await context.close();
      } finally {
        rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}
