/**
 * Team settings: the health model's knobs, SLA tiers, metric targets and matching rules.
 * Stored as one validated record; every field has the default from DESIGN.md §3.
 */
import { z } from 'zod';
import { Plan, Segment, TierName } from './common';

export const FactorKey = z.enum(['usage', 'engagement', 'adoption', 'relationship']);
export type FactorKey = z.infer<typeof FactorKey>;

export const HealthWeights = z
  .object({
    usage: z.number().min(0, 'weight must not be negative').finite(),
    engagement: z.number().min(0, 'weight must not be negative').finite(),
    adoption: z.number().min(0, 'weight must not be negative').finite(),
    relationship: z.number().min(0, 'weight must not be negative').finite(),
  })
  .refine((w) => Math.abs(w.usage + w.engagement + w.adoption + w.relationship - 100) < 1e-9, {
    message: 'weights must add up to 100',
  });
export type HealthWeights = z.infer<typeof HealthWeights>;

/** Lowest score of each band: healthy ≥ healthy, at-risk ≥ atRisk, critical below. */
export const BandEdges = z
  .object({
    healthy: z.number().int().min(1).max(100),
    atRisk: z.number().int().min(1).max(100),
  })
  .refine((e) => e.atRisk < e.healthy, { message: 'the at-risk edge must be below the healthy edge' });
export type BandEdges = z.infer<typeof BandEdges>;

/** What "full marks" means for a usage indicator: per plan, for a 30-day window (scaled per seat when seats are known). */
export const UsageExpectation = z.object({
  loginsPerSeat: z.number().positive().finite(),
  assessments: z.number().positive().finite(),
  reports: z.number().positive().finite(),
});
export type UsageExpectation = z.infer<typeof UsageExpectation>;

export const PlanLimits = z.object({
  seats: z.number().int().positive(),
  assessments: z.number().int().positive(),
  featuresAvailable: z.number().int().positive(),
});
export type PlanLimits = z.infer<typeof PlanLimits>;

/**
 * How the engagement and relationship indicators become 0–100 scores (lib/scoring). Usage and adoption are
 * normalised by `usageExpectations` and `planLimits` instead.
 */
export const IndicatorSettings = z
  .object({
    /** Tickets per 30 days at which the ticket-volume score reaches 0 (no tickets → 100, linear between). */
    ticketsForZero: z.number().positive().finite(),
    /** Days of meetings the relationship factor looks back over: meetings are rarer than logins. */
    meetingLookbackDays: z.number().int().min(1).max(730),
    /** An EBR or exec-sponsor meeting counts this many times a regular one in attendance. */
    execMeetingWeight: z.number().min(1).max(10).finite(),
    /** Answering within this many days scores 100 for responsiveness … */
    responseDaysFull: z.number().nonnegative().finite(),
    /** … and this many days or more (or never answering) scores 0, linear between. */
    responseDaysZero: z.number().positive().finite(),
  })
  .refine((i) => i.responseDaysFull < i.responseDaysZero, {
    message: 'responseDaysFull must be below responseDaysZero',
    path: ['responseDaysFull'],
  });
export type IndicatorSettings = z.infer<typeof IndicatorSettings>;

export const DEFAULT_INDICATORS: IndicatorSettings = {
  ticketsForZero: 10,
  meetingLookbackDays: 90,
  execMeetingWeight: 2,
  responseDaysFull: 1,
  responseDaysZero: 14,
};

export { TierName } from './common';

export const Tier = z.object({
  name: TierName,
  firstResponseHours: z.number().positive().finite(),
  channels: z.array(z.string().min(1)),
});
export type Tier = z.infer<typeof Tier>;

export const MetricTargets = z.object({
  grrPercent: z.number().finite(),
  nrrPercent: z.number().finite(),
  nps: z.number().min(-100).max(100),
  csat: z.number().min(1).max(5),
  firstResponseMinutes: z.number().positive(),
  timeToValueDays: z.number().positive(),
});
export type MetricTargets = z.infer<typeof MetricTargets>;

/** The team's Salesforce address, for opening an account there; '' when not set. */
export const SalesforceInstanceUrl = z.union([
  z.literal(''),
  z
    .string()
    .regex(
      /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.(lightning\.force\.com|my\.salesforce\.com)$/i,
      'expected your Salesforce address, like https://acme.lightning.force.com',
    ),
]);

export const Settings = z.object({
  /** Name of the person using this browser: "my accounts", who ticked a step, who set an override. */
  currentUser: z.string().max(200),
  weights: HealthWeights,
  /** Optional weights per segment; a segment without its own uses `weights`. */
  segmentWeights: z.partialRecord(Segment, HealthWeights),
  bands: BandEdges,
  staleAfterDays: z.number().int().min(1).max(3650),
  windowDays: z.number().int().min(1).max(365),
  usageExpectations: z.record(Plan, UsageExpectation),
  planLimits: z.record(Plan, PlanLimits),
  /** Settings saved before this field existed get the defaults. */
  indicators: IndicatorSettings.default(DEFAULT_INDICATORS),
  tiers: z.record(TierName, Tier),
  tierByPlan: z.record(Plan, TierName),
  targets: MetricTargets,
  /** Email domains that never identify a customer (webmail). */
  personalDomains: z.array(z.string().min(1)),
  /** Opportunity "Type" values (as written in Salesforce) that mean a renewal. */
  renewalTypeNames: z.array(z.string().min(1)),
  /** Settings saved before this field existed get ''. */
  salesforceInstanceUrl: SalesforceInstanceUrl.default(''),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  currentUser: '',
  weights: { usage: 40, engagement: 25, adoption: 20, relationship: 15 },
  segmentWeights: {},
  bands: { healthy: 80, atRisk: 50 },
  staleAfterDays: 30,
  windowDays: 30,
  usageExpectations: {
    Free: { loginsPerSeat: 4, assessments: 1, reports: 1 },
    Starter: { loginsPerSeat: 8, assessments: 2, reports: 2 },
    Professional: { loginsPerSeat: 12, assessments: 4, reports: 4 },
    Enterprise: { loginsPerSeat: 16, assessments: 8, reports: 8 },
  },
  planLimits: {
    Free: { seats: 3, assessments: 2, featuresAvailable: 5 },
    Starter: { seats: 10, assessments: 10, featuresAvailable: 10 },
    Professional: { seats: 50, assessments: 50, featuresAvailable: 20 },
    Enterprise: { seats: 1000, assessments: 500, featuresAvailable: 30 },
  },
  indicators: DEFAULT_INDICATORS,
  tiers: {
    Standard: { name: 'Standard', firstResponseHours: 24, channels: ['email', 'help center'] },
    Priority: { name: 'Priority', firstResponseHours: 4, channels: ['email', 'chat'] },
    Premium: { name: 'Premium', firstResponseHours: 1, channels: ['email', 'chat', 'phone', 'Slack'] },
  },
  tierByPlan: { Free: 'Standard', Starter: 'Standard', Professional: 'Priority', Enterprise: 'Premium' },
  targets: {
    grrPercent: 90,
    nrrPercent: 110,
    nps: 50,
    csat: 4.5,
    firstResponseMinutes: 240,
    timeToValueDays: 7,
  },
  personalDomains: [
    'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com',
    'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de',
    'mail.com', 'zoho.com', 'yandex.com', 'yandex.ru', 'qq.com', '163.com', 'hey.com', 'fastmail.com',
  ],
  renewalTypeNames: ['Renewal', 'Existing Business - Renewal'],
  salesforceInstanceUrl: '',
};
