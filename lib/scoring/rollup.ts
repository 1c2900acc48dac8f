/**
 * Scoring rollups: one account's usage, tickets, NPS answers and meetings as one compact record (one Float64Array of
 * columns, one entry per row), and the engine's row summaries read straight from it. Rescoring reads one rollup per
 * account instead of every row (lib/db/rescore.ts); the record is kept current by lib/db/scoring-rollups.ts.
 *
 * Scores from a rollup are the scores from the rows — the same factors, explanations and data issues, in the same
 * order: the rollup keeps every field the engine reads and the rows' key order; a value the engine rejects is kept
 * as one it rejects the same way (NaN), and what the columns cannot stand for (a usage row with a broken date or
 * count, an answer time that is not a number) makes the account keep those rows as stored instead. Account fields
 * (start, plan, seats) are not in it: they are applied at scoring time.
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
export const ROLLUP_FORMAT = 2;

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

/**
 * The columns buffer: four counts (usage rows n, tickets m, NPS answers k, meetings j), then
 * usage: day, logins, assessments, reports, featuresUsed, usersInvited (n each; days since 1970-01-01 UTC, ascending);
 * tickets: createdAt (NaN when not a number), satisfaction (index in Satisfaction.options; other values as 0,
 * "unoffered", which the engine treats alike) (m each);
 * NPS: day (NaN when not a real date), score (NaN when not a number) (k each);
 * meetings: day (NaN when not a real date), type (index in MeetingType.options, NaN when unknown), attended (0/1),
 * answer (0 none recorded, 1 never answered, 2 answered), answer days (j each).
 * A NaN stands for values the engine rejects the same way as the original (see inputs.ts).
 */
function layout(columns: Float64Array) {
  // Indexed reads: destructuring a typed array walks its iterator.
  const n = columns[0]!;
  const m = columns[1]!;
  const k = columns[2]!;
  const j = columns[3]!;
  const usage = 4;
  const tickets = usage + 6 * n;
  const nps = tickets + 2 * m;
  const meetings = nps + 2 * k;
  return { n, m, k, j, usage, tickets, nps, meetings, length: meetings + 5 * j };
}

const dayOf = (date: string) => utcMidnightMs(date) / DAY_MS;
const fitsUint32 = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffff_ffff;
const byKey = <T>(keyOf: (row: T) => string | number) => (a: T, b: T) => {
  const x = keyOf(a);
  const y = keyOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

// utcDay remembers each day's string: dates repeat across accounts.
const dateOfDay = (day: number) => (Number.isNaN(day) ? '' : utcDay(day * DAY_MS));
const dayOrNaN = (date: unknown) => (isIsoDate(date) ? dayOf(date) : NaN);
const answerOf = (days: unknown) => (days === undefined ? ANSWER.none : days === null ? ANSWER.never : typeof days === 'number' ? ANSWER.days : -1);

function encodeColumns(usage: readonly UsageDay[], tickets: readonly Ticket[], nps: readonly NpsResponse[], meetings: readonly Meeting[]): Float64Array<ArrayBuffer> {
  const counts = Float64Array.of(usage.length, tickets.length, nps.length, meetings.length);
  const columns = new Float64Array(layout(counts).length);
  columns.set(counts);
  const at = layout(columns);
  usage.forEach((row, i) => {
    columns[at.usage + i] = dayOf(row.date);
    USAGE_COUNTS.forEach((field, c) => (columns[at.usage + (c + 1) * at.n + i] = row[field]));
  });
  tickets.forEach((t, i) => {
    columns[at.tickets + i] = typeof t.createdAt === 'number' ? t.createdAt : NaN;
    columns[at.tickets + at.m + i] = Math.max(0, SATISFACTIONS.indexOf(t.satisfaction));
  });
  nps.forEach((r, i) => {
    columns[at.nps + i] = dayOrNaN(r.date);
    columns[at.nps + at.k + i] = typeof r.score === 'number' ? r.score : NaN;
  });
  meetings.forEach((m, i) => {
    const type = MEETING_TYPES.indexOf(m.type);
    columns[at.meetings + i] = dayOrNaN(m.date);
    columns[at.meetings + at.j + i] = type < 0 ? NaN : type;
    columns[at.meetings + 2 * at.j + i] = m.attended ? 1 : 0;
    columns[at.meetings + 3 * at.j + i] = answerOf(m.responseDays);
    columns[at.meetings + 4 * at.j + i] = typeof m.responseDays === 'number' ? m.responseDays : 0;
  });
  return columns;
}

/** One account's rollup from its rows. The rows are put in their tables' key order (as an indexed read returns them). */
export function encodeRollup(accountId: string, rows: RollupRows): ScoringRollup {
  const usage = [...rows.usage].sort(byKey((row) => row.date));
  const tickets = [...rows.tickets].sort(byKey((t) => t.zendeskId));
  const nps = [...rows.nps].sort(byKey((r) => r.id));
  const meetings = [...rows.meetings].sort(byKey((m) => m.id));
  const usageFits = usage.every((row) => isIsoDate(row.date) && USAGE_COUNTS.every((field) => fitsUint32(row[field])));
  const meetingsFit = meetings.every((m) => answerOf(m.responseDays) >= 0);
  const rollup: ScoringRollup = {
    accountId,
    format: ROLLUP_FORMAT,
    columns: encodeColumns(usageFits ? usage : [], tickets, nps, meetingsFit ? meetings : []),
  };
  if (!usageFits) rollup.usageRows = usage;
  if (!meetingsFit) rollup.meetingRows = meetings;
  return rollup;
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
function summarizeUsageColumns(columns: Float64Array, window: ScoringWindow, log: IssueLog): UsageSummary {
  const summary: UsageSummary = { newest: null, rowsInWindow: 0, logins: 0, assessments: 0, reports: 0, maxFeaturesUsed: 0 };
  const { n, usage: days } = layout(columns);
  const today = dayOf(window.today);
  const earliest = window.earliest === null ? -Infinity : dayOf(window.earliest);
  const from = dayOf(window.windowStart);
  const to = dayOf(window.windowEnd);
  let newest = -1;
  for (let i = 0; i < n; i++) {
    const day = columns[days + i]!;
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
    summary.logins += columns[days + n + i]!;
    summary.assessments += columns[days + 2 * n + i]!;
    summary.reports += columns[days + 3 * n + i]!;
    summary.maxFeaturesUsed = Math.max(summary.maxFeaturesUsed, columns[days + 4 * n + i]!);
  }
  if (newest >= 0) summary.newest = { date: dateOfDay(columns[days + newest]!), usersInvited: columns[days + 5 * n + newest]! };
  return summary;
}

// Plain loops: Array.from with a mapping function is several times slower here, and this runs per account.
function ticketFacts(columns: Float64Array): TicketFacts[] {
  const { m, tickets } = layout(columns);
  const facts: TicketFacts[] = [];
  for (let i = 0; i < m; i++) facts.push({ createdAt: columns[tickets + i]!, satisfaction: Satisfaction.options[columns[tickets + m + i]!]! });
  return facts;
}

function npsFacts(columns: Float64Array): NpsFacts[] {
  const { k, nps } = layout(columns);
  const facts: NpsFacts[] = [];
  for (let i = 0; i < k; i++) facts.push({ date: dateOfDay(columns[nps + i]!), score: columns[nps + k + i]! });
  return facts;
}

function meetingFacts(columns: Float64Array): MeetingFacts[] {
  const { j, meetings } = layout(columns);
  const facts: MeetingFacts[] = [];
  for (let i = 0; i < j; i++) {
    const answer = columns[meetings + 3 * j + i];
    facts.push({
      date: dateOfDay(columns[meetings + i]!),
      // An unknown type weighs like any meeting without an executive, as the engine treats it.
      type: MeetingType.options[columns[meetings + j + i]!] ?? 'check-in',
      attended: columns[meetings + 2 * j + i] === 1,
      responseDays: answer === ANSWER.days ? columns[meetings + 4 * j + i]! : answer === ANSWER.never ? null : undefined,
    });
  }
  return facts;
}

/** The engine's row summaries from a rollup (see RowSummarizer). */
export function rollupSummarizer(rollup: ScoringRollup): RowSummarizer {
  const { columns } = rollup;
  return (window, log) => ({
    usage: rollup.usageRows ? summarizeUsage(rollup.usageRows, window, log) : summarizeUsageColumns(columns, window, log),
    tickets: summarizeTickets(ticketFacts(columns), window, log),
    newestNps: newestNps(npsFacts(columns), window.earliest, window.today, log),
    meetings: usableMeetings(rollup.meetingRows ?? meetingFacts(columns), window.earliest, window.today, log),
  });
}
