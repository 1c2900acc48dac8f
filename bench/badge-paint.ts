/**
 * Issue 5: median time from an SPA route change on the Zendesk fixture (agent workspace, ticket → ticket) to
 * Sightline's badge painted with its score (`sightline-badge` with the account's id and a data-score), over N
 * navigations (default 50), next to the floor extension (bench/support/floor-extension.ts: one message, one indexed
 * lookup, one div) measured in the same run, navigation by navigation in turn. Goal: ≤ 50 ms and ≤ 1.5× the floor.
 *
 * Sightline runs with the demo portfolio of `--popup-accounts` accounts (default 10k) in its database. Its content
 * script reads the ticket from the host's API, as it does on real Zendesk; these tickets are also in the database
 * (imported), so the badge's answer comes from the stored ticket, and the API read that confirms it waits until the
 * page has stayed half a second. A second row times tickets the database does not hold (served under new ids):
 * there the badge waits for the API read. The floor's database holds those ids too, so on that row the floor knows
 * what no extension can know without reading the ticket: its ratio is no like-for-like comparison. Each
 * navigation opens a ticket of another account (a new tab in the workspace), so no answer can come from a previous
 * page's state. The note gives the host's own time to show the ticket (its API read and render) in the same tab.
 *
 * A third row, with no goal of its own (the issue's figure is for a quiet worker), keeps the cost of background
 * work visible: the agent stays on a ticket new to Sightline, which records it; the rescoring that change sets off
 * runs half a minute later, and the row times the navigations made from just before it starts until it is over.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { zendeskTicketUrl } from '../scripts/harness/host-model';
import { launchExtension } from '../scripts/harness/launch';
import type { BackgroundWork } from './pages/api';
import { benchCall } from './support/bench-page';
import type { BenchContext } from './support/context';
import { type FloorAccount, writeFloorExtension } from './support/floor-extension';
import { median, navigateTo, timeRouteToBadge } from './support/host-navigation';
import { waitForQuietBackground } from './support/quiet-background';
import type { BenchRow } from './support/report';

const GOAL_MS = 50;
const GOAL_RATIO = 1.5;
/** Tickets the third pass goes through, round and round, until the run a recorded ticket set off is over. */
const BUSY_NAVIGATIONS = 20;
/** How often (in navigations) the third pass asks the worker whether that run is over, and how many it makes at most. */
const BUSY_CHECK_EVERY = 5;
const BUSY_MAX_NAVIGATIONS = 400;

const spread = (values: number[]) => `min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}`;

interface Stop {
  ticketId: number;
  accountId: string;
}

/** The fixture workspace's breadcrumb once it has read and rendered the ticket (tests/fixtures/hosts/zendesk/app.js). */
const hostTicketView = (ticketId: number) => ({ selector: '[data-test-id="breadcrumb-ticket"]', text: `Ticket #${ticketId}` });
const sightlineSelector = (accountId: string) => `sightline-badge[data-state="matched"][data-account-id="${accountId}"]`;
const floorSelector = (accountId: string) => `div[data-floor-badge][data-account-id="${accountId}"]`;

/** Polls `read` until it gives something other than null. */
async function waitFor<T>(read: () => Promise<T | null>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function runBadgePaint(ctx: BenchContext): Promise<BenchRow[]> {
  const count = ctx.options.navigations;
  const { server, portfolio } = await ctx.hosts();
  // Accounts that will have a score (active, with usage), one of their tickets each; one more for the first load.
  const withUsage = new Set(portfolio.usage.map((u) => u.accountId));
  const active = new Set(portfolio.accounts.filter((a) => a.status === 'active' && withUsage.has(a.id)).map((a) => a.id));
  // Stops of the first pass (tickets the database holds) and of the second (copies it does not hold).
  const stops: Stop[] = [];
  const seen = new Set<string>();
  for (const ticket of portfolio.tickets) {
    if (stops.length > 2 * count + BUSY_NAVIGATIONS) break;
    const accountId = ticket.accountId;
    if (!accountId || !active.has(accountId) || seen.has(accountId) || !server.model.zendesk.tickets.get(ticket.zendeskId)?.organizationId) continue;
    seen.add(accountId);
    stops.push({ ticketId: ticket.zendeskId, accountId });
  }
  if (stops.length <= 2 * count + BUSY_NAVIGATIONS) {
    throw new Error(`the portfolio has ${stops.length} suitable tickets, ${2 * count + BUSY_NAVIGATIONS + 1} needed: pass a larger --popup-accounts`);
  }
  const known = stops.slice(0, count + 1);
  const busy = stops.slice(2 * count + 1);
  // The host serves each second-pass ticket again under a new id, same requester and organization: Sightline's
  // database has never seen that id, so its badge must wait for the API read.
  const zendeskTickets = server.model.zendesk.tickets;
  const newIdFrom = Math.max(...zendeskTickets.keys()) + 1;
  const unknown = stops.slice(count + 1, 2 * count + 1).map((stop, i) => ({ ticketId: newIdFrom + i, accountId: stop.accountId, copyOf: stop.ticketId }));
  for (const stop of unknown) zendeskTickets.set(stop.ticketId, { ...zendeskTickets.get(stop.copyOf)!, id: stop.ticketId });
  // The ticket the agent stays on in the third pass: new to Sightline, so the visit records it.
  const recorded = { ticketId: newIdFrom + unknown.length, accountId: busy[0]!.accountId };
  zendeskTickets.set(recorded.ticketId, { ...zendeskTickets.get(busy[0]!.ticketId)!, id: recorded.ticketId });

  const seeded = await ctx.portfolio(ctx.options.popupAccounts);
  const { session } = seeded;
  // The rescoring the seeding queued would otherwise run in the worker that answers the badge's lookups.
  await waitForQuietBackground(ctx, seeded);
  const floorSession = await launchExtension({ extensionPath: writeFloorExtension(join(ctx.outputDir, 'floor-extension')), fixturePort: server.port });
  const pages: Page[] = [];
  try {
    const floorAccounts: FloorAccount[] = portfolio.accounts.map((a, i) => ({ id: a.id, name: a.name, score: 40 + (i % 60), ticketIds: [] }));
    const byId = new Map(floorAccounts.map((a) => [a.id, a]));
    for (const ticket of portfolio.tickets) if (ticket.accountId) byId.get(ticket.accountId)?.ticketIds.push(ticket.zendeskId);
    for (const stop of unknown) byId.get(stop.accountId)?.ticketIds.push(stop.ticketId);
    await floorSession.serviceWorker.evaluate(
      (accounts) => (globalThis as unknown as { seedFloor(a: unknown[]): Promise<number> }).seedFloor(accounts),
      floorAccounts,
    );

    const first = known[0]!;
    const sightline = await session.context.newPage();
    const floor = await floorSession.context.newPage();
    pages.push(sightline, floor);
    await sightline.goto(zendeskTicketUrl(first.ticketId));
    await floor.goto(zendeskTicketUrl(first.ticketId));
    await sightline.locator(sightlineSelector(first.accountId)).waitFor({ state: 'attached', timeout: 15_000 });
    await floor.locator(floorSelector(first.accountId)).waitFor({ state: 'attached', timeout: 15_000 });

    const pass = async (route: Stop[], stored: boolean): Promise<BenchRow> => {
      const ours: number[] = [];
      const hosts: number[] = [];
      const floors: number[] = [];
      const floorHosts: number[] = [];
      for (const stop of route) {
        const path = `/agent/tickets/${stop.ticketId}`;
        const timing = await timeRouteToBadge(sightline, path, sightlineSelector(stop.accountId), { hostShows: hostTicketView(stop.ticketId) });
        ours.push(timing.badgeMs);
        hosts.push(timing.hostMs!);
        // The floor tab times the host's view too: the same measuring work in both, and the host's pace beside the floor.
        const floorTiming = await timeRouteToBadge(floor, path, floorSelector(stop.accountId), { hostShows: hostTicketView(stop.ticketId) });
        floors.push(floorTiming.badgeMs);
        floorHosts.push(floorTiming.hostMs!);
      }
      const badges = await sightline.locator('sightline-badge').count();
      if (badges !== 1) throw new Error(`${badges} Sightline badges on the page after ${route.length} navigations, expected 1`);
      return {
        issue: 5,
        bench: 'badge-paint',
        metric: `SPA route change → badge painted, ticket ${stored ? 'in the database' : 'new to Sightline'}, median of ${route.length}`,
        unit: 'ms',
        value: median(ours),
        floor: median(floors),
        goalMax: GOAL_MS,
        goalRatio: GOAL_RATIO,
        note:
          `Sightline ${spread(ours)} ms; floor ${spread(floors)} ms. Where the time goes: the badge goes beside the ticket's ` +
          `title, which the host shows only after its own API read and render (a median of ${median(hosts).toFixed(1)} ms here, ` +
          `${median(floorHosts).toFixed(1)} ms in the floor's tab); ` +
          `the badge painted a median of ${median(ours.map((ms, i) => ms - hosts[i]!)).toFixed(1)} ms after the host's view. ` +
          (stored
            ? 'The account came from the stored ticket, without waiting for Sightline\'s own API read (which confirms it once the page has stayed half a second). '
            : 'The account needs Sightline\'s own API read of the ticket, then one lookup. ') +
          `The floor paints a fixed div without waiting for the host. ${ctx.options.popupAccounts} accounts in the database`,
      };
    };
    const rows = [await pass(known.slice(1), true), await pass(unknown, false)];

    // Third pass: stay on a new ticket until the visit has recorded it and the change alarm is set.
    const before = await benchCall(seeded.page, 'backgroundWork');
    await navigateTo(sightline, `/agent/tickets/${recorded.ticketId}`);
    const alarmAt = await waitFor(async () => (await benchCall(seeded.page, 'backgroundWork')).changeAlarmAt, 10_000, 'the recorded ticket to set the change alarm');
    await sightline.waitForTimeout(Math.max(0, alarmAt - Date.now() - 500));
    const ours: number[] = [];
    const floors: number[] = [];
    const started = Date.now();
    // Until the run has stored the popup views of a new digest, its last step.
    let done: BackgroundWork | null = null;
    for (let i = 0; !done; i++) {
      if (i === BUSY_MAX_NAVIGATIONS) throw new Error(`the run a recorded ticket set off was still going after ${i} navigations`);
      const stop = busy[1 + (i % (busy.length - 1))]!;
      const path = `/agent/tickets/${stop.ticketId}`;
      ours.push((await timeRouteToBadge(sightline, path, sightlineSelector(stop.accountId))).badgeMs);
      floors.push((await timeRouteToBadge(floor, path, floorSelector(stop.accountId))).badgeMs);
      if (i % BUSY_CHECK_EVERY !== BUSY_CHECK_EVERY - 1) continue;
      const work = await benchCall(seeded.page, 'backgroundWork');
      if ((work.viewsDigestBuiltAt ?? 0) > (before.digestBuiltAt ?? 0)) done = work;
    }
    const over = ours.filter((ms) => ms > GOAL_MS).length;
    rows.push({
      issue: 5,
      bench: 'badge-paint',
      metric: `SPA route change → badge painted, ticket in the database, while the worker catches up on a recorded ticket, median of ${ours.length}`,
      unit: 'ms',
      value: median(ours),
      floor: median(floors),
      note:
        `Not the issue's figure (that is for a quiet worker): the visit to a ticket new to Sightline recorded it, and the ` +
        `navigations timed here began 0.5 s before the run it set off (this account rescored into today's snapshot, its ` +
        `playbook triggers, the portfolio digest and popup views rebuilt; the digest's rebuild began ${((done.digestBuiltAt ?? 0) - alarmAt).toFixed(0)} ms ` +
        `after the alarm) and ended once the views were stored, ${((Date.now() - started) / 1000).toFixed(1)} s later. ` +
        `Sightline ${spread(ours)} ms, ${over} of ${ours.length} over ${GOAL_MS} ms; ` +
        `floor ${spread(floors)} ms. ${ctx.options.popupAccounts} accounts in the database`,
    });
    return rows;
  } finally {
    for (const page of pages) await page.close().catch(() => undefined);
    await floorSession.close();
    for (const stop of unknown) zendeskTickets.delete(stop.ticketId);
    zendeskTickets.delete(recorded.ticketId);
  }
}
