import { describe, expect, it } from 'vitest';
import { countRuns } from '@/lib/portfolio/runs';
import type { PlaybookRun, RunStep } from '@/lib/schemas/records';

const TODAY = '2026-06-30';
const step = (id: string, dueDate: string, state: 'pending' | 'done' | 'skipped' = 'pending'): RunStep => ({
  id,
  title: id,
  dueDate,
  ...(state === 'done' ? { done: { by: 'a', at: 1 } } : {}),
  ...(state === 'skipped' ? { skipped: { by: 'a', at: 1, reason: 'not needed' } } : {}),
});
const run = (id: string, accountId: string, status: 'open' | 'closed', steps: RunStep[]): PlaybookRun => ({
  id, accountId, templateId: 't', templateName: 'T', status, trigger: { kind: 'manual', reason: 'r', at: 1 }, steps, openedAt: 1,
});

describe('open runs and overdue steps', () => {
  const runs = [
    run('1', 'a', 'open', [step('s1', '2026-06-29'), step('s2', '2026-06-30'), step('s3', '2026-06-01', 'done'), step('s4', '2026-06-01', 'skipped')]),
    run('2', 'b', 'open', [step('s1', '2026-06-01'), step('s2', '2026-06-02')]),
    run('3', 'a', 'closed', [step('s1', '2026-06-01')]),
  ];

  it('counts open runs and steps due before today that are neither done nor skipped', () => {
    expect(countRuns(runs, TODAY)).toEqual({ openRuns: 2, overdueSteps: 3 });
  });

  it('counts only the accounts asked for', () => {
    expect(countRuns(runs, TODAY, (id) => id === 'a')).toEqual({ openRuns: 1, overdueSteps: 1 });
    expect(countRuns([], TODAY)).toEqual({ openRuns: 0, overdueSteps: 0 });
  });
});
