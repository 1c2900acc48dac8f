/**
 * When rescoring runs in the service worker:
 * - at every worker start, if a run was interrupted (the worker was killed) or today has no snapshot yet;
 * - daily, by an alarm shortly after local midnight (alarms outlive the worker, timers do not);
 * - after data that feeds scores changes: Dexie reports each committed write (in this worker, and from extension
 *   pages through its BroadcastChannel); the run waits on an alarm that every further change pushes back, so an
 *   import's many batches make one run. When every change since the last run named its accounts (a ticket recorded
 *   from Zendesk, an account edited: lib/db/scoring-changes.ts), only those accounts are rescored and have their
 *   playbook triggers evaluated; otherwise, or when this worker started after a change it did not see, all are.
 * Runs never overlap; after each, playbook triggers are evaluated against the new snapshot and the popup's
 * portfolio digest is rebuilt. Changes to opportunities and milestones, which no score reads, only re-evaluate the
 * triggers (a stalled journey stage) and rebuild the digest, on their own alarm: a 100k-account rescoring for an
 * opportunities import would be minutes of wasted work.
 */
import { addMinutes, startOfTomorrow } from 'date-fns';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import type { SightlineDatabase } from '@/lib/db/database';
import { refreshPopupViews, storePopupViews, touchesOverrides } from '@/lib/db/popup-view';
import { refreshPortfolioDigest, touchesDigestInputs } from '@/lib/db/portfolio-digest';
import { rescoreAll, rescoreDue, type RescoreResult } from '@/lib/db/rescore';
import { rescoreAccounts, type RescoreAccountsResult } from '@/lib/db/rescore-accounts';
import { mergeScoringChanges, scoringChangeOf, type ScoringChange } from '@/lib/db/scoring-changes';
import { cachedSettings } from '@/lib/db/settings-cache';
import { evaluatePlaybooks } from '@/lib/playbooks/evaluate';
import { localDay } from '@/lib/scoring/dates';

export const DAILY_ALARM = 'sightline:rescore-daily';
export const CHANGED_ALARM = 'sightline:rescore-after-change';
export const DIGEST_ALARM = 'sightline:digest-after-change';
/** Chrome's shortest alarm delay. */
const SETTLE_MINUTES = 0.5;
/** After local midnight, so the new day's usage export has a chance to be the input. */
const DAILY_OFFSET_MINUTES = 5;

/** 'digest': only tables the digest and the triggers read changed; nothing is rescored. */
export type RescoreReason = 'start' | 'daily' | 'changed' | 'digest';

let queue: Promise<unknown> = Promise.resolve();
/**
 * The scoring changes seen since the last 'changed' run began, per database. No entry: not known, as at worker
 * start while a change alarm set by the worker before may be pending, so the next run rescores everything.
 */
const unscoredChanges = new Map<string, ScoringChange>();
const NO_CHANGE: ScoringChange = { kind: 'accounts', accountIds: new Set() };
/** Databases whose changes this worker follows (setupRescoring). */
const watched = new Set<string>();

/** The changes a 'changed' run is for, and from then on none: a worker that follows the database sees every later one. */
function takeUnscoredChanges(dbName: string): ScoringChange {
  const changes = unscoredChanges.get(dbName) ?? { kind: 'all' };
  if (watched.has(dbName)) unscoredChanges.set(dbName, NO_CHANGE);
  return changes;
}
/**
 * When the reads of the newest playbook evaluation of every account and digest began, per database. A digest
 * rebuild asked for changes made before then has nothing to add: after an import of usage and opportunities both alarms fire, and the rescoring run ahead
 * of the rebuild in the queue has already read the opportunities (a 10k-account rebuild is seconds of work, during
 * which badge lookups wait).
 */
const digestReadsFrom = new Map<string, number>();

/**
 * Queues one rescoring behind any running one. 'start' and 'daily' runs only happen when due (and resume an
 * interrupted run); 'changed' always runs: for the accounts the changes named when this worker knows them all and
 * today's snapshot can be patched, else for every account, from scratch; 'digest' skips the rescoring, and is
 * skipped when every account's triggers and the digest were read after `changedAt` (the last change it is for). Resolves to null when no
 * rescoring ran or the run failed (the failure is logged: the next trigger tries again).
 */
export function scheduleRescore(
  db: SightlineDatabase,
  reason: RescoreReason,
  changedAt?: number,
): Promise<RescoreResult | RescoreAccountsResult | null> {
  const run = queue
    .then(async () => {
      const now = new Date();
      const today = localDay(now);
      // The copy the badge lookups use: a worker woken by a lookup reads the settings once.
      const settings = await cachedSettings(db);
      if ((reason === 'start' || reason === 'daily') && !(await rescoreDue(db, settings, today))) return null;
      if (reason === 'digest' && changedAt !== undefined && (digestReadsFrom.get(db.name) ?? 0) > changedAt) return null;
      const change = reason === 'changed' ? takeUnscoredChanges(db.name) : undefined;
      let result: RescoreResult | RescoreAccountsResult | null = null;
      /** Accounts whose playbook triggers are evaluated; all when undefined. */
      let evaluate: string[] | undefined;
      if (change?.kind === 'accounts') {
        const accountIds = [...change.accountIds];
        result = await rescoreAccounts(db, settings, today, accountIds);
        // Nothing else moved since the last evaluation.
        if (result) evaluate = accountIds;
      }
      if (!result && reason !== 'digest') result = await rescoreAll(db, settings, today, { restart: reason === 'changed' });
      const readsFrom = Date.now();
      await evaluatePlaybooks(db, { today: now, settings, ...(evaluate ? { accountIds: evaluate } : {}) });
      const digest = await refreshPortfolioDigest(db, settings, today, Date.now());
      // The popup paints from these (one small record) instead of reading the whole digest.
      await storePopupViews(db, digest, { settings, today });
      // Only an evaluation of every account's triggers covers what a digest alarm is for (milestones move triggers).
      if (!evaluate) digestReadsFrom.set(db.name, Math.max(digestReadsFrom.get(db.name) ?? 0, readsFrom));
      return result;
    })
    .catch((error: unknown) => {
      console.error(`Sightline: rescoring (${reason}) failed`, error);
      // What the failed run was for is no longer known: the next 'changed' run rescores everything.
      unscoredChanges.delete(db.name);
      return null;
    });
  queue = run;
  return run;
}

/** Rebuilds the popup's stored views after overrides changed, behind any running rescoring (which rebuilds them too). */
function schedulePopupViews(db: SightlineDatabase): void {
  queue = queue
    .then(async () => {
      const now = new Date();
      await refreshPopupViews(db, { settings: await cachedSettings(db), today: localDay(now) });
    })
    .catch((error: unknown) => console.error('Sightline: refreshing the popup views failed', error));
}

/** Overrides settle for this long before the popup's views are rebuilt (a CSM editing one writes it once or twice). */
const VIEWS_SETTLE_MS = 1000;

async function ensureDailyAlarm(): Promise<void> {
  if (await browser.alarms.get(DAILY_ALARM)) return;
  await browser.alarms.create(DAILY_ALARM, {
    when: addMinutes(startOfTomorrow(), DAILY_OFFSET_MINUTES).getTime(),
    periodInMinutes: 24 * 60,
  });
}

/** Call synchronously at worker start: the alarm listener must be in place before the event that woke the worker. */
export function setupRescoring(db: SightlineDatabase): void {
  const watchingSince = Date.now();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM) void scheduleRescore(db, 'daily');
    else if (alarm.name === CHANGED_ALARM) {
      // The last change came before this worker watched (the alarm woke it; Chrome removes an alarm once it fires,
      // so the check at start found none): what changed is not known.
      if (alarm.scheduledTime - SETTLE_MINUTES * 60_000 < watchingSince) unscoredChanges.delete(db.name);
      void scheduleRescore(db, 'changed');
    }
    // Every change re-creates the alarm, so it fires SETTLE_MINUTES after the last one.
    else if (alarm.name === DIGEST_ALARM) void scheduleRescore(db, 'digest', alarm.scheduledTime - SETTLE_MINUTES * 60_000);
  });
  let viewsTimer: ReturnType<typeof setTimeout> | undefined;
  // Changes are known from the start only when no change alarm was left by an earlier worker and none came while asking.
  watched.add(db.name);
  let changedWhileAsking = false;
  void browser.alarms.get(CHANGED_ALARM).then((alarm) => {
    if (!alarm && !changedWhileAsking && !unscoredChanges.has(db.name)) unscoredChanges.set(db.name, NO_CHANGE);
  });
  Dexie.on('storagemutated', (parts) => {
    const scoring = scoringChangeOf(db.name, parts);
    if (scoring) {
      changedWhileAsking = true;
      // Milestones written alongside (an import) move triggers of accounts the change does not name.
      const change: ScoringChange = touchesDigestInputs(db.name, parts) ? { kind: 'all' } : scoring;
      const known = unscoredChanges.get(db.name);
      if (known) unscoredChanges.set(db.name, mergeScoringChanges(known, change));
      // Re-creating an alarm replaces it: each change pushes the run back until the writes settle.
      void browser.alarms.create(CHANGED_ALARM, { delayInMinutes: SETTLE_MINUTES });
    } else if (touchesDigestInputs(db.name, parts)) void browser.alarms.create(DIGEST_ALARM, { delayInMinutes: SETTLE_MINUTES });
    // A timer, not an alarm: the popup works without these views (it reads the digest), they only make it quick
    // again, and should not wait the half minute an alarm needs. A worker stopped meanwhile simply skips it.
    if (touchesOverrides(db.name, parts)) {
      clearTimeout(viewsTimer);
      viewsTimer = setTimeout(() => schedulePopupViews(db), VIEWS_SETTLE_MS);
    }
  });
  void ensureDailyAlarm();
  void scheduleRescore(db, 'start');
}
