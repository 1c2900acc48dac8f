/**
 * Open playbook runs and their overdue steps, for the whole portfolio and for the user's own accounts (issue 6,
 * item 5). The popup already holds each account's owner in the digest, so it counts without reading accounts.
 */
import { overdueSteps } from '../playbooks/runs';
import type { IsoDate } from '../schemas/common';
import type { PlaybookRun } from '../schemas/records';

export interface RunCounts {
  openRuns: number;
  overdueSteps: number;
}

export function countRuns(runs: readonly PlaybookRun[], today: IsoDate, include: (accountId: string) => boolean = () => true): RunCounts {
  const counts: RunCounts = { openRuns: 0, overdueSteps: 0 };
  for (const run of runs) {
    if (run.status !== 'open' || !include(run.accountId)) continue;
    counts.openRuns++;
    counts.overdueSteps += overdueSteps(run, today).length;
  }
  return counts;
}
