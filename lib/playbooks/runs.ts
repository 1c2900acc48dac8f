/**
 * Playbook runs as values: starting one from a template, deciding whether a trigger opens, refreshes or is
 * suppressed, step changes, closing, notes and overdue steps. Pure; lib/db/playbook-runs.ts persists the results.
 *
 * The clock rule for step changes: every change (tick, untick, skip) carries the time of the tab that made it, and a
 * step remembers the time of its latest change (`changedAt`). A change stamped earlier than that is stale and is
 * ignored, whatever order the writes reach the database in: a tab whose clock runs behind can never overwrite a
 * newer completion with an older one. Equal stamps: the later write wins.
 */
import { addDays } from 'date-fns';
import type { IsoDate } from '../schemas/common';
import type { PlaybookRun, PlaybookTemplate, RunNote, RunStep } from '../schemas/records';
import { addDaysIso, localDay } from '../scoring/dates';
import type { FiredTrigger } from './triggers';

export type StoredTrigger = PlaybookRun['trigger'];

/** A renewal playbook started for an account with no renewal date assumes the renewal is this far away. */
export const ASSUMED_RENEWAL_DAYS = 90;

export class PlaybookRunError extends Error {
  override name = 'PlaybookRunError';
}

/**
 * The trigger as stored on the run. When several triggers fire the same playbook at once, the first (the most
 * urgent) is the run's trigger and the others' reasons are added to its reason.
 */
export function triggerRecord(triggers: readonly FiredTrigger[], at: number): StoredTrigger {
  const [primary, ...others] = triggers;
  if (!primary) throw new PlaybookRunError('a run needs a trigger');
  return {
    kind: primary.kind,
    reason: [primary.reason, ...others.map((other) => other.reason)].join('; '),
    data: primary.data,
    at,
    key: primary.key,
  };
}

/**
 * Due dates of a template's steps for a run starting on `startDay`. Renewal-relative steps count back from the
 * renewal date, never earlier than the start: a step whose date has already gone by when the run starts is due on
 * the first day instead of being overdue from the outset.
 */
export function dueDatesFor(template: PlaybookTemplate, startDay: IsoDate, renewalDate?: IsoDate): IsoDate[] {
  if (template.dueFrom === 'run-start') return template.steps.map((step) => addDaysIso(startDay, step.dueOffsetDays));
  const anchor = renewalDate ?? addDaysIso(startDay, ASSUMED_RENEWAL_DAYS);
  return template.steps.map((step) => {
    const due = addDaysIso(anchor, step.dueOffsetDays);
    return due < startDay ? startDay : due;
  });
}

export interface NewRun {
  id: string;
  accountId: string;
  template: PlaybookTemplate;
  trigger: StoredTrigger;
  now: Date;
  renewalDate?: IsoDate;
}

/**
 * A new open run. The template's steps are copied in, so later edits or deletion of the template leave it alone.
 * Due dates are local calendar days: "today" for the person using the browser.
 */
export function createRun({ id, accountId, template, trigger, now, renewalDate }: NewRun): PlaybookRun {
  const dueDates = dueDatesFor(template, localDay(now), renewalDate);
  return {
    id,
    accountId,
    templateId: template.id,
    templateName: template.name,
    status: 'open',
    trigger,
    steps: template.steps.map((step, index) => ({ id: step.id, title: step.title, dueDate: dueDates[index]! })),
    openedAt: now.getTime(),
  };
}

export type RunDecision =
  | { action: 'open'; trigger: StoredTrigger }
  | { action: 'refresh'; run: PlaybookRun }
  | { action: 'keep'; run: PlaybookRun }
  | { action: 'suppress'; reason: string };

/** Whether two stored triggers report the same situation in the same words and numbers (`at` aside). */
function sameTrigger(a: StoredTrigger, b: StoredTrigger): boolean {
  if (a.kind !== b.kind || a.reason !== b.reason || a.key !== b.key) return false;
  const aData = Object.entries(a.data ?? {});
  const bData = b.data ?? {};
  return aData.length === Object.keys(bData).length && aData.every(([name, value]) => bData[name] === value);
}

/**
 * What triggers for one account and playbook do, given that account's runs of that playbook:
 * - an open run exists → its trigger is refreshed when it reads differently now (one open run per account and
 *   playbook), and kept as it is otherwise: a daily evaluation finds most open runs' triggers unchanged, and
 *   rewriting them all was seconds of writes for a large portfolio; a manual start keeps it;
 * - otherwise each trigger is dropped when a closed run already answered it (same key: the same renewal date, NPS
 *   response, stalled stage), or, for a condition with `reopenAfterDays`, answered it less than that many days ago;
 * - whatever remains opens a new run.
 */
export function decideRunAction(runs: readonly PlaybookRun[], triggers: readonly FiredTrigger[], now: number): RunDecision {
  if (triggers.length === 0) throw new PlaybookRunError('no trigger to act on');
  const open = runs.find((run) => run.status === 'open');
  if (open) {
    if (triggers.every((trigger) => trigger.kind === 'manual')) return { action: 'keep', run: open };
    const trigger = triggerRecord(triggers, now);
    if (sameTrigger(open.trigger, trigger)) return { action: 'keep', run: open };
    return { action: 'refresh', run: { ...open, trigger } };
  }
  const closed = runs.filter((run) => run.status === 'closed');
  const fresh = triggers.filter((trigger) => !closed.some((run) => answers(run, trigger, now)));
  if (fresh.length === 0) return { action: 'suppress', reason: 'a closed run already answered this' };
  return { action: 'open', trigger: triggerRecord(fresh, now) };
}

function answers(closedRun: PlaybookRun, trigger: FiredTrigger, now: number): boolean {
  if (trigger.kind === 'manual' || closedRun.trigger.key !== trigger.key) return false;
  if (trigger.reopenAfterDays === undefined) return true;
  return closedRun.closedAt !== undefined && now < addDays(closedRun.closedAt, trigger.reopenAfterDays).getTime();
}

export type StepChange =
  | { state: 'done'; by: string; at: number; note?: string }
  | { state: 'skipped'; by: string; at: number; reason: string }
  | { state: 'pending'; at: number };

export interface StepChangeResult {
  run: PlaybookRun;
  /** False when the change was stale (stamped before the step's latest change) and left the run as it was. */
  applied: boolean;
}

/** Applies one step's change under the clock rule at the top of this file. */
export function applyStepChange(run: PlaybookRun, stepId: string, change: StepChange): StepChangeResult {
  if (run.status === 'closed') throw new PlaybookRunError(`the run "${run.templateName}" is closed: its steps can no longer change`);
  const step = run.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new PlaybookRunError(`the run "${run.templateName}" has no step "${stepId}"`);
  if (change.at < lastChangeOf(step)) return { run, applied: false };
  const { done: _done, skipped: _skipped, ...base } = step;
  let next: RunStep;
  if (change.state === 'done') {
    const note = change.note?.trim();
    next = { ...base, changedAt: change.at, done: { by: change.by, at: change.at, ...(note ? { note } : {}) } };
  } else if (change.state === 'skipped') {
    const reason = change.reason.trim();
    if (!reason) throw new PlaybookRunError('a skipped step needs a reason');
    next = { ...base, changedAt: change.at, skipped: { by: change.by, at: change.at, reason } };
  } else {
    next = { ...base, changedAt: change.at };
  }
  return { run: { ...run, steps: run.steps.map((candidate) => (candidate.id === stepId ? next : candidate)) }, applied: true };
}

/** Steps written before `changedAt` existed still carry their completion or skip time. */
function lastChangeOf(step: RunStep): number {
  return step.changedAt ?? Math.max(step.done?.at ?? -Infinity, step.skipped?.at ?? -Infinity);
}

export interface RunClosing {
  outcome: string;
  nextSteps: string;
  by: string;
  at: number;
}

/** Closes a run; an outcome and next steps are required, because the next person to look needs them. */
export function closeRun(run: PlaybookRun, { outcome, nextSteps, by, at }: RunClosing): PlaybookRun {
  if (run.status === 'closed') throw new PlaybookRunError(`the run "${run.templateName}" is already closed`);
  const trimmedOutcome = outcome.trim();
  const trimmedNextSteps = nextSteps.trim();
  if (!trimmedOutcome) throw new PlaybookRunError('an outcome is required to close a run');
  if (!trimmedNextSteps) throw new PlaybookRunError('next steps are required to close a run');
  return { ...run, status: 'closed', closedAt: at, closedBy: by, outcome: trimmedOutcome, nextSteps: trimmedNextSteps };
}

export function addRunNote(run: PlaybookRun, note: RunNote): PlaybookRun {
  const text = note.text.trim();
  if (!text) throw new PlaybookRunError('a note needs some text');
  return { ...run, notes: [...(run.notes ?? []), { ...note, text }] };
}

export type StepState = 'done' | 'skipped' | 'overdue' | 'pending';

/** A step is overdue from the day after its due date until it is done or skipped. */
export function stepState(step: RunStep, today: IsoDate): StepState {
  if (step.done) return 'done';
  if (step.skipped) return 'skipped';
  return step.dueDate < today ? 'overdue' : 'pending';
}

/** Overdue steps of an open run (a closed run has none: nobody is waiting on it). */
/** Open runs and their overdue steps, for a set of accounts. */
export interface OpenRunCounts {
  openRuns: number;
  overdueSteps: number;
}

export function overdueSteps(run: PlaybookRun, today: IsoDate): RunStep[] {
  if (run.status !== 'open') return [];
  return run.steps.filter((step) => stepState(step, today) === 'overdue');
}
