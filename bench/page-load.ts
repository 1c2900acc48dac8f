/**
 * Issue 5: the host page's load time with and without Sightline — a Zendesk ticket page of the fixture host opened
 * in a fresh tab, load event end from the Navigation Timing entry — in two browsers started alike (one with the
 * extension and the demo portfolio, one without any extension), loads taken in turn (which browser goes first
 * alternates), median of each. Each page stays open SETTLE_MS after its load, in both browsers, so the work
 * Sightline does after a load (its session, the badge) is over before the next load is timed: on a 2-core machine
 * it would otherwise slow the next page's load, which a person opening tickets seconds apart never sees.
 * Goal: ≤ 5 % slower with the extension. The "without" browser is the floor.
 */
import type { BrowserContext } from 'playwright-core';
import { zendeskTicketUrl } from '../scripts/harness/host-model';
import type { BenchContext } from './support/context';
import { median } from './support/host-navigation';
import { launchWithoutExtension } from './support/plain-browser';
import { waitForQuietBackground } from './support/quiet-background';
import type { BenchRow } from './support/report';

const GOAL_SLOWER = 1.05;
const SETTLE_MS = 1500;

interface LoadTiming {
  load: number;
  domContentLoaded: number;
}

async function loadOnce(context: BrowserContext, url: string): Promise<LoadTiming> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      if (!entry) throw new Error('no navigation timing entry');
      return { load: entry.loadEventEnd, domContentLoaded: entry.domContentLoadedEventEnd };
    });
  } finally {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await page.close();
  }
}

export async function runPageLoad(ctx: BenchContext): Promise<BenchRow[]> {
  const { server, portfolio } = await ctx.hosts();
  const ticket = portfolio.tickets.find((t) => t.accountId && server.model.zendesk.tickets.get(t.zendeskId)?.organizationId);
  if (!ticket) throw new Error('the portfolio has no ticket with an organization');
  const url = zendeskTicketUrl(ticket.zendeskId);
  const seeded = await ctx.portfolio(ctx.options.popupAccounts);
  const { session } = seeded;
  // The rescoring the seeding queued would otherwise run beside the loads timed with the extension.
  await waitForQuietBackground(ctx, seeded);
  const plain = await launchWithoutExtension(server.port);
  try {
    // One load each first: caches and connections warm, not measured.
    await loadOnce(session.context, url);
    await loadOnce(plain.context, url);
    const withExtension: LoadTiming[] = [];
    const without: LoadTiming[] = [];
    for (let i = 0; i < ctx.options.pageLoads; i++) {
      if (i % 2 === 0) {
        withExtension.push(await loadOnce(session.context, url));
        without.push(await loadOnce(plain.context, url));
      } else {
        without.push(await loadOnce(plain.context, url));
        withExtension.push(await loadOnce(session.context, url));
      }
    }
    const loadWith = median(withExtension.map((t) => t.load));
    const loadWithout = median(without.map((t) => t.load));
    const dclWith = median(withExtension.map((t) => t.domContentLoaded));
    const dclWithout = median(without.map((t) => t.domContentLoaded));
    return [
      {
        issue: 5,
        bench: 'page-load',
        metric: `Zendesk ticket page load event, median of ${ctx.options.pageLoads}`,
        unit: 'ms',
        value: loadWith,
        floor: loadWithout,
        goalRatio: GOAL_SLOWER,
        note: `floor = the same page without the extension; DOMContentLoaded ${dclWith.toFixed(1)} ms with, ${dclWithout.toFixed(1)} ms without`,
      },
    ];
  } finally {
    await plain.close();
  }
}
