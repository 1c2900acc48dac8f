/**
 * Scoring rollups: one account's usage, tickets, NPS answers and meetings as one compact record (typed arrays, one
 * entry per row), and the engine's row summaries read straight from it. Rescoring reads one rollup per account
 * instead of every row (lib/db/rescore.ts); the record is kept current by lib/db/scoring-rollups.ts.
 *
 * Scores from a rollup are the scores from the rows — the same factors, explanations and data issues, in the same
 * order: the rollup keeps every field the engine reads and the rows' key order, and what the columns cannot hold
 * exactly (a usage row with a broken date or count, a meeting with an unknown type) makes the account keep those
 * rows as stored instead. Account fields (start, plan, seats) are not in it: they are applied at scoring time.
 */
import {
  MeetingType,
  Satisfaction,
  type Account,
  type Meeting,
  type NpsResponse,
  type Override,
  type ScoringRollup,
  type Ticket,
  type UsageDay,
} from '../schemas/records';
import { isIsoDate, utcDay, utcMidnightMs } from './dates';
import {
  DATE_PROBLEM,
  newestNps,
  summarizeTickets,
  summarizeUsage,
  usableMeetings,
  type IssueLog,
  type MeetingFacts,
  type NpsFacts,
  type RowSummarizer,
  type ScoringWindow,
  type TicketFacts,
  type UsageSummary,
} from './inputs';

/** Bump when the encoding changes: stored rollups of another format are rebuilt from the rows. */
export const ROLLUP_FORMAT = 1;

/** What assessAccount scores when it has a rollup instead of rows. */
export interface RollupInputs {
  account: Account;
  rollup: ScoringRollup;
  override?: Override | undefined;
}

/** Rows of the tables a rollup is made from (any accounts, any order). */
export interface RollupRows {
  usage: readonly UsageDay[];
  tickets: readonly Ticket[];
  nps: readonly NpsResponse[];
  meetings: readonly Meeting[];
}

const DAY_MS = 86_400_000;
const USAGE_COUNTS = ['logins', 'assessments', 'reports', 'featuresUsed', 'usersInvited'] as const;
const SATISFACTIONS: readonly string[] = Satisfaction.options;
const MEETING_TYPES: readonly string[] = MeetingType.options;
const ANSWER = { none: 0, never: 1, days: 2 } as const;

const dayOf = (date: string) => utcMidnightMs(date) / DAY_MS;
const fitsUint32 = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffff_ffff;
const byKey = <T>(keyOf: (row: T) => string | number) => (a: T, b: T) => {
  const x = keyOf(a);
  const y = keyOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

function encodeUsage(rows: readonly UsageDay[]): Pick<ScoringRollup, 'usage' | 'usageRows'> {
  const fits = rows.every((row) => isIsoDate(row.date) && USAGE_COUNTS.every((field) => fitsUint32(row[field])));
  const columnRows = fits ? rows : [];
  const usage = {
    days: Int32Array.from(columnRows, (row) => dayOf(row.date)),
    logins: Uint32Array.from(columnRows, (row) => row.logins),
    assessments: Uint32Array.from(columnRows, (row) => row.assessments),
    reports: Uint32Array.from(columnRows, (row) => row.reports),
    featuresUsed: Uint32Array.from(columnRows, (row) => row.featuresUsed),
    usersInvited: Uint32Array.from(columnRows, (row) => row.usersInvited),
  };
  return fits ? { usage } : { usage, usageRows: [...rows] };
}

function encodeMeetings(rows: readonly Meeting[]): Pick<ScoringRollup, 'meetings' | 'meetingRows'> {
  const answerOf = (days: unknown) => (days === undefined ? ANSWER.none : days === null ? ANSWER.never : typeof days === 'number' ? ANSWER.days : -1);
  const fits = rows.every((m) => MEETING_TYPES.includes(m.type) && answerOf(m.responseDays) >= 0);
  const columnRows = fits ? rows : [];
  const meetings = {
    dates: columnRows.map((m) => (typeof m.date === 'string' ? m.date : '')),
    types: Uint8Array.from(columnRows, (m) => MEETING_TYPES.indexOf(m.type)),
    attended: Uint8Array.from(columnRows, (m) => (m.attended ? 1 : 0)),
    answer: Uint8Array.from(columnRows, (m) => answerOf(m.responseDays)),
    responseDays: Float64Array.from(columnRows, (m) => (typeof m.responseDays === 'number' ? m.responseDays : 0)),
  };
  return fits ? { meetings } : { meetings, meetingRows: [...rows] };
}

/** One account's rollup from its rows. The rows are put in their tables' key order (as an indexed read returns them). */
export function encodeRollup(accountId: string, rows: RollupRows): ScoringRollup {
  const usage = [...rows.usage].sort(byKey((row) => row.date));
  const tickets = [...rows.tickets].sort(byKey((t) => t.zendeskId));
  const nps = [...rows.nps].sort(byKey((r) => r.id));
  const meetings = [...rows.meetings].sort(byKey((m) => m.id));
  return {
    accountId,
    format: ROLLUP_FORMAT,
    ...encodeUsage(usage),
    tickets: {
      createdAt: Float64Array.from(tickets, (t) => (typeof t.createdAt === 'number' ? t.createdAt : NaN)),
      satisfaction: Uint8Array.from(tickets, (t) => Math.max(0, SATISFACTIONS.indexOf(t.satisfaction))),
    },
    nps: {
      dates: nps.map((r) => (typeof r.date === 'string' ? r.date : '')),
      scores: Float64Array.from(nps, (r) => (typeof r.score === 'number' ? r.score : NaN)),
    },
    ...encodeMeetings(meetings),
  };
}

function groupByAccount<T extends { accountId?: string | undefined }>(rows: readonly T[], wanted: ReadonlySet<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (row.accountId === undefined || !wanted.has(row.accountId)) continue;
    const group = groups.get(row.accountId);
    if (group) group.push(row);
    else groups.set(row.accountId, [row]);
  }
  return groups;
}

/** The rollups of `accountIds` (one each, also for an account without rows) from rows of any accounts. */
export function encodeRollups(accountIds: Iterable<string>, rows: RollupRows): ScoringRollup[] {
  const wanted = new Set(accountIds);
  const usage = groupByAccount(rows.usage, wanted);
  const tickets = groupByAccount(rows.tickets, wanted);
  const nps = groupByAccount(rows.nps, wanted);
  const meetings = groupByAccount(rows.meetings, wanted);
  return [...wanted].map((id) =>
    encodeRollup(id, { usage: usage.get(id) ?? [], tickets: tickets.get(id) ?? [], nps: nps.get(id) ?? [], meetings: meetings.get(id) ?? [] }),
  );
}

/** summarizeUsage over the columns, without a row object per day. Every column date is valid, every count clean. */
function summarizeUsageColumns(usage: ScoringRollup['usage'], window: ScoringWindow, log: IssueLog): UsageSummary {
  const summary: UsageSummary = { newest: null, rowsInWindow: 0, logins: 0, assessments: 0, reports: 0, maxFeaturesUsed: 0 };
  const today = dayOf(window.today);
  const earliest = window.earliest === null ? -Infinity : dayOf(window.earliest);
  const from = dayOf(window.windowStart);
  const to = dayOf(window.windowEnd);
  const { days } = usage;
  let newest = -1;
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    if (day > today) {
      log.add('usage.date', DATE_PROBLEM.future);
      continue;
    }
    if (day < earliest) {
      log.add('usage.date', DATE_PROBLEM.beforeStart);
      continue;
    }
    // Days ascend: the last usable one is the newest.
    newest = i;
    if (day < from || day > to) continue;
    summary.rowsInWindow++;
    summary.logins += usage.logins[i]!;
    summary.assessments += usage.assessments[i]!;
    summary.reports += usage.reports[i]!;
    summary.maxFeaturesUsed = Math.max(summary.maxFeaturesUsed, usage.featuresUsed[i]!);
  }
  if (newest >= 0) summary.newest = { date: utcDay(days[newest]! * DAY_MS), usersInvited: usage.usersInvited[newest]! };
  return summary;
}

function ticketFacts({ createdAt, satisfaction }: ScoringRollup['tickets']): TicketFacts[] {
  return Array.from(createdAt, (at, i) => ({ createdAt: at, satisfaction: Satisfaction.options[satisfaction[i]!]! }));
}

function npsFacts({ dates, scores }: ScoringRollup['nps']): NpsFacts[] {
  return dates.map((date, i) => ({ date, score: scores[i]! }));
}

function meetingFacts({ dates, types, attended, answer, responseDays }: ScoringRollup['meetings']): MeetingFacts[] {
  return dates.map((date, i) => ({
    date,
    type: MeetingType.options[types[i]!]!,
    attended: attended[i] === 1,
    responseDays: answer[i] === ANSWER.days ? responseDays[i]! : answer[i] === ANSWER.never ? null : undefined,
  }));
}

/** The engine's row summaries from a rollup (see RowSummarizer). */
export function rollupSummarizer(rollup: ScoringRollup): RowSummarizer {
  return (window, log) => ({
    usage: rollup.usageRows ? summarizeUsage(rollup.usageRows, window, log) : summarizeUsageColumns(rollup.usage, window, log),
    tickets: summarizeTickets(ticketFacts(rollup.tickets), window, log),
    newestNps: newestNps(npsFacts(rollup.nps), window.earliest, window.today, log),
    meetings: usableMeetings(rollup.meetingRows ?? meetingFacts(rollup.meetings), window.earliest, window.today, log),
  });
}
