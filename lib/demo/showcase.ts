/**
 * Good examples for end-to-end tests, the fixture server and demos: one account per band, each with a Zendesk ticket
 * raised by someone on the company's own domain (so every matching route works: ticket → org, email, domain).
 *
 * Chosen by the generator's latent health, far from the band edges, among mid-market and enterprise accounts old
 * enough to have every kind of data (small accounts have few tickets, meetings and survey answers, so their scores
 * stray further from the latent health). The band the extension shows is computed by the scoring engine from the generated records; it matches the
 * latent band for these picks, but only the engine decides.
 */
import type { Account, Ticket } from '../schemas/records';
import type { DemoPortfolio } from './generate';
import type { LatentBand } from './profile';

export interface ShowcaseAccount {
  account: Account;
  /** The account's newest unsolved ticket if it has one (shows an SLA clock), else its newest ticket. */
  ticket: Ticket;
  /** 0–100, the generator's intent. */
  latentHealth: number;
  latentBand: LatentBand;
}

export interface ShowcaseAccounts {
  healthy: ShowcaseAccount;
  atRisk: ShowcaseAccount;
  critical: ShowcaseAccount;
}

/** Latent health each pick should be near: mid-band, so scoring noise cannot move it across an edge. */
const TARGET_HEALTH: Record<LatentBand, number> = { healthy: 92, 'at-risk': 62, critical: 20 };
/**
 * The first account (in portfolio order) this close to the target wins, so a larger portfolio with the same seed
 * shows the same examples as a smaller one; without one, the closest account does.
 */
const GOOD_ENOUGH_DISTANCE = 2;
/** Accounts past onboarding have usage, tickets, NPS, meetings and milestones to show. */
const MIN_AGE_DAYS = 120;
const DAY_MS = 86_400_000;
const UNSOLVED: ReadonlySet<Ticket['status']> = new Set(['new', 'open', 'pending', 'hold']);

/** Throws when the portfolio is too small to hold an example of every band (a few hundred accounts always do). */
export function pickShowcaseAccounts(portfolio: DemoPortfolio): ShowcaseAccounts {
  const ticketsByAccount = new Map<string, Ticket[]>();
  for (const ticket of portfolio.tickets) {
    if (!ticket.accountId) continue;
    const list = ticketsByAccount.get(ticket.accountId);
    if (list) list.push(ticket);
    else ticketsByAccount.set(ticket.accountId, [ticket]);
  }
  const surveyed = new Set(portfolio.nps.map((response) => response.accountId));
  const latestStart = Date.parse(portfolio.today) - MIN_AGE_DAYS * DAY_MS;

  const best = new Map<LatentBand, { pick: ShowcaseAccount; distance: number }>();
  portfolio.accounts.forEach((account, index) => {
    const latent = portfolio.latent[index];
    const eligible =
      latent !== undefined &&
      account.status === 'active' &&
      account.segment !== 'SMB' &&
      Date.parse(account.startDate) <= latestStart &&
      surveyed.has(account.id);
    if (!eligible) return;
    const companyTickets = (ticketsByAccount.get(account.id) ?? []).filter((t) =>
      account.domains.includes(t.requesterEmail?.split('@')[1] ?? ''),
    );
    const ticket = newestOf(companyTickets.filter((t) => UNSOLVED.has(t.status))) ?? newestOf(companyTickets);
    if (!ticket) return;
    const distance = Math.abs(latent.health - TARGET_HEALTH[latent.band]);
    const current = best.get(latent.band);
    if (!current || (current.distance > GOOD_ENOUGH_DISTANCE && distance < current.distance)) {
      best.set(latent.band, { pick: { account, ticket, latentHealth: latent.health, latentBand: latent.band }, distance });
    }
  });

  const take = (band: LatentBand): ShowcaseAccount => {
    const found = best.get(band);
    if (!found) throw new Error(`the demo portfolio has no ${band} account with a ticket to show; generate more accounts`);
    return found.pick;
  };
  return { healthy: take('healthy'), atRisk: take('at-risk'), critical: take('critical') };
}

function newestOf(tickets: readonly Ticket[]): Ticket | undefined {
  let newest: Ticket | undefined;
  for (const ticket of tickets) if (!newest || ticket.createdAt > newest.createdAt) newest = ticket;
  return newest;
}
