/**
 * Every record Sightline stores, defined once. The Dexie tables in lib/db are typed from these,
 * imports and restores validate against them, and the demo generator produces them.
 */
import { z } from 'zod';
import { Band, EpochMs, IsoDate, NonNegativeInt, NonNegativeNumber, Plan, SalesforceId18, Segment } from './common';

export const AccountStatus = z.enum(['active', 'churned']);

export const Account = z.object({
  /** Sightline's own id: stable across imports (derived from the natural key when imported). */
  id: z.string().min(1).max(100),
  sfId: SalesforceId18.optional(),
  zendeskOrgId: z.string().regex(/^\d+$/, 'expected a numeric Zendesk organization id').optional(),
  externalId: z.string().min(1).max(200).optional(),
  name: z.string().min(1).max(300),
  /** Lower-case email/web domains that belong to the customer (never personal mail domains). */
  domains: z.array(z.string().min(1).max(253)).max(50),
  owner: z.string().max(200).optional(),
  segment: Segment.optional(),
  plan: Plan.optional(),
  arr: NonNegativeNumber,
  seats: NonNegativeInt.optional(),
  startDate: IsoDate,
  renewalDate: IsoDate.optional(),
  status: AccountStatus,
  churnDate: IsoDate.optional(),
  churnReason: z.string().max(500).optional(),
  /** Set on records made by the demo generator, so the UI can say so. */
  demo: z.boolean().optional(),
});
export type Account = z.infer<typeof Account>;

export const ContactRole = z.enum(['exec-sponsor', 'champion', 'admin', 'user']);
export const Contact = z.object({
  id: z.string().min(1).max(100),
  accountId: z.string().min(1).optional(),
  email: z.string().email().max(320),
  name: z.string().max(300).optional(),
  title: z.string().max(300).optional(),
  role: ContactRole.optional(),
  sfId: SalesforceId18.optional(),
  zendeskUserId: z.string().regex(/^\d+$/).optional(),
  demo: z.boolean().optional(),
});
export type Contact = z.infer<typeof Contact>;

/** One account's product usage on one day. */
export const UsageDay = z.object({
  accountId: z.string().min(1),
  date: IsoDate,
  logins: NonNegativeInt,
  assessments: NonNegativeInt,
  reports: NonNegativeInt,
  activeUsers: NonNegativeInt,
  usersInvited: NonNegativeInt,
  /** Distinct product features used that day. */
  featuresUsed: NonNegativeInt,
  demo: z.boolean().optional(),
});
export type UsageDay = z.infer<typeof UsageDay>;

// Tickets live in ./ticket.ts so a content script can build the ticket schema without every other record's.
export { Satisfaction, Ticket, TicketPriority, TicketStatus } from './ticket';

export const NpsResponse = z.object({
  id: z.string().min(1).max(100),
  accountId: z.string().min(1),
  contactEmail: z.string().max(320).optional(),
  score: z.number().int().min(0).max(10),
  date: IsoDate,
  comment: z.string().max(5000).optional(),
  demo: z.boolean().optional(),
});
export type NpsResponse = z.infer<typeof NpsResponse>;

export const MeetingType = z.enum(['check-in', 'qbr', 'ebr', 'exec-sponsor', 'training', 'onboarding']);
export const Meeting = z.object({
  id: z.string().min(1).max(100),
  accountId: z.string().min(1),
  date: IsoDate,
  type: MeetingType,
  attended: z.boolean(),
  /** Days the customer took to answer the invitation / follow-up; null when they never did. */
  responseDays: NonNegativeNumber.nullable().optional(),
  demo: z.boolean().optional(),
});
export type Meeting = z.infer<typeof Meeting>;

/** Journey milestones (DESIGN.md §3). The success milestone of each stage is marked in lib/lifecycle. */
export const MilestoneKey = z.enum([
  'welcome-sent',
  'first-assessment',
  'first-gap-identified',
  'first-full-assessment',
  'first-report',
  'shared-with-team',
  'regular-assessments',
  'training-assigned',
  'multi-user-adoption',
  'more-systems',
  'plan-upgraded',
  'referral-or-case-study',
]);
export type MilestoneKey = z.infer<typeof MilestoneKey>;

export const Milestone = z.object({
  accountId: z.string().min(1),
  key: MilestoneKey,
  date: IsoDate,
  demo: z.boolean().optional(),
});
export type Milestone = z.infer<typeof Milestone>;

export const OpportunityType = z.enum(['new', 'renewal', 'expansion', 'contraction', 'churn']);
export const Opportunity = z.object({
  id: z.string().min(1).max(100),
  accountId: z.string().min(1),
  type: OpportunityType,
  /** Amount of ARR the opportunity changes (always positive; `type` says the direction). */
  amount: NonNegativeNumber,
  closeDate: IsoDate,
  stage: z.string().max(200),
  /** open while in pipeline; won/lost once closed. */
  outcome: z.enum(['open', 'won', 'lost']),
  demo: z.boolean().optional(),
});
export type Opportunity = z.infer<typeof Opportunity>;

/**
 * A whole portfolio's scores for one day, stored as one record (one write instead of one per account).
 * `scores[i]` belongs to `accountIds[i]`; -1 means no score (unknown).
 */
export const HealthSnapshot = z.object({
  date: IsoDate,
  computedAt: EpochMs,
  accountIds: z.array(z.string()),
  scores: z.array(z.number().int().min(-1).max(100)),
});
export type HealthSnapshot = z.infer<typeof HealthSnapshot>;

export const Override = z.object({
  accountId: z.string().min(1),
  score: z.number().int().min(0).max(100),
  reason: z.string().trim().min(1, 'an override needs a reason').max(1000),
  expiresOn: IsoDate,
  /** A locked override survives rescoring and data changes until it expires. */
  locked: z.boolean(),
  /**
   * The computed band when the override was set. An unlocked override lapses (and rescoring deletes it) once the
   * computed band differs from this; when missing (an imported override), the next rescoring records it.
   */
  computedBandAtSet: Band.optional(),
  setBy: z.string().max(200),
  setAt: EpochMs,
});
export type Override = z.infer<typeof Override>;

export const Note = z.object({
  id: z.string().min(1).max(100),
  accountId: z.string().min(1),
  at: EpochMs,
  author: z.string().max(200),
  text: z.string().trim().min(1).max(10000),
});
export type Note = z.infer<typeof Note>;

export const StepCompletion = z.object({ by: z.string().max(200), at: EpochMs, note: z.string().max(2000).optional() });
export const StepSkip = z.object({ by: z.string().max(200), at: EpochMs, reason: z.string().trim().min(1).max(2000) });
/** A note written on a playbook run (the run holds its own; account notes live in the notes table). */
export const RunNote = Note.omit({ accountId: true });
export type RunNote = z.infer<typeof RunNote>;

export const RunStep = z.object({
  id: z.string().min(1).max(100),
  title: z.string().min(1).max(300),
  dueDate: IsoDate,
  done: StepCompletion.optional(),
  skipped: StepSkip.optional(),
  /**
   * When the step last changed state (ticked, unticked, skipped), by the clock of the tab that changed it. A change
   * stamped earlier than this is stale and ignored (lib/playbooks/runs.ts).
   */
  changedAt: EpochMs.optional(),
});
export type RunStep = z.infer<typeof RunStep>;

export const PlaybookRun = z.object({
  id: z.string().min(1).max(100),
  accountId: z.string().min(1),
  templateId: z.string().min(1).max(100),
  templateName: z.string().max(200),
  status: z.enum(['open', 'closed']),
  trigger: z.object({
    kind: z.string().max(100),
    reason: z.string().max(1000),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    /** When the trigger was recorded as it reads: the run's opening, or the last evaluation that changed it. */
    at: EpochMs,
    /** The situation the trigger reports (a renewal date, an NPS response…): a closed run is not reopened for it. */
    key: z.string().max(300).optional(),
  }),
  steps: z.array(RunStep),
  openedAt: EpochMs,
  closedAt: EpochMs.optional(),
  closedBy: z.string().max(200).optional(),
  outcome: z.string().max(2000).optional(),
  nextSteps: z.string().max(2000).optional(),
  notes: z.array(RunNote).optional(),
});
export type PlaybookRun = z.infer<typeof PlaybookRun>;

/** Where a template step's due offset counts from: the day the run starts, or the account's renewal date. */
export const PlaybookDueFrom = z.enum(['run-start', 'renewal-date']);
export type PlaybookDueFrom = z.infer<typeof PlaybookDueFrom>;

export const PlaybookTemplateStep = z.object({
  /** Stable across edits, so a step keeps its identity when it is renamed or moved. */
  id: z.string().trim().min(1, 'a step needs an id').max(100, 'a step id is at most 100 characters'),
  title: z.string().trim().min(1, 'a step needs a title').max(300, 'a step title is at most 300 characters'),
  dueOffsetDays: z
    .number({ error: 'enter the due offset as a whole number of days' })
    // A refinement rather than .int(): a failed .int() aborts the template's cross-step checks below.
    .refine(Number.isInteger, 'enter the due offset as a whole number of days')
    .min(-3650, 'a due offset is at most 10 years')
    .max(3650, 'a due offset is at most 10 years'),
});
export type PlaybookTemplateStep = z.infer<typeof PlaybookTemplateStep>;

export const PlaybookTemplate = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1, 'a playbook needs a name').max(200, 'a playbook name is at most 200 characters'),
    description: z.string().max(1000).optional(),
    dueFrom: PlaybookDueFrom,
    steps: z.array(PlaybookTemplateStep).min(1, 'a playbook needs at least one step').max(50, 'a playbook has at most 50 steps'),
  })
  .superRefine(checkStepsTogether, {
    // Also when a field has its own error, so an editor can show every problem at once.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null && Array.isArray((payload.value as { steps?: unknown }).steps),
  });
export type PlaybookTemplate = z.infer<typeof PlaybookTemplate>;

/** Rules across steps: unique ids, and no step due before the run starts unless it counts from the renewal date. */
function checkStepsTogether(template: PlaybookTemplate, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  template.steps.forEach((step: Partial<PlaybookTemplateStep> | null, index) => {
    // The steps may hold invalid entries here (see `when`); those already have their own issues.
    if (typeof step !== 'object' || step === null) return;
    if (typeof step.id === 'string') {
      const id = step.id.trim();
      if (id && seen.has(id)) ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `step id "${id}" is used by another step` });
      seen.add(id);
    }
    if (template.dueFrom !== 'renewal-date' && typeof step.dueOffsetDays === 'number' && step.dueOffsetDays < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', index, 'dueOffsetDays'],
        message: 'a step cannot be due before the run starts: use 0 or more days',
      });
    }
  });
}

/** A user's choice of account for a page key that did not match on its own ("no match → pick"). */
export const PageLink = z.object({
  /** e.g. `email:jane@acme.com`, `zendesk-org:123`, `sf:001…` */
  key: z.string().min(1).max(400),
  accountId: z.string().min(1),
  at: EpochMs,
});
export type PageLink = z.infer<typeof PageLink>;

/** The tables that hold the team's source records (what imports bring in and the demo generates). */
export const RECORD_KINDS = ['accounts', 'contacts', 'usage', 'tickets', 'nps', 'meetings', 'milestones', 'opportunities'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * One account's scoring inputs (usage, tickets, NPS, meetings) in columnar form: derived from those tables by
 * lib/scoring/rollup.ts and kept current by every write to them (lib/db/scoring-rollups.ts), so rescoring reads one
 * record per account instead of dozens. Never in a backup: rebuilt from the rows after a restore. Holds no account
 * fields, so editing an account does not invalidate it.
 */
export const ScoringRollup = z.object({
  accountId: z.string().min(1),
  /** The encoding's version (ROLLUP_FORMAT in lib/scoring/rollup.ts): a rollup of another version is rebuilt from the rows. */
  format: z.number().int(),
  /**
   * Every column in one buffer, so reading a rollup allocates one array (layout in lib/scoring/rollup.ts): one
   * entry per row, in the rows' key order.
   */
  columns: z.instanceof(Float64Array),
  /**
   * Set when some usage row does not fit the columns (a date that is not a real date, a count that is not a whole
   * number from 0 to 2³²−1): then it holds ALL the account's usage rows as stored, in key order, and the columns
   * hold none, so the engine sees exactly what the table holds.
   */
  usageRows: z.array(z.custom<UsageDay>()).optional(),
  /** Like usageRows, for meetings: set when an answer time is neither a number, null nor missing. */
  meetingRows: z.array(z.custom<Meeting>()).optional(),
});
export type ScoringRollup = z.infer<typeof ScoringRollup>;
