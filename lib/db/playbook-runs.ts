/**
 * Playbook runs in the database. Every change is one read-write transaction that re-reads the run and changes only
 * what it was asked to: IndexedDB runs overlapping read-write transactions one after another, so two tabs ticking
 * different steps of the same run at once both keep their tick. The rules themselves live in lib/playbooks/runs.ts.
 */
import Dexie from 'dexie';
import {
  addRunNote,
  applyStepChange,
  closeRun,
  createRun,
  decideRunAction,
  type OpenRunCounts,
  overdueSteps,
  PlaybookRunError,
  type RunClosing,
  type StepChangeResult,
  type StepChange,
} from '../playbooks/runs';
import { type FiredTrigger, manualTrigger } from '../playbooks/triggers';
import type { IsoDate } from '../schemas/common';
import { PlaybookRun, type PlaybookTemplate } from '../schemas/records';
import { localDay } from '../scoring/dates';
import type { SightlineDatabase } from './database';

export type TriggerOutcome =
  | { outcome: 'opened' | 'refreshed' | 'kept'; run: PlaybookRun }
  | { outcome: 'suppressed'; reason: string };

export interface TriggerApplication {
  accountId: string;
  template: PlaybookTemplate;
  /** Triggers for this template, most urgent first (evaluateTriggers' order). */
  triggers: readonly FiredTrigger[];
  /** The account's renewal date, which due dates of a new run may count back from. */
  renewalDate?: IsoDate | undefined;
}

/**
 * For each application: opens a run, refreshes the open one's trigger, or does nothing (see decideRunAction).
 * All of them share ONE transaction over `runs` only, so the check and the write cannot interleave with another
 * evaluation (no two open runs for the same account and playbook), and a whole portfolio's evaluation is a few
 * transactions rather than one per account. Outcomes come back in the applications' order.
 */
export async function applyTriggerBatch(db: SightlineDatabase, applications: readonly TriggerApplication[], now: Date): Promise<TriggerOutcome[]> {
  if (applications.length === 0) return [];
  return db.transaction('rw', db.runs, async () => {
    const pairs = applications.map(({ accountId, template }) => [accountId, template.id] as [string, string]);
    const stored = await db.runs.where('[accountId+templateId]').anyOf(pairs).toArray();
    const runsOf = new Map<string, PlaybookRun[]>();
    for (const run of stored) {
      const key = pairKey(run.accountId, run.templateId);
      runsOf.set(key, [...(runsOf.get(key) ?? []), run]);
    }
    const writes: PlaybookRun[] = [];
    const outcomes = applications.map(({ accountId, template, triggers, renewalDate }): TriggerOutcome => {
      const key = pairKey(accountId, template.id);
      const runs = runsOf.get(key) ?? [];
      const decision = decideRunAction(runs, triggers, now.getTime());
      switch (decision.action) {
        case 'suppress':
          return { outcome: 'suppressed', reason: decision.reason };
        case 'keep':
          return { outcome: 'kept', run: decision.run };
        case 'refresh': {
          const run = PlaybookRun.parse(decision.run);
          writes.push(run);
          runsOf.set(key, runs.map((r) => (r.id === run.id ? run : r)));
          return { outcome: 'refreshed', run };
        }
        case 'open': {
          const run = PlaybookRun.parse(createRun({ id: crypto.randomUUID(), accountId, template, trigger: decision.trigger, now, renewalDate }));
          writes.push(run);
          // A later application for the same pair in this batch sees the run just opened.
          runsOf.set(key, [...runs, run]);
          return { outcome: 'opened', run };
        }
      }
    });
    await db.runs.bulkPut(writes);
    return outcomes;
  });
}

const pairKey = (accountId: string, templateId: string) => JSON.stringify([accountId, templateId]);

/** applyTriggerBatch for one account and playbook. */
export async function applyTriggers(db: SightlineDatabase, application: TriggerApplication, now: Date): Promise<TriggerOutcome> {
  const [outcome] = await applyTriggerBatch(db, [application], now);
  return outcome!;
}

/** A person starts a playbook; when one is already open for the account it is returned unchanged ("kept"). */
export async function startRun(
  db: SightlineDatabase,
  { accountId, template, by, now }: { accountId: string; template: PlaybookTemplate; by: string; now: Date },
): Promise<TriggerOutcome> {
  const account = await db.accounts.get(accountId);
  return applyTriggers(db, { accountId, template, triggers: [manualTrigger(template.id, by, now.getTime())], renewalDate: account?.renewalDate }, now);
}

async function changeStep(db: SightlineDatabase, runId: string, stepId: string, change: StepChange): Promise<StepChangeResult> {
  return db.transaction('rw', db.runs, async () => {
    const result = applyStepChange(await existingRun(db, runId), stepId, change);
    if (result.applied) await db.runs.put(PlaybookRun.parse(result.run));
    return result;
  });
}

/** Ticks a step. `at` is this tab's clock: a tick older than the step's latest change is ignored (`applied: false`). */
export function tickStep(db: SightlineDatabase, runId: string, stepId: string, tick: { by: string; at: number; note?: string }) {
  return changeStep(db, runId, stepId, { state: 'done', ...tick });
}

export function untickStep(db: SightlineDatabase, runId: string, stepId: string, untick: { at: number }) {
  return changeStep(db, runId, stepId, { state: 'pending', ...untick });
}

export function skipStep(db: SightlineDatabase, runId: string, stepId: string, skip: { by: string; at: number; reason: string }) {
  return changeStep(db, runId, stepId, { state: 'skipped', ...skip });
}

/** Closes a run with its outcome and next steps (both required). */
export async function closePlaybookRun(db: SightlineDatabase, runId: string, closing: RunClosing): Promise<PlaybookRun> {
  return db.transaction('rw', db.runs, async () => {
    const closed = PlaybookRun.parse(closeRun(await existingRun(db, runId), closing));
    await db.runs.put(closed);
    return closed;
  });
}

export async function addPlaybookRunNote(
  db: SightlineDatabase,
  runId: string,
  note: { author: string; text: string; at: number },
): Promise<PlaybookRun> {
  return db.transaction('rw', db.runs, async () => {
    const updated = PlaybookRun.parse(addRunNote(await existingRun(db, runId), { id: crypto.randomUUID(), ...note }));
    await db.runs.put(updated);
    return updated;
  });
}

async function existingRun(db: SightlineDatabase, runId: string): Promise<PlaybookRun> {
  const run = await db.runs.get(runId);
  if (!run) throw new PlaybookRunError(`no playbook run "${runId}": it may have been deleted`);
  return run;
}

/** An account's runs: open ones first, then the most recently opened. */
export async function runsForAccount(db: SightlineDatabase, accountId: string): Promise<PlaybookRun[]> {
  const runs = await db.runs.where('[accountId+templateId]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).toArray();
  return runs.sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.openedAt - a.openedAt);
}

/**
 * Open runs and their overdue steps, for the whole portfolio or, with `owner`, for the accounts whose owner is that
 * person (compared trimmed and case-insensitively, as imports spell names differently). A blank owner owns nothing.
 */
export async function countOpenRuns(db: SightlineDatabase, { now, owner }: { now: Date; owner?: string }): Promise<OpenRunCounts> {
  let runs = await db.runs.where('status').equals('open').toArray();
  if (owner !== undefined) {
    const wanted = owner.trim().toLowerCase();
    if (!wanted) return { openRuns: 0, overdueSteps: 0 };
    const accounts = await db.accounts.bulkGet([...new Set(runs.map((run) => run.accountId))]);
    const mine = new Set(accounts.filter((account) => account?.owner?.trim().toLowerCase() === wanted).map((account) => account!.id));
    runs = runs.filter((run) => mine.has(run.accountId));
  }
  const today = localDay(now);
  return { openRuns: runs.length, overdueSteps: runs.reduce((sum, run) => sum + overdueSteps(run, today).length, 0) };
}
