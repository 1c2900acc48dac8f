/**
 * The side panel's view model (and the account detail page's): everything it shows about one account, built in the
 * background (lib/db/account-panel.ts) and sent through the panel's port. The panel never opens the database: an
 * extension iframe inside a host page gets a storage-partitioned IndexedDB in Chromium. Validated on both ends.
 */
import { z } from 'zod';
import { Band, EpochMs, IsoDate, Segment } from './common';
import { MatchMethod, PageKeys } from './messages';
import { Account, MilestoneKey, Note, Override, PlaybookRun, Ticket } from './records';
import { FactorKey, HealthWeights, Tier } from './settings';

const Score = z.number().int().min(0).max(100);

export const PanelIndicator = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  expected: z.number().nullable(),
  score: z.number().nullable(),
  newestDate: IsoDate.nullable(),
  ageDays: z.number().int().nullable(),
  stale: z.boolean(),
  note: z.string(),
});

export const PanelFactor = z.object({
  key: FactorKey,
  score: z.number().nullable(),
  weight: z.number(),
  effectiveWeight: z.number(),
  contribution: z.number().nullable(),
  indicators: z.array(PanelIndicator),
  newestDate: IsoDate.nullable(),
  ageDays: z.number().int().nullable(),
  stale: z.boolean(),
});

export const PanelOverrideState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({ state: z.enum(['applied', 'expired', 'lapsed', 'ignored']), override: Override, why: z.string() }),
]);
export type PanelOverrideState = z.infer<typeof PanelOverrideState>;

/** The engine's explanation of the score (lib/scoring/account-health.ts), as the panel shows it. */
export const PanelHealth = z.object({
  today: IsoDate,
  score: Score.nullable(),
  band: Band,
  computedScore: Score.nullable(),
  computedBand: Band,
  computedExact: z.number().nullable(),
  override: PanelOverrideState,
  weights: HealthWeights,
  weightsSource: z.union([z.literal('default'), Segment]),
  factors: z.record(FactorKey, PanelFactor),
  stale: z.boolean(),
  trend: z.object({ delta7: z.number().int().nullable(), delta30: z.number().int().nullable() }),
  issues: z.array(z.object({ field: z.string(), problem: z.string() })),
});
export type PanelHealth = z.infer<typeof PanelHealth>;

/** One day's computed score for the sparkline; null when the account had no score that day. */
export const ScorePoint = z.object({ date: IsoDate, score: Score.nullable() });
export type ScorePoint = z.infer<typeof ScorePoint>;

const TimeToValue = z.union([
  z.object({ reached: z.literal(true), days: z.number().int(), on: IsoDate, milestone: MilestoneKey, withinTarget: z.boolean() }),
  z.object({ reached: z.literal(false), elapsed: z.number().int(), missedTarget: z.boolean() }),
  z.object({ reached: z.literal(false), invalid: z.string() }),
]);

const StageKey = z.enum(['onboard', 'activate', 'engage', 'expand']);

export const PanelJourney = z.union([
  z.object({
    status: z.enum(['active', 'not-started']),
    daysSinceStart: z.number().int(),
    stage: StageKey.nullable(),
    stages: z.array(
      z.object({
        key: StageKey,
        label: z.string(),
        startsOn: IsoDate,
        endsOn: IsoDate.nullable(),
        milestones: z.array(z.object({ key: MilestoneKey, label: z.string(), success: z.boolean(), reachedOn: IsoDate.nullable() })),
        successReachedOn: IsoDate.nullable(),
        stalled: z.boolean(),
        state: z.enum(['upcoming', 'in-progress', 'completed', 'stalled']),
      }),
    ),
    stalled: z.boolean(),
    timeToValue: TimeToValue,
    issues: z.array(z.string()),
  }),
  z.object({ status: z.literal('invalid'), field: z.enum(['startDate', 'today']), message: z.string() }),
]);
export type PanelJourney = z.infer<typeof PanelJourney>;

/** The Zendesk ticket the panel was opened on: what the first-response SLA is computed from (live, in the panel). */
export const PanelTicket = Ticket.pick({ zendeskId: true, subject: true, createdAt: true, firstReplyMinutes: true, status: true, priority: true });

export const PanelTicketState = z.discriminatedUnion('status', [
  /** Recorded by the Zendesk page (or imported). */
  z.object({ status: z.literal('recorded'), ticket: PanelTicket }),
  /** Not in the database yet: the page records it once it has read it. */
  z.object({ status: z.literal('not-recorded'), zendeskId: z.number().int().positive() }),
]);
export type PanelTicketState = z.infer<typeof PanelTicketState>;

export const PanelTemplate = z.object({ id: z.string(), name: z.string(), description: z.string().optional() });
export type PanelTemplate = z.infer<typeof PanelTemplate>;

export const AccountPanel = z.object({
  account: Account,
  /** How the page found this account, when the panel was given the page's keys. */
  match: z.object({ method: MatchMethod, matchedOn: z.string() }).nullable(),
  health: PanelHealth,
  /** Computed scores from the daily snapshots, oldest first, ending with today's live score. */
  history: z.array(ScorePoint),
  journey: PanelJourney,
  tier: Tier.nullable(),
  ticket: PanelTicketState.nullable(),
  /** Open runs first, then closed ones, newest first. */
  runs: z.array(PlaybookRun),
  /** Playbooks a person can start by hand (those without an open run for the account). */
  startable: z.array(PanelTemplate),
  /** The newest notes, newest first, and how many older ones there are. */
  notes: z.array(Note),
  olderNotes: z.number().int().nonnegative(),
  /** Who this browser's user is (settings.currentUser), for "done by you". */
  currentUser: z.string(),
  /** A sensible default expiry for a new override (30 days from today). */
  defaultOverrideExpiry: IsoDate,
  generatedAt: EpochMs,
});
export type AccountPanel = z.infer<typeof AccountPanel>;

/** What the panel asks its port for. */
export const PanelSubscribe = z
  .object({
    type: z.literal('subscribe'),
    accountId: z.string().min(1).max(100),
    ticketId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    /** The page's keys, when the panel knows them: the panel then says how the account matched. */
    keys: PageKeys.optional(),
  })
  .strict();
export type PanelSubscribe = z.infer<typeof PanelSubscribe>;

/** What the background posts through the port: each new view model, or why there is none. */
export const PanelUpdate = z.discriminatedUnion('type', [
  z.object({ type: z.literal('panel'), panel: AccountPanel }),
  z.object({ type: z.literal('missing'), accountId: z.string() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type PanelUpdate = z.infer<typeof PanelUpdate>;
