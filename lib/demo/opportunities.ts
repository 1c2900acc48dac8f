/**
 * Salesforce-style opportunities that add up: the first deal, a won renewal at each past anniversary (for the ARR of
 * that day), the open renewal when it is near, and ARR changes that follow health — expansion for healthy accounts,
 * contraction and churn risk for unhealthy ones. For contraction and churn, `won` means the change took effect.
 */
import type { Opportunity } from '../schemas/records';
import type { DemoCalendar } from './calendar';
import { demoOpportunityId } from './ids';
import { type AccountProfile, roundTo } from './profile';
import type { Random } from './random';

type OpportunityType = Opportunity['type'];

/** Renewals enter the pipeline this many days before they are due. */
const RENEWAL_PIPELINE_DAYS = 180;
const CHANGE_HISTORY_DAYS = 365;

interface PastChange {
  type: 'expansion' | 'contraction';
  offset: number;
  amount: number;
}

export function makeOpportunities(profile: AccountProfile, random: Random, calendar: DemoCalendar): Opportunity[] {
  const opportunities: Opportunity[] = [];
  const add = (type: OpportunityType, amount: number, closeOffset: number, outcome: Opportunity['outcome']) => {
    opportunities.push({
      id: demoOpportunityId(profile.index, opportunities.length + 1),
      accountId: profile.accountId,
      type,
      amount,
      closeDate: calendar.iso(closeOffset),
      stage: outcome === 'won' ? 'Closed Won' : outcome === 'lost' ? 'Closed Lost' : openStage(closeOffset),
      outcome,
      demo: true,
    });
  };
  const { arr, band, startOffset, churnOffset, renewalOffset } = profile;
  const lastPastDay = churnOffset === null ? -1 : churnOffset - 1;

  const changes = pastChanges(profile, random, lastPastDay);
  // ARR on the first day: today's ARR with the later changes undone.
  const arrOnDay = (offset: number) =>
    changes.reduce(
      (value, change) =>
        change.offset >= offset ? value + (change.type === 'expansion' ? -change.amount : change.amount) : value,
      arr,
    );

  if (arr > 0) add('new', arrOnDay(startOffset), startOffset, 'won');
  for (let years = 1; ; years++) {
    const anniversary = calendar.addYears(startOffset, years);
    if (anniversary > lastPastDay) break;
    if (arr > 0) add('renewal', arrOnDay(anniversary), anniversary, 'won');
  }
  for (const change of changes) add(change.type, change.amount, change.offset, 'won');

  if (churnOffset !== null) {
    add('churn', arr, churnOffset, 'won');
    return opportunities;
  }

  if (band === 'healthy' && random.chance(0.1) && startOffset < -60) {
    add('expansion', roundTo(Math.max(arr, 5_000) * random.between(0.1, 0.3), 100), random.int(Math.max(startOffset + 30, -300), -1), 'lost');
  }
  if (renewalOffset !== null && renewalOffset <= RENEWAL_PIPELINE_DAYS) add('renewal', arr, renewalOffset, 'open');
  if (band === 'healthy' && random.chance(0.35)) {
    // A free account's expansion is its upgrade to a paid plan.
    const amount = arr === 0 ? roundTo(random.between(4_000, 9_000), 100) : roundTo(arr * random.between(0.1, 0.4), 100);
    add('expansion', amount, random.int(20, 150), 'open');
  }
  const riskCloseOffset = renewalOffset ?? random.int(30, 120);
  if (band === 'critical' && arr > 0 && random.chance(0.45)) {
    add('churn', arr, riskCloseOffset, 'open');
  } else if (band !== 'healthy' && arr > 0 && random.chance(band === 'critical' ? 0.25 : 0.3)) {
    add('contraction', roundTo(arr * random.between(0.1, 0.3), 100), riskCloseOffset, 'open');
  }
  return opportunities;
}

/** Expansions and contractions closed in the past year (after a first month as a customer). */
function pastChanges(profile: AccountProfile, random: Random, lastPastDay: number): PastChange[] {
  const first = Math.max(-CHANGE_HISTORY_DAYS, profile.startOffset + 30);
  if (profile.arr === 0 || first > lastPastDay) return [];
  const type =
    profile.band === 'healthy' ? (random.chance(0.45) ? 'expansion' : null) : random.chance(0.2) ? 'contraction' : null;
  if (!type) return [];
  const share = type === 'expansion' ? random.between(0.1, 0.35) : random.between(0.08, 0.25);
  // An expansion is part of today's ARR; a contraction was taken off an ARR that was higher.
  const amount = roundTo((profile.arr * share) / (type === 'expansion' ? 1 : 1 - share), 100);
  return amount > 0 ? [{ type, offset: random.int(first, lastPastDay), amount }] : [];
}

function openStage(closeOffset: number): string {
  if (closeOffset > 90) return 'Qualification';
  if (closeOffset > 30) return 'Proposal';
  return 'Negotiation';
}
