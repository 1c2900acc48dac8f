/**
 * Meetings of the last six months at the cadence a CSM would keep per segment, the latest of each kind within one
 * cadence of today. Healthy customers show up and answer quickly; unhealthy ones skip meetings. A customer that went
 * quiet stopped taking meetings five to eight weeks ago.
 */
import type { Meeting } from '../schemas/records';
import type { DemoCalendar } from './calendar';
import { demoMeetingId } from './ids';
import type { AccountProfile } from './profile';
import type { Random } from './random';

type MeetingType = Meeting['type'];

const MEETING_WINDOW_DAYS = 180;
/**
 * Days between recurring meetings per segment; absent = not held for that segment. Check-ins at most 30 days apart
 * keep a customer in touch within the default stale-input age.
 */
const CADENCE_DAYS: Record<AccountProfile['segment'], Partial<Record<MeetingType, number>>> = {
  SMB: { 'check-in': 30 },
  'Mid-Market': { 'check-in': 30, qbr: 90 },
  Enterprise: { 'check-in': 21, qbr: 90, ebr: 180 },
};
/** A quiet customer's last recurring meeting was this many days ago. */
const QUIET_DAYS = [35, 56] as const;
const EXEC_SPONSOR_MEETING_CHANCE = { SMB: 0.1, 'Mid-Market': 0.35, Enterprise: 0.7 } as const;

export function makeMeetings(profile: AccountProfile, random: Random, calendar: DemoCalendar): Meeting[] {
  const first = Math.max(-MEETING_WINDOW_DAYS, profile.startOffset);
  const last = profile.churnOffset === null ? -1 : Math.min(-1, profile.churnOffset);
  if (last < first) return [];

  const planned: { type: MeetingType; offset: number }[] = [];
  const addIfInWindow = (type: MeetingType, offset: number) => {
    if (offset >= first && offset <= last) planned.push({ type, offset });
  };
  // Recurring meetings are placed back from the latest one; a quiet customer's stopped a while ago.
  const lastRecurring = profile.quiet ? Math.min(last, -random.int(QUIET_DAYS[0], QUIET_DAYS[1])) : last;
  for (const [type, every] of Object.entries(CADENCE_DAYS[profile.segment]) as [MeetingType, number][]) {
    for (let offset = lastRecurring - random.int(0, every - 1); offset >= first; offset -= every + random.int(-3, 3)) {
      addIfInWindow(type, offset);
    }
  }
  if (random.chance(EXEC_SPONSOR_MEETING_CHANCE[profile.segment]) && lastRecurring >= first) {
    addIfInWindow('exec-sponsor', random.int(first, lastRecurring));
  }
  // New customers: kickoff and setup calls, then a training session.
  addIfInWindow('onboarding', profile.startOffset + random.int(1, 3));
  addIfInWindow('onboarding', profile.startOffset + random.int(7, 10));
  addIfInWindow('training', profile.startOffset + random.int(14, 30));

  planned.sort((a, b) => a.offset - b.offset);
  const attendance = 0.3 + 0.65 * profile.health;
  return planned.map(({ type, offset }, n) => {
    const attended = random.chance(attendance);
    const quietDays = 0.5 + (1 - profile.health) * 6;
    const responseDays = attended
      ? roundTenth(random.logNormal(quietDays, 0.5))
      : random.chance(0.5)
        ? null
        : roundTenth(random.logNormal(quietDays * 2, 0.5));
    return {
      id: demoMeetingId(profile.index, n + 1),
      accountId: profile.accountId,
      date: calendar.iso(offset),
      type,
      attended,
      responseDays,
      demo: true,
    };
  });
}

const roundTenth = (value: number) => Math.round(value * 10) / 10;
