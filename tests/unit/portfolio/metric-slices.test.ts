import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '@/lib/demo/generate';
import { computeMetrics, type MetricPeriods } from '@/lib/portfolio/compute-metrics';
import { sliceRecordsByPeriod } from '@/lib/portfolio/metric-slices';
import { trendParts } from '@/lib/portfolio/report';
import type { Ticket } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

const TODAY = '2026-11-22';
const demo = generateDemoPortfolio({ seed: 11, today: TODAY, accounts: 400 });
const { accounts, opportunities, nps, milestones } = demo;
// Rows no period can hold, and rows on the periods' edges, beside the generated ones.
const tickets: Ticket[] = [
  ...demo.tickets,
  { ...demo.tickets[0]!, zendeskId: 990001, createdAt: Number.NaN, satisfaction: 'good', firstReplyMinutes: 5 },
  { ...demo.tickets[0]!, zendeskId: 990002, createdAt: Date.UTC(2026, 7, 1), satisfaction: 'bad', firstReplyMinutes: 7 },
];
const records = { accounts, opportunities, nps: [...nps, { ...nps[0]!, id: 'edge', date: '2026-08-01', score: 3 }], tickets, milestones };
const same = (start: string, end: string): MetricPeriods => ({ retention: { start, end }, experience: { start, end }, onboarding: { start, end } });

describe('metric slices', () => {
  it('give computeMetrics the same values as all the records, for every trend part of a year and of a month', () => {
    const slice = sliceRecordsByPeriod(records);
    const periods = [
      ...trendParts({ start: '2025-11-23', end: TODAY }).map((p) => p.period),
      ...trendParts({ start: '2026-07-25', end: '2026-08-22' }).map((p) => p.period),
    ];
    expect(periods.length).toBeGreaterThan(15);
    let withValues = 0;
    for (const { start, end } of periods) {
      const want = computeMetrics(records, same(start, end), DEFAULT_SETTINGS.targets);
      expect(computeMetrics(slice(same(start, end)), same(start, end), DEFAULT_SETTINGS.targets), `${start} – ${end}`).toEqual(want);
      withValues += Object.values(want).filter((v) => v.ok).length;
    }
    expect(withValues).toBeGreaterThan(periods.length * 3);
  });

  it('hold fewer rows for a short period than the records do', () => {
    const part = sliceRecordsByPeriod(records)(same('2026-08-01', '2026-08-07'));
    expect(part.tickets.length).toBeLessThan(tickets.length / 10);
    expect(part.nps.length).toBeLessThan(records.nps.length / 10);
    expect(part.tickets.some((t) => t.createdAt === Date.UTC(2026, 7, 1))).toBe(true);
  });
});
