import { benchCall } from './bench-page';
import type { BenchContext, SeededPortfolio } from './context';

/**
 * Waits until the service worker has no rescoring queued (the alarm set after data changes, e.g. the seeding) or
 * running, and has built the digest after the last one: a run would otherwise be measured alongside whatever a
 * benchmark times (the popup re-reads its live queries on every write; on 2 cores, a page's load competes with it).
 */
export async function waitForQuietBackground(ctx: BenchContext, seeded: SeededPortfolio): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  let waitFor = 0;
  for (;;) {
    const work = await benchCall(seeded.page, 'backgroundWork');
    if (work.changeAlarmAt !== null) waitFor = Math.max(waitFor, work.changeAlarmAt);
    // Quiet: nothing queued or running, and the digest is newer than any run seen queued.
    if (work.changeAlarmAt === null && !work.rescoring && (work.digestBuiltAt ?? 0) >= waitFor) return;
    if (Date.now() > deadline) throw new Error(`the service worker is still busy after 10 minutes: ${JSON.stringify(work)}`);
    ctx.log(`waiting for the service worker's rescoring (${JSON.stringify(work)})…`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}
