/**
 * The hidden truth behind one demo account: firmographics, contract dates and a latent health that every other
 * generated record (usage, tickets, NPS, meetings, milestones, opportunities) is derived from. The scoring engine
 * never sees the latent health; it only sees those records, so the band it computes follows the latent one.
 */
import type { Plan, Segment } from '../schemas/common';
import type { DemoCalendar } from './calendar';
import { CHURN_REASONS, OWNERS_BY_SEGMENT } from './catalog';
import type { CompanyName } from './company-names';
import { demoAccountId } from './ids';
import { evenlySpread, pickByShare, type Random, WEYL_STRIDES } from './random';

export type LatentBand = 'healthy' | 'at-risk' | 'critical';

export interface AccountProfile {
  index: number;
  accountId: string;
  company: CompanyName;
  segment: Segment;
  plan: Plan;
  /** Current ARR (for a churned account: the ARR it had when it left). */
  arr: number;
  seats: number;
  owner: string;
  /** Day offsets relative to today (negative = past). */
  startOffset: number;
  /** The next contract anniversary (today or later); null for churned and Free accounts (no contract to renew). */
  renewalOffset: number | null;
  /** Churned accounts left at their last anniversary, within the past year. */
  churnOffset: number | null;
  churnReason: string | null;
  /** 0–1; ≈ the score the account should get divided by 100. */
  health: number;
  band: LatentBand;
  /**
   * The customer went quiet: no survey answer, meeting or ticket in the last month or so, so its scores rest on old
   * inputs (the engine flags them stale). Mostly accounts in trouble; a few healthy ones are simply hands-off.
   */
  quiet: boolean;
  /** The last day with product usage for an account that stopped using it (quiet and critical); null when in use. */
  lastUsageOffset: number | null;
}

const SEGMENT_MIX = [
  ['SMB', 60],
  ['Mid-Market', 30],
  ['Enterprise', 10],
] as const satisfies readonly (readonly [Segment, number])[];

const PLAN_MIX: Record<Segment, readonly (readonly [Plan, number])[]> = {
  SMB: [['Free', 20], ['Starter', 55], ['Professional', 25]],
  'Mid-Market': [['Starter', 10], ['Professional', 70], ['Enterprise', 20]],
  Enterprise: [['Professional', 15], ['Enterprise', 85]],
};

/** ARR range per segment; drawn log-normally around the geometric middle, so most sit mid-range. */
const ARR_RANGE: Record<Segment, readonly [number, number]> = {
  SMB: [5_000, 30_000],
  'Mid-Market': [30_000, 150_000],
  Enterprise: [150_000, 1_500_000],
};

/** Seats bought per plan (the upper end is the plan's seat limit in the default settings). */
const SEAT_RANGE: Record<Plan, readonly [number, number]> = {
  Free: [1, 3],
  Starter: [2, 10],
  Professional: [8, 50],
  Enterprise: [40, 1000],
};

/**
 * Share of active accounts per latent band. Scoring moves a few accounts across band edges (small accounts' few
 * tickets and meetings make noisy indicators), so this lands the scored portfolio near 61 / 26 / 12
 * (tests/unit/demo/scored-mix.test.ts).
 */
const BAND_MIX = [
  ['healthy', 62],
  ['at-risk', 25],
  ['critical', 13],
] as const satisfies readonly (readonly [LatentBand, number])[];

/** Latent health ranges keep clear of the band edges (80, 50) so indicator noise rarely flips a band. */
const HEALTH_RANGE: Record<LatentBand, readonly [number, number]> = {
  healthy: [0.82, 0.98],
  'at-risk': [0.53, 0.77],
  critical: [0.12, 0.47],
};

/** Share of active accounts per latent band that went quiet (see AccountProfile.quiet). */
const QUIET_SHARE: Record<LatentBand, number> = { healthy: 0.05, 'at-risk': 0.2, critical: 0.4 };
/** Share of quiet critical accounts that also stopped using the product, a month or so ago. */
const DORMANT_SHARE = 0.5;
/** Only established customers drift away like that; new ones are still onboarding. */
const DORMANT_MIN_AGE_DAYS = 90;

const CHURN_SHARE = 0.05;
const HISTORY_DAYS = 3 * 365;

/** Start-date mix: most accounts are one to three years old; a few are new, so every journey stage appears. */
const START_AGE_MIX: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 6], 3], // Onboard
  [[7, 29], 4], // Activate
  [[30, 89], 6], // Engage
  [[90, HISTORY_DAYS], 87], // Expand
];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function makeProfile(
  seed: number,
  index: number,
  random: Random,
  company: CompanyName,
  calendar: DemoCalendar,
): AccountProfile {
  const segment = random.weighted(SEGMENT_MIX);
  const plan = random.weighted(PLAN_MIX[segment]);
  // One draw positions the account within its segment, so ARR and seats go together.
  const size = clamp(random.normal(), -2, 2);
  const [arrLow, arrHigh] = ARR_RANGE[segment];
  const arrMiddle = Math.sqrt(arrLow * arrHigh);
  const arr = plan === 'Free' ? 0 : roundTo(clamp(arrMiddle * Math.exp(size * 0.45), arrLow, arrHigh), 100);
  const [seatLow, seatHigh] = SEAT_RANGE[plan];
  const seatShare = clamp((size + 2) / 4 + random.between(-0.1, 0.1), 0, 1);
  const seats = Math.round(seatLow * Math.pow(seatHigh / seatLow, seatShare));

  // Churn and bands come from evenly spread sequences: their shares hold exactly, even in small portfolios.
  const churned = evenlySpread(seed, WEYL_STRIDES.golden, index) < CHURN_SHARE;
  // A churned account left at a renewal within the last year, so it is more than a year old.
  const [ageLow, ageHigh] = churned ? [400, HISTORY_DAYS] : random.weighted(START_AGE_MIX);
  const startOffset = -random.int(ageLow, ageHigh);
  const nextAnniversary = firstAnniversaryFrom(startOffset, calendar);
  const band: LatentBand = churned ? 'critical' : pickByShare(evenlySpread(seed, WEYL_STRIDES.silver, index), BAND_MIX);
  const [healthLow, healthHigh] = churned ? [0.05, 0.35] : HEALTH_RANGE[band];
  const health = random.between(healthLow, healthHigh);
  // Drawn after everything above, so adding them left the accounts' other traits as they were.
  const quiet = !churned && random.chance(QUIET_SHARE[band]);
  const dormant = quiet && band === 'critical' && startOffset < -DORMANT_MIN_AGE_DAYS && random.chance(DORMANT_SHARE);
  const lastUsageOffset = dormant ? -random.int(31, 34) : null;

  return {
    index,
    accountId: demoAccountId(index),
    company,
    segment,
    plan,
    arr,
    seats,
    owner: random.pick(OWNERS_BY_SEGMENT[segment]),
    startOffset,
    renewalOffset: churned || plan === 'Free' ? null : nextAnniversary.offset,
    churnOffset: churned ? calendar.addYears(startOffset, nextAnniversary.years - 1) : null,
    churnReason: churned ? random.weighted(CHURN_REASONS) : null,
    health,
    band,
    quiet,
    lastUsageOffset,
  };
}

/** The first contract anniversary on or after today, and how many years after the start it falls. */
function firstAnniversaryFrom(startOffset: number, calendar: DemoCalendar): { offset: number; years: number } {
  for (let years = 1; ; years++) {
    const offset = calendar.addYears(startOffset, years);
    if (offset >= 0) return { offset, years };
  }
}

export function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}
