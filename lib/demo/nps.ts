/** NPS survey answers of the last year: the score follows the latent health (≈ 1 + 9 × health). */
import type { Contact, NpsResponse } from '../schemas/records';
import type { DemoCalendar } from './calendar';
import { NPS_COMMENTS } from './catalog';
import { demoNpsId } from './ids';
import type { AccountProfile } from './profile';
import type { Random } from './random';

const SURVEY_WINDOW_DAYS = 365;
/** Customers are first surveyed after their second month. */
const FIRST_SURVEY_AFTER_DAYS = 60;
const RESPONSES_PER_YEAR = { SMB: 1.2, 'Mid-Market': 2, Enterprise: 3.5 } as const;
const COMMENT_SHARE = 0.45;

export function makeNps(
  profile: AccountProfile,
  contacts: readonly Contact[],
  random: Random,
  calendar: DemoCalendar,
): NpsResponse[] {
  const first = Math.max(-SURVEY_WINDOW_DAYS, profile.startOffset + FIRST_SURVEY_AFTER_DAYS);
  const last = profile.churnOffset ?? -1;
  if (last < first || contacts.length === 0) return [];
  const count = random.poisson((RESPONSES_PER_YEAR[profile.segment] * (last - first + 1)) / SURVEY_WINDOW_DAYS);
  const responses: NpsResponse[] = [];
  for (let n = 0; n < count; n++) {
    const score = Math.round(Math.min(10, Math.max(0, 1 + 9.2 * profile.health + 1.1 * random.normal())));
    const comments = score >= 9 ? NPS_COMMENTS.promoter : score >= 7 ? NPS_COMMENTS.passive : NPS_COMMENTS.detractor;
    responses.push({
      id: demoNpsId(profile.index, n + 1),
      accountId: profile.accountId,
      contactEmail: random.pick(contacts).email,
      score,
      date: calendar.iso(random.int(first, last)),
      ...(random.chance(COMMENT_SHARE) ? { comment: random.pick(comments) } : {}),
      demo: true,
    });
  }
  return responses;
}
