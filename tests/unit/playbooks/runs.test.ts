import { describe, expect, it } from 'vitest';
import {
  addRunNote,
  applyStepChange,
  closeRun,
  createRun,
  decideRunAction,
  dueDatesFor,
  overdueSteps,
  PlaybookRunError,
  stepState,
  triggerRecord,
} from '@/lib/playbooks/runs';
import { DEFAULT_PLAYBOOK_TEMPLATES } from '@/lib/playbooks/templates';
import { evaluateTriggers, manualTrigger, type FiredTrigger } from '@/lib/playbooks/triggers';
import { localDay } from '@/lib/scoring/dates';
import type { PlaybookRun } from '@/lib/schemas/records';

const atRisk = DEFAULT_PLAYBOOK_TEMPLATES.find((template) => template.id === 'at-risk')!;
const renewal = DEFAULT_PLAYBOOK_TEMPLATES.find((template) => template.id === 'renewal')!;
const opened = new Date(2026, 9, 1, 9, 30); // 1 Oct 2026, local time
const DAY = 86_400_000;

const [bandDrop, scoreDrop] = evaluateTriggers({
  today: '2026-10-01',
  score: 71,
  band: 'at-risk',
  previousBand: 'healthy',
  score30DaysAgo: 84,
}) as [FiredTrigger, FiredTrigger];

function newRun(): PlaybookRun {
  return createRun({ id: 'r1', accountId: 'acc', template: atRisk, trigger: triggerRecord([bandDrop], opened.getTime()), now: opened });
}

describe('starting a run', () => {
  it('copies the steps with due dates counted from the start day', () => {
    const run = newRun();
    expect(run).toMatchObject({ id: 'r1', accountId: 'acc', templateId: 'at-risk', templateName: 'At-risk', status: 'open', openedAt: opened.getTime() });
    expect(run.steps.map((step) => [step.id, step.dueDate])).toEqual([
      ['identify-drop', '2026-10-01'],
      ['review-history', '2026-10-02'],
      ['reach-out', '2026-10-04'],
      ['success-call', '2026-10-08'],
      ['document-outcome', '2026-10-15'],
    ]);
  });

  it('counts renewal steps back from the renewal date, never before the start', () => {
    expect(dueDatesFor(renewal, '2026-10-01', '2026-12-30')).toEqual(['2026-10-01', '2026-10-31', '2026-11-30']);
    expect(dueDatesFor(renewal, '2026-10-01', '2027-03-01')).toEqual(['2026-12-01', '2026-12-31', '2027-01-30']);
    // No renewal date on the account: assume it is 90 days away.
    expect(dueDatesFor(renewal, '2026-10-01')).toEqual(['2026-10-01', '2026-10-31', '2026-11-30']);
  });

  it('combines triggers for the same playbook: the first is the run trigger, the others join its reason', () => {
    expect(triggerRecord([bandDrop, scoreDrop], 5)).toEqual({
      kind: 'band-drop',
      reason: 'Health band dropped from Healthy to At Risk (score 71); Health score fell 13 points in 30 days (84 → 71)',
      data: { from: 'healthy', to: 'at-risk', score: 71 },
      at: 5,
      key: 'band-drop:healthy>at-risk:2026-10-01',
    });
  });
});

describe('deciding what a trigger does', () => {
  const now = opened.getTime();
  const closed = (run: PlaybookRun, closedAt: number): PlaybookRun => ({ ...run, status: 'closed', closedAt, outcome: 'ok', nextSteps: 'none' });

  it('opens a run when there is none', () => {
    expect(decideRunAction([], [bandDrop], now)).toEqual({ action: 'open', trigger: triggerRecord([bandDrop], now) });
  });

  it('refreshes the open run instead of opening a second one', () => {
    const decision = decideRunAction([newRun()], [scoreDrop], now + DAY);
    expect(decision).toEqual({ action: 'refresh', run: { ...newRun(), trigger: triggerRecord([scoreDrop], now + DAY) } });
  });

  it('keeps an open run unchanged when someone starts the playbook by hand', () => {
    expect(decideRunAction([newRun()], [manualTrigger('at-risk', 'Dana', now)], now)).toEqual({ action: 'keep', run: newRun() });
  });

  it('does not reopen an event a closed run answered, but opens for a new one', () => {
    const renewalDue = evaluateTriggers({ today: '2026-10-01', score: 90, band: 'healthy', previousBand: 'healthy', score30DaysAgo: 90, renewalDate: '2026-12-01' })[0]!;
    const answered = closed({ ...newRun(), trigger: triggerRecord([renewalDue], now) }, now);
    expect(decideRunAction([answered], [renewalDue], now + 300 * DAY)).toMatchObject({ action: 'suppress' });
    const nextYear = { ...renewalDue, key: 'renewal:2027-12-01' };
    expect(decideRunAction([answered], [nextYear], now + 300 * DAY)).toMatchObject({ action: 'open' });
  });

  it('lets a lasting condition reopen only 30 days after its run closed', () => {
    const answered = closed({ ...newRun(), trigger: triggerRecord([scoreDrop], now) }, now);
    expect(decideRunAction([answered], [scoreDrop], now + 29 * DAY)).toMatchObject({ action: 'suppress' });
    expect(decideRunAction([answered], [scoreDrop], now + 30 * DAY)).toMatchObject({ action: 'open' });
  });

  it('opens for the triggers a closed run did not answer, and always for a manual start', () => {
    const answered = closed({ ...newRun(), trigger: triggerRecord([scoreDrop], now) }, now);
    expect(decideRunAction([answered], [bandDrop, scoreDrop], now + DAY)).toEqual({ action: 'open', trigger: triggerRecord([bandDrop], now + DAY) });
    expect(decideRunAction([answered], [manualTrigger('at-risk', 'Dana', now)], now + DAY)).toMatchObject({ action: 'open' });
  });
});

describe('step changes and the clock rule', () => {
  it('ticks with who, when and a note; unticks; skips with a reason', () => {
    const ticked = applyStepChange(newRun(), 'reach-out', { state: 'done', by: 'Dana', at: 1000, note: ' Sent the ROI deck ' });
    expect(ticked.applied).toBe(true);
    expect(ticked.run.steps[2]).toEqual({
      id: 'reach-out',
      title: 'Reach out with value, not "checking in"',
      dueDate: '2026-10-04',
      changedAt: 1000,
      done: { by: 'Dana', at: 1000, note: 'Sent the ROI deck' },
    });
    const unticked = applyStepChange(ticked.run, 'reach-out', { state: 'pending', at: 2000 });
    expect(unticked.run.steps[2]).toEqual({ id: 'reach-out', title: 'Reach out with value, not "checking in"', dueDate: '2026-10-04', changedAt: 2000 });
    const skipped = applyStepChange(unticked.run, 'reach-out', { state: 'skipped', by: 'Sam', at: 3000, reason: 'They called us first' });
    expect(skipped.run.steps[2]!.skipped).toEqual({ by: 'Sam', at: 3000, reason: 'They called us first' });
    expect(skipped.run.steps[2]!.done).toBeUndefined();
  });

  it('ignores a change stamped before the step last changed, in whatever order writes arrive', () => {
    const newer = applyStepChange(newRun(), 'review-history', { state: 'done', by: 'Tab B', at: 2000 }).run;
    const stale = applyStepChange(newer, 'review-history', { state: 'done', by: 'Tab A (clock behind)', at: 1500 });
    expect(stale).toEqual({ run: newer, applied: false });
    expect(applyStepChange(newer, 'review-history', { state: 'pending', at: 1999 }).applied).toBe(false);
    const unticked = applyStepChange(newer, 'review-history', { state: 'pending', at: 2500 }).run;
    // The untick is remembered: a tick older than it cannot bring the step back.
    expect(applyStepChange(unticked, 'review-history', { state: 'done', by: 'Tab A', at: 2400 }).applied).toBe(false);
    expect(applyStepChange(unticked, 'review-history', { state: 'done', by: 'Tab A', at: 2500 }).applied).toBe(true);
  });

  it('treats steps stored before changedAt existed by their completion time', () => {
    const legacy: PlaybookRun = { ...newRun(), steps: [{ id: 's1', title: 'Old', dueDate: '2026-10-05', done: { by: 'X', at: 5000 } }] };
    expect(applyStepChange(legacy, 's1', { state: 'pending', at: 4000 }).applied).toBe(false);
    expect(applyStepChange(legacy, 's1', { state: 'pending', at: 6000 }).applied).toBe(true);
  });

  it('refuses a skip without a reason, an unknown step and any change to a closed run', () => {
    expect(() => applyStepChange(newRun(), 'reach-out', { state: 'skipped', by: 'Dana', at: 1, reason: '  ' })).toThrow('a skipped step needs a reason');
    expect(() => applyStepChange(newRun(), 'nope', { state: 'pending', at: 1 })).toThrow(PlaybookRunError);
    const done = closeRun(newRun(), { outcome: 'Recovered', nextSteps: 'QBR in March', by: 'Dana', at: 9 });
    expect(() => applyStepChange(done, 'reach-out', { state: 'pending', at: 10 })).toThrow('is closed');
  });
});

describe('overdue steps', () => {
  it('turns overdue on the day after the due date (local midnight), and not when done or skipped', () => {
    const run = newRun(); // identify-drop is due 2026-10-01, review-history 2026-10-02
    const lastMinute = new Date(2026, 9, 1, 23, 59, 59);
    const nextMorning = new Date(2026, 9, 2, 0, 0, 0);
    expect([localDay(lastMinute), localDay(nextMorning)]).toEqual(['2026-10-01', '2026-10-02']);
    expect(overdueSteps(run, '2026-10-01')).toEqual([]);
    expect(stepState(run.steps[0]!, localDay(lastMinute))).toBe('pending');
    expect(stepState(run.steps[0]!, localDay(nextMorning))).toBe('overdue');
    expect(overdueSteps(run, '2026-10-03').map((step) => step.id)).toEqual(['identify-drop', 'review-history']);
    const ticked = applyStepChange(run, 'identify-drop', { state: 'done', by: 'Dana', at: 1 }).run;
    const skipped = applyStepChange(ticked, 'review-history', { state: 'skipped', by: 'Dana', at: 1, reason: 'n/a' }).run;
    expect(overdueSteps(skipped, '2026-10-03')).toEqual([]);
    expect(stepState(skipped.steps[0]!, '2026-10-03')).toBe('done');
    expect(stepState(skipped.steps[1]!, '2026-10-03')).toBe('skipped');
  });

  it('counts none on a closed run', () => {
    const done = closeRun(newRun(), { outcome: 'Recovered', nextSteps: 'QBR', by: 'Dana', at: 9 });
    expect(overdueSteps(done, '2027-01-01')).toEqual([]);
  });
});

describe('closing and notes', () => {
  it('needs an outcome and next steps', () => {
    expect(() => closeRun(newRun(), { outcome: ' ', nextSteps: 'x', by: 'Dana', at: 9 })).toThrow('an outcome is required to close a run');
    expect(() => closeRun(newRun(), { outcome: 'x', nextSteps: '', by: 'Dana', at: 9 })).toThrow('next steps are required to close a run');
    expect(closeRun(newRun(), { outcome: ' Recovered ', nextSteps: 'QBR in March', by: 'Dana', at: 9 })).toMatchObject({
      status: 'closed',
      closedAt: 9,
      closedBy: 'Dana',
      outcome: 'Recovered',
      nextSteps: 'QBR in March',
    });
  });

  it('adds notes in order and refuses empty ones', () => {
    const once = addRunNote(newRun(), { id: 'n1', author: 'Dana', at: 1, text: 'Called' });
    const twice = addRunNote(once, { id: 'n2', author: 'Sam', at: 2, text: ' Emailed ' });
    expect(twice.notes).toEqual([
      { id: 'n1', author: 'Dana', at: 1, text: 'Called' },
      { id: 'n2', author: 'Sam', at: 2, text: 'Emailed' },
    ]);
    expect(() => addRunNote(newRun(), { id: 'n3', author: 'Dana', at: 3, text: '' })).toThrow('a note needs some text');
  });
});
