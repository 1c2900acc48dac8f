/**
 * A fictional customer portfolio for demos, tests and benchmarks. Pure and deterministic: the same seed and `today`
 * give a deep-equal portfolio (nothing reads Math.random or the clock). Account i gets its own random stream, so a
 * larger portfolio starts with the same accounts as a smaller one with the same seed.
 */
import { IsoDate } from '../schemas/common';
import type {
  Account,
  Contact,
  Meeting,
  Milestone,
  NpsResponse,
  Opportunity,
  Ticket,
  UsageDay,
} from '../schemas/records';
import { DemoCalendar } from './calendar';
import { CompanyNamer } from './company-names';
import { makeContacts } from './contacts';
import { demoAccountSfId, demoExternalId, demoZendeskOrgId } from './ids';
import { makeMeetings } from './meetings';
import { makeMilestones } from './milestones';
import { makeNps } from './nps';
import { makeOpportunities } from './opportunities';
import { type AccountProfile, type LatentBand, makeProfile } from './profile';
import { Random, deriveSeed } from './random';
import { makeTickets } from './tickets';
import { makeUsage } from './usage';

/** The seed the options page and the demo command use, so both show the same portfolio. */
export const DEMO_SEED = 42;
export const DEFAULT_DEMO_ACCOUNTS = 500;
/**
 * Two months of daily usage plus the trend's tolerance: the score 30 days ago (the Δ 30 d trend) needs a full 30-day
 * window of its own, or the past looks emptier than it was and every trend comes out rising.
 */
export const DEFAULT_USAGE_DAYS = 63;

export interface DemoOptions {
  seed: number;
  today: IsoDate;
  accounts?: number;
  /**
   * Days of daily usage rows per account (default 63). Usage is the bulk of the data (accounts × days rows):
   * 100k accounts × 63 days is 6.3 M rows. Benchmarks may pass fewer days to keep writes workable; with fewer
   * days than the scoring window (30), usage covers part of the window only and usage scores come out lower.
   */
  usageDays?: number;
}

/** What the generator intended for an account; the band shown in the UI is computed by the scoring engine. */
export interface LatentHealth {
  accountId: string;
  /** 0–100. */
  health: number;
  band: LatentBand;
}

export interface DemoPortfolio {
  seed: number;
  today: IsoDate;
  accounts: Account[];
  contacts: Contact[];
  usage: UsageDay[];
  tickets: Ticket[];
  nps: NpsResponse[];
  meetings: Meeting[];
  milestones: Milestone[];
  opportunities: Opportunity[];
  /** Not stored: the generator's latent health per account, in account order. */
  latent: LatentHealth[];
}

/** Random streams per account, one per kind of record: changing how one kind is drawn leaves the others as they were. */
const STREAMS = ['profile', 'contacts', 'usage', 'tickets', 'nps', 'meetings', 'milestones', 'opportunities'] as const;
type StreamName = (typeof STREAMS)[number];

export function generateDemoPortfolio({
  seed,
  today,
  accounts: accountCount = DEFAULT_DEMO_ACCOUNTS,
  usageDays = DEFAULT_USAGE_DAYS,
}: DemoOptions): DemoPortfolio {
  if (!IsoDate.safeParse(today).success) throw new Error(`today must be a date as YYYY-MM-DD, got "${today}"`);
  if (!Number.isInteger(accountCount) || accountCount < 0) throw new Error('accounts must be a whole number ≥ 0');
  if (!Number.isInteger(usageDays) || usageDays < 0) throw new Error('usageDays must be a whole number ≥ 0');

  const calendar = new DemoCalendar(today);
  const namer = new CompanyNamer();
  const portfolio: DemoPortfolio = {
    seed,
    today,
    accounts: [],
    contacts: [],
    usage: [],
    tickets: [],
    nps: [],
    meetings: [],
    milestones: [],
    opportunities: [],
    latent: [],
  };
  let nextContactSerial = 1;
  let nextTicketNumber = 1;

  for (let index = 0; index < accountCount; index++) {
    const stream = (name: StreamName) => new Random(deriveSeed(seed, index * STREAMS.length + STREAMS.indexOf(name)));
    const profileRandom = stream('profile');
    const profile = makeProfile(seed, index, profileRandom, namer.next(profileRandom), calendar);
    portfolio.accounts.push(toAccount(profile, calendar));
    portfolio.latent.push({
      accountId: profile.accountId,
      health: Math.round(profile.health * 100),
      band: profile.band,
    });

    const contacts = makeContacts(profile, stream('contacts'), nextContactSerial);
    nextContactSerial += contacts.length;
    const tickets = makeTickets(profile, contacts, stream('tickets'), calendar, nextTicketNumber);
    nextTicketNumber += tickets.length;

    appendAll(portfolio.contacts, contacts);
    appendAll(portfolio.tickets, tickets);
    appendAll(portfolio.usage, makeUsage(profile, stream('usage'), calendar, usageDays));
    appendAll(portfolio.nps, makeNps(profile, contacts, stream('nps'), calendar));
    appendAll(portfolio.meetings, makeMeetings(profile, stream('meetings'), calendar));
    appendAll(portfolio.milestones, makeMilestones(profile, stream('milestones'), calendar));
    appendAll(portfolio.opportunities, makeOpportunities(profile, stream('opportunities'), calendar));
  }
  return portfolio;
}

function toAccount(profile: AccountProfile, calendar: DemoCalendar): Account {
  const { index, company, churnOffset, renewalOffset, churnReason } = profile;
  return {
    id: profile.accountId,
    sfId: demoAccountSfId(index),
    zendeskOrgId: demoZendeskOrgId(index),
    externalId: demoExternalId(index),
    name: company.name,
    domains: [company.domain],
    owner: profile.owner,
    segment: profile.segment,
    plan: profile.plan,
    arr: profile.arr,
    seats: profile.seats,
    startDate: calendar.iso(profile.startOffset),
    ...(renewalOffset !== null ? { renewalDate: calendar.iso(renewalOffset) } : {}),
    status: churnOffset === null ? 'active' : 'churned',
    ...(churnOffset !== null ? { churnDate: calendar.iso(churnOffset) } : {}),
    ...(churnReason !== null ? { churnReason } : {}),
    demo: true,
  };
}

/** push(...items) overflows the call stack for very long arrays; these are short, but a loop costs nothing. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
