/**
 * When rescoring runs in the service worker:
 * - at every worker start, if a run was interrupted (the worker was killed) or today has no snapshot yet;
 * - daily, by an alarm shortly after local midnight (alarms outlive the worker, timers do not);
 * - after data that feeds scores changes: Dexie reports each committed write (in this worker, and from extension
 *   pages through its BroadcastChannel); the run waits on an alarm that every further change pushes back, so an
 *   import's many batches make one run.
 * Runs never overlap; after each, playbook triggers are evaluated against the new snapshot and the popup's
 * portfolio digest is rebuilt (also after changes to opportunities and milestones, which only the digest reads).
 */
import { addMinutes, startOfTomorrow } from 'date-fns';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import type { SightlineDatabase } from '@/lib/db/database';
import { refreshPortfolioDigest, touchesDigestInputs } from '@/lib/db/portfolio-digest';
import { rescoreAll, rescoreDue, touchesScoringInputs, type RescoreResult } from '@/lib/db/rescore';
import { loadSettings } from '@/lib/db/settings';
import { evaluatePlaybooks } from '@/lib/playbooks/evaluate';
import { localDay } from '@/lib/scoring/dates';

export const DAILY_ALARM = 'sightline:rescore-daily';
export const CHANGED_ALARM = 'sightline:rescore-after-change';
/** Chrome's shortest alarm delay. */
const SETTLE_MINUTES = 0.5;
/** After local midnight, so the new day's usage export has a chance to be the input. */
const DAILY_OFFSET_MINUTES = 5;

export type RescoreReason = 'start' | 'daily' | 'changed';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Queues one rescoring behind any running one. 'start' and 'daily' runs only happen when due (and resume an
 * interrupted run); 'changed' always runs, from scratch. Resolves to null when nothing ran or the run failed
 * (the failure is logged: the next trigger tries again).
 */
export function scheduleRescore(db: SightlineDatabase, reason: RescoreReason): Promise<RescoreResult | null> {
  const run = queue
    .then(async () => {
      const now = new Date();
      const today = localDay(now);
      if (reason !== 'changed' && !(await rescoreDue(db, today))) return null;
      const settings = await loadSettings(db);
      const result = await rescoreAll(db, settings, today, { restart: reason === 'changed' });
      await evaluatePlaybooks(db, { today: now, settings });
      await refreshPortfolioDigest(db, settings, today, Date.now());
      return result;
    })
    .catch((error: unknown) => {
      console.error(`Sightline: rescoring (${reason}) failed`, error);
      return null;
    });
  queue = run;
  return run;
}

async function ensureDailyAlarm(): Promise<void> {
  if (await browser.alarms.get(DAILY_ALARM)) return;
  await browser.alarms.create(DAILY_ALARM, {
    when: addMinutes(startOfTomorrow(), DAILY_OFFSET_MINUTES).getTime(),
    periodInMinutes: 24 * 60,
  });
}

/** Call synchronously at worker start: the alarm listener must be in place before the event that woke the worker. */
export function setupRescoring(db: SightlineDatabase): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM) void scheduleRescore(db, 'daily');
    else if (alarm.name === CHANGED_ALARM) void scheduleRescore(db, 'changed');
  });
  Dexie.on('storagemutated', (parts) => {
    // Re-creating the alarm replaces it: each change pushes the run back until the writes settle.
    if (touchesScoringInputs(db.name, parts) || touchesDigestInputs(db.name, parts)) void browser.alarms.create(CHANGED_ALARM, { delayInMinutes: SETTLE_MINUTES });
  });
  void ensureDailyAlarm();
  void scheduleRescore(db, 'start');
}
