/**
 * What the health model reads about one account, and the cleaning step every factor relies on: rows dated after
 * today, before the account's start or not dated at all are set aside; counts that are negative or not numbers
 * count as 0. Each such problem is reported as a DataIssue naming the field, so a bad import explains itself
 * instead of producing a NaN score.
 */
import { Plan, type IsoDate } from '../schemas/common';
import type { Account, Meeting, Milestone, NpsResponse, Override, Ticket, UsageDay } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { addDaysIso, daysBetween, isIsoDate, utcDay, utcMidnightMs } from './dates';

/** One account's score on an earlier day, read from that day's portfolio snapshot. */
export interface ScorePoint {
  date: IsoDate;
  score: number | null;
}

/** Everything the score is computed from. Rows may cover any dates: the model picks the ones it needs. */
export interface HealthInputs {
  account: Account;
  /** At least the window's rows and the newest row before the window (it tells "no usage" from "no data"). */
  usage: readonly UsageDay[];
  tickets: readonly Ticket[];
  nps: readonly NpsResponse[];
  meetings: readonly Meeting[];
  override?: Override | undefined;
}

/** HealthInputs plus what the panel shows beside the score: journey milestones and earlier scores for the trend. */
export interface AccountInputs extends HealthInputs {
  milestones: readonly Milestone[];
  pastScores: readonly ScorePoint[];
}

export interface DataIssue {
  /** The field at fault, e.g. `usage.logins`, `account.seats`, `tickets.createdAt`. */
  field: string;
  problem: string;
}

/** The fields of a row the engine reads (lib/scoring/rollup.ts stores only these). */
export type UsageFacts = Pick<UsageDay, 'date' | 'usersInvited'>;
export type TicketFacts = Pick<Ticket, 'createdAt' | 'satisfaction'>;
export type NpsFacts = Pick<NpsResponse, 'date' | 'score'>;
export type MeetingFacts = Pick<Meeting, 'date' | 'type' | 'attended' | 'responseDays'>;

export interface UsageSummary {
  /** The newest valid row up to today (also outside the window), or null when the account has no usage data. */
  newest: UsageFacts | null;
  /** Rows inside the window. */
  rowsInWindow: number;
  logins: number;
  assessments: number;
  reports: number;
  /** Most distinct features used on one day of the window. */
  maxFeaturesUsed: number;
}

export interface TicketSummary {
  /** Valid tickets up to today, any age. */
  total: number;
  newestDay: IsoDate | null;
  inWindow: number;
  good: number;
  bad: number;
}

/** Cleaned inputs and the settings values the factors need, built once per account. */
export interface ScoringContext {
  today: IsoDate;
  settings: Settings;
  account: Account;
  plan: Plan | null;
  /** Seats when known and positive; 0 or a bad value counts as unknown. */
  seats: number | null;
  /** The window of windowed indicators: the `windowDays` complete days before today. */
  windowStart: IsoDate;
  windowEnd: IsoDate;
  /** windowDays / 30: usage expectations and ticket thresholds are per 30 days. */
  windowScale: number;
  /**
   * The window's days on or after the account's start: windowDays for an account older than the window (or with a
   * broken start date), fewer for a younger one, 0 on its first day. Usage expectations are pro-rated to these.
   */
  daysInWindow: number;
  /** Records dated before this are set aside (the account's start, when it is a valid date). */
  earliest: IsoDate | null;
  usage: UsageSummary;
  tickets: TicketSummary;
  newestNps: NpsFacts | null;
  /** Valid meetings up to today, any age. */
  meetings: MeetingFacts[];
  issues: DataIssue[];
}

/** The span rows are checked against. */
export type ScoringWindow = Pick<ScoringContext, 'windowStart' | 'windowEnd' | 'earliest' | 'today'>;

/** The row-based parts of the context, from raw rows or from a rollup. Must log usage, tickets, NPS, meetings in that order. */
export type RowSummaries = Pick<ScoringContext, 'usage' | 'tickets' | 'newestNps' | 'meetings'>;
export type RowSummarizer = (window: ScoringWindow, log: IssueLog) => RowSummaries;

const PLANS: ReadonlySet<string> = new Set(Plan.options);

/** Collects issues per field and problem, counting repeats, so 10k bad rows make one line. */
export class IssueLog {
  private readonly counts = new Map<string, { field: string; problem: string; count: number }>();

  add(field: string, problem: string): void {
    const key = `${field}\u0000${problem}`;
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { field, problem, count: 1 });
  }

  list(): DataIssue[] {
    return [...this.counts.values()].map(({ field, problem, count }) => ({
      field,
      problem: count > 1 ? `${problem} (${count} rows)` : problem,
    }));
  }
}

/** Why a dated row is set aside (shared with the rollup summariser, which must log the very same words). */
export const DATE_PROBLEM = {
  invalid: 'not a valid date: row ignored',
  future: 'dated after today: row ignored',
  beforeStart: "dated before the account's start: row ignored",
} as const;

function cleanCount(value: number, field: string, log: IssueLog): number {
  if (Number.isFinite(value) && value >= 0) return value;
  log.add(field, 'negative or not a number: counted as 0');
  return 0;
}

/** Whether a dated row may be used: a real date, not after today, not before the start. Logs why not. */
function usableDate(date: unknown, field: string, earliest: IsoDate | null, today: IsoDate, log: IssueLog): date is IsoDate {
  if (!isIsoDate(date)) {
    log.add(field, DATE_PROBLEM.invalid);
    return false;
  }
  if (date > today) {
    log.add(field, DATE_PROBLEM.future);
    return false;
  }
  if (earliest !== null && date < earliest) {
    log.add(field, DATE_PROBLEM.beforeStart);
    return false;
  }
  return true;
}

export function summarizeUsage(rows: readonly UsageDay[], ctx: ScoringWindow, log: IssueLog): UsageSummary {
  const summary: UsageSummary = { newest: null, rowsInWindow: 0, logins: 0, assessments: 0, reports: 0, maxFeaturesUsed: 0 };
  for (const row of rows) {
    if (!usableDate(row.date, 'usage.date', ctx.earliest, ctx.today, log)) continue;
    if (!summary.newest || row.date > summary.newest.date) summary.newest = row;
    if (row.date < ctx.windowStart || row.date > ctx.windowEnd) continue;
    summary.rowsInWindow++;
    summary.logins += cleanCount(row.logins, 'usage.logins', log);
    summary.assessments += cleanCount(row.assessments, 'usage.assessments', log);
    summary.reports += cleanCount(row.reports, 'usage.reports', log);
    summary.maxFeaturesUsed = Math.max(summary.maxFeaturesUsed, cleanCount(row.featuresUsed, 'usage.featuresUsed', log));
  }
  // Invited users are a state read from the newest row only (adoption, usage's seat stand-in).
  const invited = summary.newest?.usersInvited;
  if (invited !== undefined && !(Number.isFinite(invited) && invited >= 0)) {
    log.add('usage.usersInvited', 'negative or not a number on the newest row: counted as 0');
  }
  return summary;
}

/** Latest valid instant: Date's range ends at ±8.64e15 ms. */
const MAX_INSTANT = 8.64e15;

export function summarizeTickets(tickets: readonly TicketFacts[], ctx: ScoringWindow, log: IssueLog): TicketSummary {
  // Ticket days are UTC days: compare instants with the UTC midnights that bound each span, no per-ticket dates.
  const earliestMs = ctx.earliest === null ? 0 : utcMidnightMs(ctx.earliest);
  const afterTodayMs = utcMidnightMs(addDaysIso(ctx.today, 1));
  const windowFromMs = utcMidnightMs(ctx.windowStart);
  const windowToMs = utcMidnightMs(addDaysIso(ctx.windowEnd, 1));
  const summary: TicketSummary = { total: 0, newestDay: null, inWindow: 0, good: 0, bad: 0 };
  let newestMs = -1;
  for (const ticket of tickets) {
    const at = ticket.createdAt;
    if (!(Number.isFinite(at) && at >= 0 && at <= MAX_INSTANT)) {
      log.add('tickets.createdAt', DATE_PROBLEM.invalid);
      continue;
    }
    if (at >= afterTodayMs) {
      log.add('tickets.createdAt', DATE_PROBLEM.future);
      continue;
    }
    if (at < earliestMs) {
      log.add('tickets.createdAt', DATE_PROBLEM.beforeStart);
      continue;
    }
    summary.total++;
    if (at > newestMs) newestMs = at;
    if (at < windowFromMs || at >= windowToMs) continue;
    summary.inWindow++;
    if (ticket.satisfaction === 'good') summary.good++;
    else if (ticket.satisfaction === 'bad') summary.bad++;
  }
  if (newestMs >= 0) summary.newestDay = utcDay(newestMs);
  return summary;
}

export function newestNps(responses: readonly NpsFacts[], earliest: IsoDate | null, today: IsoDate, log: IssueLog): NpsFacts | null {
  let newest: NpsFacts | null = null;
  for (const response of responses) {
    if (!usableDate(response.date, 'nps.date', earliest, today, log)) continue;
    if (!(Number.isInteger(response.score) && response.score >= 0 && response.score <= 10)) {
      log.add('nps.score', 'not a whole number from 0 to 10: response ignored');
      continue;
    }
    if (!newest || response.date > newest.date) newest = response;
  }
  return newest;
}

export function usableMeetings(meetings: readonly MeetingFacts[], earliest: IsoDate | null, today: IsoDate, log: IssueLog): MeetingFacts[] {
  const usable: MeetingFacts[] = [];
  for (const meeting of meetings) {
    if (!isIsoDate(meeting.date)) {
      log.add('meetings.date', 'not a valid date: meeting ignored');
      continue;
    }
    // A meeting after today is scheduled, not held: nothing wrong with it, it just does not count yet.
    if (meeting.date > today) continue;
    if (earliest !== null && meeting.date < earliest) {
      log.add('meetings.date', "dated before the account's start: meeting ignored");
      continue;
    }
    const days = meeting.responseDays;
    if (typeof days === 'number' && !(Number.isFinite(days) && days >= 0)) {
      log.add('meetings.responseDays', 'negative or not a number: answer time ignored');
      usable.push({ ...meeting, responseDays: undefined });
    } else usable.push(meeting);
  }
  return usable;
}

/** The row summaries of raw rows. */
export function rowSummarizer(inputs: HealthInputs): RowSummarizer {
  return (window, log) => ({
    usage: summarizeUsage(inputs.usage, window, log),
    tickets: summarizeTickets(inputs.tickets, window, log),
    newestNps: newestNps(inputs.nps, window.earliest, window.today, log),
    meetings: usableMeetings(inputs.meetings, window.earliest, window.today, log),
  });
}

/**
 * Cleans one account's inputs for the factor functions: the account's own fields here, its rows through
 * `summarize`. `today` must be a valid IsoDate (the caller's contract).
 */
export function buildContext(account: Account, summarize: RowSummarizer, settings: Settings, today: IsoDate): ScoringContext {
  const log = new IssueLog();
  let earliest: IsoDate | null = null;
  if (isIsoDate(account.startDate)) {
    earliest = account.startDate;
    if (account.startDate > today) log.add('account.startDate', 'after today: the account has not started, no data counts yet');
  } else {
    log.add('account.startDate', 'not a valid date: rows are not checked against the start');
  }
  const plan = account.plan !== undefined && PLANS.has(account.plan) ? account.plan : null;
  if (account.plan === undefined) log.add('account.plan', 'missing: usage expectations and plan limits do not apply');
  else if (plan === null) log.add('account.plan', `unknown plan "${String(account.plan)}": treated as missing`);
  let seats: number | null = null;
  if (account.seats !== undefined) {
    if (Number.isFinite(account.seats) && account.seats > 0) seats = account.seats;
    else log.add('account.seats', `${String(account.seats)} is not a usable seat count: seats treated as unknown`);
  }
  const window: ScoringWindow = {
    today,
    earliest,
    windowStart: addDaysIso(today, -settings.windowDays),
    windowEnd: addDaysIso(today, -1),
  };
  const rows = summarize(window, log);
  // Spelled out, not spread: a literal with spreads is built in dictionary mode, and every factor reads it.
  return {
    today,
    earliest,
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
    settings,
    account,
    plan,
    seats,
    windowScale: settings.windowDays / 30,
    daysInWindow: earliest === null || earliest <= window.windowStart ? settings.windowDays : Math.max(0, daysBetween(earliest, today)),
    usage: rows.usage,
    tickets: rows.tickets,
    newestNps: rows.newestNps,
    meetings: rows.meetings,
    issues: log.list(),
  };
}

/** Age in days of an input's newest record and whether that is older than the stale-input age. */
export function ageOf(newest: IsoDate | null, ctx: Pick<ScoringContext, 'today' | 'settings'>): { ageDays: number | null; stale: boolean } {
  if (newest === null) return { ageDays: null, stale: false };
  const ageDays = daysBetween(newest, ctx.today);
  return { ageDays, stale: ageDays > ctx.settings.staleAfterDays };
}
