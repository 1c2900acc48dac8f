import { describe, expect, it } from 'vitest';
import { assessJourney } from '@/lib/lifecycle/journey';
import { stageForDay } from '@/lib/lifecycle/stages';
import type { MilestoneKey } from '@/lib/schemas/records';

const START = '2025-01-01';
const at = (key: MilestoneKey, date: string) => ({ key, date });

function journey(today: string, milestones: { key: MilestoneKey; date: string }[] = []) {
  const result = assessJourney(START, milestones, today, 7);
  if (result.status === 'invalid') throw new Error(result.message);
  return result;
}

describe('stageForDay', () => {
  it('follows the day spans 0–6, 7–29, 30–89, 90+', () => {
    expect([0, 6, 7, 29, 30, 89, 90, 2000].map((d) => stageForDay(d)?.key)).toEqual([
      'onboard', 'onboard', 'activate', 'activate', 'engage', 'engage', 'expand', 'expand',
    ]);
    expect(stageForDay(-1)).toBeNull();
    expect(stageForDay(Number.NaN)).toBeNull();
  });
});

describe('assessJourney', () => {
  it('places the account by calendar days since start', () => {
    // 2025-01-01 + 6 days = 2025-01-07 (last Onboard day); 2025-01-08 is day 7.
    expect(journey('2025-01-07')).toMatchObject({ status: 'active', daysSinceStart: 6, stage: 'onboard' });
    expect(journey('2025-01-08')).toMatchObject({ daysSinceStart: 7, stage: 'activate' });
    expect(journey('2025-04-01')).toMatchObject({ daysSinceStart: 90, stage: 'expand' });
  });

  it('is not stalled on the stage’s last day, stalled the day after', () => {
    expect(journey('2025-01-07').stages[0]).toMatchObject({ endsOn: '2025-01-07', state: 'in-progress', stalled: false });
    const after = journey('2025-01-08');
    expect(after.stages[0]).toMatchObject({ state: 'stalled', stalled: true });
    expect(after.stages[1]).toMatchObject({ state: 'in-progress', startsOn: '2025-01-08', endsOn: '2025-01-30' });
    expect(after.stalled).toBe(true);
  });

  it('completes a stage whose success milestone came on time', () => {
    const result = journey('2025-02-15', [at('welcome-sent', '2025-01-01'), at('first-gap-identified', '2025-01-05'), at('shared-with-team', '2025-01-30')]);
    expect(result.stages.map((s) => [s.key, s.state, s.stalled])).toEqual([
      ['onboard', 'completed', false],
      ['activate', 'completed', false],
      ['engage', 'in-progress', false],
      ['expand', 'upcoming', false],
    ]);
    expect(result.stages[0]?.milestones).toEqual([
      { key: 'welcome-sent', label: 'Welcome sequence sent', success: false, reachedOn: '2025-01-01' },
      { key: 'first-assessment', label: 'First assessment completed', success: false, reachedOn: null },
      { key: 'first-gap-identified', label: 'First gap identified', success: true, reachedOn: '2025-01-05' },
    ]);
    expect(result.stalled).toBe(false);
  });

  it('keeps "stalled" for a success milestone reached late, with the stage completed', () => {
    const result = journey('2025-02-15', [at('first-gap-identified', '2025-01-09')]);
    expect(result.stages[0]).toMatchObject({ state: 'completed', stalled: true, successReachedOn: '2025-01-09' });
    // Activate (last day 2025-01-30) never reached its milestone: stalled now.
    expect(result.stages[1]).toMatchObject({ state: 'stalled', stalled: true });
    expect(result.stalled).toBe(true);
  });

  it('counts a milestone reached early for its own stage', () => {
    const result = journey('2025-01-04', [at('shared-with-team', '2025-01-03')]);
    expect(result.stages[1]).toMatchObject({ state: 'completed', stalled: false });
    expect(result.timeToValue).toEqual({ reached: true, days: 2, on: '2025-01-03', milestone: 'shared-with-team', withinTarget: true });
  });

  it('never stalls Expand', () => {
    const result = journey('2030-01-01');
    expect(result.stages[3]).toMatchObject({ endsOn: null, state: 'in-progress', stalled: false });
  });

  it('ignores milestones after today, before the start, or badly dated, and lists them', () => {
    const result = journey('2025-01-10', [
      at('first-gap-identified', '2025-01-20'),
      at('welcome-sent', '2024-12-30'),
      at('first-assessment', '2025-02-30'),
      { key: 'went-viral' as MilestoneKey, date: '2025-01-02' },
    ]);
    expect(result.stages[0]?.milestones.every((m) => m.reachedOn === null)).toBe(true);
    expect(result.issues).toHaveLength(4);
    expect(result.timeToValue).toEqual({ reached: false, elapsed: 9, missedTarget: true });
  });

  it('reports an account that has not started yet', () => {
    const result = journey('2024-12-25');
    expect(result).toMatchObject({ status: 'not-started', daysSinceStart: -7, stage: null, stalled: false });
    expect(result.stages.every((s) => s.state === 'upcoming')).toBe(true);
  });

  it('names an invalid start date', () => {
    expect(assessJourney('2025-02-29', [], '2025-03-01', 7)).toEqual({ status: 'invalid', field: 'startDate', message: '"2025-02-29" is not a valid date' });
  });
});
