/**
 * Issue 5: median time from an SPA route change on the Zendesk fixture (agent workspace, ticket → ticket) to
 * Sightline's badge painted with its score (`sightline-badge` with the account's id and a data-score), over N
 * navigations (default 50), next to the floor extension (bench/support/floor-extension.ts: one message, one indexed
 * lookup, one div) measured in the same run, navigation by navigation in turn. Goal: ≤ 50 ms and ≤ 1.5× the floor.
 *
 * Sightline runs with the demo portfolio of `--popup-accounts` accounts (default 10k) in its database; its badge
 * reads the ticket from the host's API first, as it does on real Zendesk. Each navigation opens a ticket of another
 * account (a new tab in the workspace), so no answer can come from a previous page's state.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { zendeskTicketUrl } from '../scripts/harness/host-model';
import { launchExtension } from '../scripts/harness/launch';
import type { BenchContext } from './support/context';
import { type FloorAccount, writeFloorExtension } from './support/floor-extension';
import { median, timeRouteToBadge } from './support/host-navigation';
import type { BenchRow } from './support/report';

const GOAL_MS = 50;
const GOAL_RATIO = 1.5;

interface Stop {
  ticketId: number;
  accountId: string;
}

const sightlineSelector = (accountId: string) => `sightline-badge[data-state="matched"][data-account-id="${accountId}"]`;
const floorSelector = (accountId: string) => `div[data-floor-badge][data-account-id="${accountId}"]`;

export async function runBadgePaint(ctx: BenchContext): Promise<BenchRow[]> {
  const count = ctx.options.navigations;
  const { server, portfolio } = await ctx.hosts();
  // Accounts that will have a score (active, with usage), one of their tickets each; one more for the first load.
  const withUsage = new Set(portfolio.usage.map((u) => u.accountId));
  const active = new Set(portfolio.accounts.filter((a) => a.status === 'active' && withUsage.has(a.id)).map((a) => a.id));
  const stops: Stop[] = [];
  const seen = new Set<string>();
  for (const ticket of portfolio.tickets) {
    if (stops.length > count) break;
    const accountId = ticket.accountId;
    if (!accountId || !active.has(accountId) || seen.has(accountId) || !server.model.zendesk.tickets.get(ticket.zendeskId)?.organizationId) continue;
    seen.add(accountId);
    stops.push({ ticketId: ticket.zendeskId, accountId });
  }
  if (stops.length <= count) throw new Error(`the portfolio has ${stops.length} suitable tickets, ${count + 1} needed: pass a larger --popup-accounts`);

  const { session } = await ctx.portfolio(ctx.options.popupAccounts);
  const floorSession = await launchExtension({ extensionPath: writeFloorExtension(join(ctx.outputDir, 'floor-extension')), fixturePort: server.port });
  const pages: Page[] = [];
  try {
    const floorAccounts: FloorAccount[] = portfolio.accounts.map((a, i) => ({ id: a.id, name: a.name, score: 40 + (i % 60), ticketIds: [] }));
    const byId = new Map(floorAccounts.map((a) => [a.id, a]));
    for (const ticket of portfolio.tickets) if (ticket.accountId) byId.get(ticket.accountId)?.ticketIds.push(ticket.zendeskId);
    await floorSession.serviceWorker.evaluate(
      (accounts) => (globalThis as unknown as { seedFloor(a: unknown[]): Promise<number> }).seedFloor(accounts),
      floorAccounts,
    );

    const first = stops[0]!;
    const sightline = await session.context.newPage();
    const floor = await floorSession.context.newPage();
    pages.push(sightline, floor);
    await sightline.goto(zendeskTicketUrl(first.ticketId));
    await floor.goto(zendeskTicketUrl(first.ticketId));
    await sightline.locator(sightlineSelector(first.accountId)).waitFor({ state: 'attached', timeout: 15_000 });
    await floor.locator(floorSelector(first.accountId)).waitFor({ state: 'attached', timeout: 15_000 });

    const ours: number[] = [];
    const floors: number[] = [];
    for (const stop of stops.slice(1)) {
      const path = `/agent/tickets/${stop.ticketId}`;
      ours.push(await timeRouteToBadge(sightline, path, sightlineSelector(stop.accountId)));
      floors.push(await timeRouteToBadge(floor, path, floorSelector(stop.accountId)));
    }
    const badges = await sightline.locator('sightline-badge').count();
    if (badges !== 1) throw new Error(`${badges} Sightline badges on the page after ${count} navigations, expected 1`);
    const spread = (values: number[]) => `min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}`;
    return [
      {
        issue: 5,
        bench: 'badge-paint',
        metric: `SPA route change → badge painted, median of ${count}`,
        unit: 'ms',
        value: median(ours),
        floor: median(floors),
        goalMax: GOAL_MS,
        goalRatio: GOAL_RATIO,
        note: `Sightline ${spread(ours)} ms (includes reading the ticket from the host's API); floor ${spread(floors)} ms; ${ctx.options.popupAccounts} accounts in the database`,
      },
    ];
  } finally {
    for (const page of pages) await page.close().catch(() => undefined);
    await floorSession.close();
  }
}
