import { benchCall } from './bench-page';
import type { BenchContext, SeededPortfolio } from './context';

/**
 * Waits until the service worker has no rescoring or digest rebuild queued (the alarms set after data changes, e.g.
 * the seeding) or running, and has built the digest and the popup's views after the last one: a run would otherwise be measured alongside whatever a
 * benchmark times (the popup re-reads its live queries on every write; on 2 cores, a page's load competes with it).
 */
export async function waitForQuietBackground(ctx: BenchContext, seeded: SeededPortfolio): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  let waitFor = 0;
  /** The state last seen quiet, and since when: a run already queued in the worker (a digest rebuild behind a
   * rescoring whose alarms have both fired) shows no alarm, so quiet must also last. */
  let quiet: { state: string; since: number } | undefined;
  for (;;) {
    const work = await benchCall(seeded.page, 'backgroundWork');
    waitFor = Math.max(waitFor, work.changeAlarmAt ?? 0, work.digestAlarmAt ?? 0);
    // Quiet: nothing queued or running, the digest is newer than any run seen queued, and the popup's views (built
    // last, seconds of work for a large portfolio) are those of that digest.
    const queued = work.changeAlarmAt !== null || work.digestAlarmAt !== null || work.rescoring;
    if (!queued && (work.digestBuiltAt ?? 0) >= waitFor && work.viewsDigestBuiltAt === work.digestBuiltAt) {
      const state = JSON.stringify(work);
      if (quiet?.state !== state) quiet = { state, since: Date.now() };
      else if (Date.now() - quiet.since >= QUIET_FOR_MS) return;
    } else quiet = undefined;
    if (Date.now() > deadline) throw new Error(`the service worker is still busy after 10 minutes: ${JSON.stringify(work)}`);
    ctx.log(`waiting for the service worker to stay quiet (${JSON.stringify(work)})…`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** Twice what the queued digest rebuild (playbook triggers, digest, popup views) took after seeding 10k accounts. */
const QUIET_FOR_MS = 10_000;
