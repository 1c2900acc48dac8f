/**
 * Zendesk tickets of the last 90 days. Unhealthy accounts file more tickets, rate them badly more often and wait
 * longer for a first reply; the tier (from the plan) sets the usual reply speed. A customer in touch with support
 * has filed its newest ticket within the last four weeks; one that went quiet has filed nothing for five weeks.
 */
import type { Contact, Ticket } from '../schemas/records';
import { DEFAULT_SETTINGS } from '../schemas/settings';
import { DAY_MS, type DemoCalendar, HOUR_MS } from './calendar';
import { TICKET_SUBJECTS } from './catalog';
import { DEMO_TICKET_ID_BASE, demoZendeskOrgId } from './ids';
import type { AccountProfile, LatentBand } from './profile';
import type { Random } from './random';

type Satisfaction = Ticket['satisfaction'];
type Priority = NonNullable<Ticket['priority']>;

const TICKET_WINDOW_DAYS = 90;
/** An account in touch filed its newest ticket within this many days… */
const RECENT_TICKET_DAYS = 28;
/** …and a quiet one none within this many. */
const QUIET_DAYS = 35;
const MINUTE_MS = 60_000;
const TICKETS_PER_90_DAYS: Record<LatentBand, number> = { healthy: 1.5, 'at-risk': 5, critical: 11 };
const SIZE_FACTOR = { SMB: 0.7, 'Mid-Market': 1.2, Enterprise: 2 } as const;
/** Slower first replies for accounts already in trouble (escalations pile up). */
const REPLY_DELAY_FACTOR: Record<LatentBand, number> = { healthy: 1, 'at-risk': 1.6, critical: 2.6 };

const SATISFACTION_MIX: Record<LatentBand, readonly (readonly [Satisfaction, number])[]> = {
  healthy: [['good', 55], ['bad', 2], ['offered', 23], ['unoffered', 20]],
  'at-risk': [['good', 45], ['bad', 9], ['offered', 26], ['unoffered', 20]],
  critical: [['good', 30], ['bad', 22], ['offered', 30], ['unoffered', 18]],
};
const PRIORITY_MIX: Record<LatentBand, readonly (readonly [Priority | null, number])[]> = {
  healthy: [['low', 30], ['normal', 55], ['high', 5], [null, 10]],
  'at-risk': [['low', 20], ['normal', 50], ['high', 20], ['urgent', 3], [null, 7]],
  critical: [['low', 10], ['normal', 40], ['high', 30], ['urgent', 12], [null, 8]],
};

/** `firstTicketNumber` numbers tickets across the portfolio; the Zendesk id is DEMO_TICKET_ID_BASE + number. */
export function makeTickets(
  profile: AccountProfile,
  contacts: readonly Contact[],
  random: Random,
  calendar: DemoCalendar,
  firstTicketNumber: number,
): Ticket[] {
  const windowStart = Math.max(
    calendar.nowMs - TICKET_WINDOW_DAYS * DAY_MS,
    calendar.startOfDayMs(profile.startOffset),
  );
  const activeUntil = profile.churnOffset === null ? calendar.nowMs : calendar.startOfDayMs(profile.churnOffset);
  const windowEnd = profile.quiet ? Math.min(activeUntil, calendar.nowMs - QUIET_DAYS * DAY_MS) : activeUntil;
  if (windowEnd <= windowStart || contacts.length === 0) return [];

  const windowShare = (windowEnd - windowStart) / (TICKET_WINDOW_DAYS * DAY_MS);
  const count = random.poisson(TICKETS_PER_90_DAYS[profile.band] * SIZE_FACTOR[profile.segment] * windowShare);
  const tierHours = DEFAULT_SETTINGS.tiers[DEFAULT_SETTINGS.tierByPlan[profile.plan]].firstResponseHours;
  const typicalReplyMinutes = tierHours * 60 * 0.35 * REPLY_DELAY_FACTOR[profile.band];

  const createdTimes = Array.from({ length: count }, () => Math.floor(random.between(windowStart, windowEnd)));
  createdTimes.sort((a, b) => a - b); // ids grow with creation time, as in Zendesk
  const recentFrom = Math.max(windowStart, calendar.nowMs - RECENT_TICKET_DAYS * DAY_MS);
  const newest = createdTimes.length - 1;
  if (!profile.quiet && profile.churnOffset === null && newest >= 0 && (createdTimes[newest] ?? 0) < recentFrom) {
    createdTimes[newest] = Math.floor(random.between(recentFrom, windowEnd));
  }
  return createdTimes.map((createdAt, n) => {
    const ageMs = calendar.nowMs - createdAt;
    const status = ticketStatus(random, ageMs, profile.band);
    const troubled = random.chance(profile.band === 'healthy' ? 0.25 : 0.6);
    const firstReplyMinutes =
      status === 'new'
        ? null
        : Math.min(Math.round(random.logNormal(typicalReplyMinutes, 0.7)), Math.floor(ageMs / MINUTE_MS));
    const solved = status === 'solved' || status === 'closed';
    const replyMs = (firstReplyMinutes ?? 0) * MINUTE_MS;
    return {
      zendeskId: DEMO_TICKET_ID_BASE + firstTicketNumber + n,
      accountId: profile.accountId,
      requesterEmail: random.pick(contacts).email,
      organizationId: demoZendeskOrgId(profile.index),
      subject: random.pick(troubled ? TICKET_SUBJECTS.problem : TICKET_SUBJECTS.routine),
      createdAt,
      firstReplyMinutes,
      solvedAt: solved
        ? Math.min(calendar.nowMs, createdAt + replyMs + Math.round(random.logNormal(20 * HOUR_MS, 0.9)))
        : null,
      status,
      priority: random.weighted(PRIORITY_MIX[profile.band]),
      satisfaction: solved ? random.weighted(SATISFACTION_MIX[profile.band]) : 'unoffered',
      demo: true,
    };
  });
}

function ticketStatus(random: Random, ageMs: number, band: LatentBand): Ticket['status'] {
  if (ageMs < DAY_MS) return random.weighted([['new', 50], ['open', 40], ['pending', 10]]);
  if (ageMs < 4 * DAY_MS) return random.weighted([['open', 45], ['pending', 25], ['solved', 30]]);
  const stuck = band === 'healthy' ? 5 : band === 'at-risk' ? 12 : 20; // unresolved old tickets
  return random.weighted([['open', stuck / 2], ['pending', stuck / 3], ['hold', stuck / 6], ['solved', 30], ['closed', 70 - stuck]]);
}
