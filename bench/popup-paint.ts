/**
 * Issue 7: the popup's first paint with its numbers, at `--popup-accounts` (default 10k; goal ≤ 150 ms) and at
 * `--accounts` (default 100k; reported), each as it usually opens (from the views stored after rescoring) and as it
 * opens when those do not fit yet (from the whole digest), next to the floor page
 * (bench/pages/popup-floor.ts: reads ONE precomputed record and paints it); and the report page's time to
 * interactive at `--accounts`.
 *
 * The contract the pages keep: once their numbers are painted they set `data-ready="true"` on <html> and mark
 * `sightline:ready`. Paint time = that mark's time since navigation start, the page opened in a fresh tab, median of
 * LOADS loads taken in turn with the floor's. Time to interactive = the later of the mark and the end of the last
 * long task (> 50 ms) before a quiet second. Before measuring, the bench does what the service worker does after
 * data changes: the real rescoring writes today's snapshot, then the portfolio digest the popup reads is rebuilt.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { POPUP_VIEWS_KEY } from '../lib/db/popup-view';
import type { ExtensionSession } from '../scripts/harness/launch';
import { benchCall } from './support/bench-page';
import type { BenchContext, SeededPortfolio } from './support/context';
import { median } from './support/host-navigation';
import { waitForQuietBackground } from './support/quiet-background';
import type { BenchRow } from './support/report';

const GOAL_POPUP_MS = 150;
const LOADS = 5;
const READY_TIMEOUT_MS = 120_000;
const QUIET_MS = 1000;

interface PageTiming {
  readyMs: number;
  interactiveMs: number;
}

/** Collects long tasks from the start of the page (the observer goes in before any of its scripts run). */
function watchLongTasks(): void {
  const store = globalThis as unknown as { benchLongTasks: number[] };
  store.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) store.benchLongTasks.push(entry.startTime + entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

async function timePage(session: ExtensionSession, path: string): Promise<PageTiming> {
  const page: Page = await session.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  try {
    await page.addInitScript(watchLongTasks);
    await page.goto(`${session.origin}/${path}`);
    try {
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: READY_TIMEOUT_MS, polling: 50 });
    } catch (error) {
      // Say what the page showed instead, so a missing ready signal can be told from a slow or broken page.
      const shown = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 160)).catch(() => '?');
      throw new Error(`${path} not ready within ${READY_TIMEOUT_MS / 1000} s; it shows "${shown}"; errors: ${pageErrors.slice(0, 3).join(' | ') || 'none'} (${String(error).split('\n')[0]})`);
    }
    return await page.evaluate(
      (quietMs) =>
        new Promise<PageTiming>((resolve, reject) => {
          const mark = performance.getEntriesByName('sightline:ready', 'mark')[0];
          if (!mark) {
            reject(new Error('data-ready is set but the sightline:ready mark is missing'));
            return;
          }
          const tasks = (globalThis as unknown as { benchLongTasks: number[] }).benchLongTasks;
          let seen = tasks.length;
          const timer = setInterval(() => {
            if (tasks.length !== seen) {
              seen = tasks.length;
              return;
            }
            clearInterval(timer);
            resolve({ readyMs: mark.startTime, interactiveMs: Math.max(mark.startTime, ...tasks) });
          }, quietMs);
        }),
      QUIET_MS,
    );
  } finally {
    await page.close();
  }
}

async function prepare(ctx: BenchContext, seeded: SeededPortfolio): Promise<void> {
  if (!seeded.rescored) {
    ctx.log(`popup-paint: rescoring ${seeded.accounts} accounts for today's snapshot…`);
    await benchCall(seeded.page, 'rescore', ctx.today);
    seeded.rescored = true;
  }
  await benchCall(seeded.page, 'refreshDigest', ctx.today);
  await waitForQuietBackground(ctx, seeded);
  const counts = { accounts: seeded.accounts, healthy: 0, atRisk: 0, critical: 0, unknown: 0, arr: 0, renewals30: 0, renewals60: 0, renewals90: 0 };
  await benchCall(seeded.page, 'putMeta', 'bench:popup-floor', counts);
}

/**
 * Two rows per size: the popup as it usually opens (the views the background stored after rescoring fit), and as
 * it opens when they do not fit yet (an override changed a moment ago): it reads the whole digest.
 */
async function popupRows(ctx: BenchContext, accounts: number, goal: boolean): Promise<BenchRow[]> {
  const seeded = await ctx.portfolio(accounts);
  await prepare(ctx, seeded);
  const stored: PageTiming[] = [];
  const fromDigest: PageTiming[] = [];
  const floor: PageTiming[] = [];
  for (let i = 0; i < LOADS; i++) {
    floor.push(await timePage(seeded.session, 'bench/popup-floor.html'));
    stored.push(await timePage(seeded.session, 'popup.html'));
    await benchCall(seeded.page, 'putMeta', POPUP_VIEWS_KEY, { version: 0 }); // no stored views: the next load reads the digest
    fromDigest.push(await timePage(seeded.session, 'popup.html'));
  }
  const row = (timings: PageTiming[], how: string, withGoal: boolean): BenchRow => ({
    issue: 7,
    bench: 'popup-paint',
    metric: `popup first paint with numbers, ${accounts} accounts, ${how}, median of ${LOADS}`,
    unit: 'ms',
    value: median(timings.map((t) => t.readyMs)),
    floor: median(floor.map((t) => t.readyMs)),
    ...(withGoal ? { goalMax: GOAL_POPUP_MS } : {}),
    note: `popup interactive at ${median(timings.map((t) => t.interactiveMs)).toFixed(0)} ms (median)`,
  });
  return [row(stored, 'stored view', goal), row(fromDigest, 'from the digest', false)];
}

export async function runPopupPaint(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [accounts, goal] of [[ctx.options.popupAccounts, true], [ctx.options.accounts, false]] as const) {
    try {
      rows.push(...(await popupRows(ctx, accounts, goal)));
    } catch (error) {
      rows.push({ issue: 7, bench: 'popup-paint', metric: `popup first paint, ${accounts} accounts`, unit: 'ms', value: null, error: String(error).split('\n')[0] });
    }
  }
  if (!existsSync(join(ctx.extensionPath, 'report.html'))) {
    rows.push({ issue: 7, bench: 'popup-paint', metric: `report page time to interactive, ${ctx.options.accounts} accounts`, unit: 'ms', value: null, error: 'report.html is not in the build yet' });
    return rows;
  }
  try {
    const seeded = await ctx.portfolio(ctx.options.accounts);
    await prepare(ctx, seeded);
    const report: PageTiming[] = [];
    const floor: PageTiming[] = [];
    for (let i = 0; i < LOADS; i++) {
      floor.push(await timePage(seeded.session, 'bench/popup-floor.html'));
      report.push(await timePage(seeded.session, 'report.html'));
    }
    rows.push({
      issue: 7,
      bench: 'popup-paint',
      metric: `report page time to interactive, ${ctx.options.accounts} accounts, median of ${LOADS}`,
      unit: 'ms',
      value: median(report.map((t) => t.interactiveMs)),
      floor: median(floor.map((t) => t.interactiveMs)),
      note: `report numbers painted at ${median(report.map((t) => t.readyMs)).toFixed(0)} ms (median)`,
    });
  } catch (error) {
    rows.push({ issue: 7, bench: 'popup-paint', metric: `report page time to interactive, ${ctx.options.accounts} accounts`, unit: 'ms', value: null, error: String(error).split('\n')[0] });
  }
  return rows;
}
