import { describe, expect, it } from 'vitest';
import { formatTable, judge, type BenchRow } from '@/bench/support/report';

const row = (value: number, floor: number): BenchRow => ({ issue: 4, bench: 'import', metric: 'import', unit: 'ms', value, floor, goalMax: 5000, goalRatio: 1.5 });

describe('bench judging', () => {
  it('needs both goals while the floor is under the absolute goal', () => {
    expect(judge(row(4000, 3000))).toMatchObject({ pass: true, absoluteBelowFloor: false });
    expect(judge(row(6000, 4500))).toMatchObject({ pass: false, absoluteBelowFloor: false });
    expect(judge(row(4900, 3000))).toMatchObject({ pass: false }); // 1.63×
  });

  it('judges the ratio alone when the floor itself is above the absolute goal, and says so', () => {
    expect(judge(row(16_400, 13_700))).toMatchObject({ pass: true, absoluteBelowFloor: true });
    expect(judge(row(21_000, 13_700))).toMatchObject({ pass: false, absoluteBelowFloor: true });
    expect(formatTable([judge(row(16_400, 13_700))])).toContain('met (ratio: floor > absolute goal)');
  });

  it('keeps an absolute goal that has no ratio goal beside it', () => {
    const popup: BenchRow = { issue: 7, bench: 'popup-paint', metric: 'popup', unit: 'ms', value: 160, floor: 200, goalMax: 150 };
    expect(judge(popup)).toMatchObject({ pass: false, absoluteBelowFloor: false });
  });
});
