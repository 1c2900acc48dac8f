/**
 * Property-style check: every portfolio metric, journey and SLA function over nasty records (NaN and negative
 * amounts, broken and future dates, unknown statuses) gives a value made of finite numbers within its range, or a
 * "cannot compute" reason — never NaN, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { assessJourney } from '@/lib/lifecycle/journey';
import { timeToValue } from '@/lib/lifecycle/time-to-value';
import { churnReasons } from '@/lib/metrics/churn-reasons';
import { cohortRetention } from '@/lib/metrics/cohorts';
import { csatMean, csatPercentGood } from '@/lib/metrics/csat';
import { medianFirstResponse } from '@/lib/metrics/first-response';
import { netPromoterScore } from '@/lib/metrics/nps';
import { renewalForecast, renewalsDue } from '@/lib/metrics/renewals';
import type { MetricResult } from '@/lib/metrics/result';
import { arrMovements, dollarChurn, grossRevenueRetention, logoChurn, netRevenueRetention } from '@/lib/metrics/retention';
import { medianTimeToValue } from '@/lib/metrics/time-to-value';
import { firstResponseSla } from '@/lib/sla/first-response';
import { tierForPlan } from '@/lib/sla/tier';
import type { Band, Plan } from '@/lib/schemas/common';
import { MilestoneKey, type Account, type Milestone, type Opportunity, type Ticket } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

let seed = 11;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const list = <T,>(max: number, make: (i: number) => T): T[] => Array.from({ length: Math.floor(random() * (max + 1)) }, (_, i) => make(i));

const NUMBERS = [0, 1, 100, 5000, -1, -250, 2.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const DATES = ['2024-01-01', '2024-12-31', '2025-01-15', '2025-03-31', '2025-04-01', '2025-05-20', '2025-06-30', '2025-07-01', '2026-01-01',
  '2025-02-29', '', 'later', '2025-4-1'];
const INSTANTS = [...NUMBERS, Date.parse('2025-05-01T10:00:00Z'), Date.parse('2025-06-30T23:59:59Z')];

const account = (i: number): Account => ({
  id: `a${i}`, name: `A${i}`, domains: [], arr: pick(NUMBERS), startDate: pick(DATES), status: pick(['active', 'churned', 'frozen'] as Account['status'][]),
  ...(random() < 0.5 ? { churnDate: pick(DATES) } : {}), ...(random() < 0.5 ? { renewalDate: pick(DATES) } : {}),
  ...(random() < 0.5 ? { churnReason: pick(['Price', ' price ', '', 'Champion left']) } : {}),
});
const opportunity = (i: number): Opportunity => ({
  id: `o${i}`, accountId: `a${Math.floor(random() * 6)}`, type: pick(['new', 'renewal', 'expansion', 'contraction', 'churn', 'upsell'] as Opportunity['type'][]),
  amount: pick(NUMBERS), closeDate: pick(DATES), stage: '', outcome: pick(['open', 'won', 'lost', 'maybe'] as Opportunity['outcome'][]),
});
const ticket = (i: number): Ticket => ({
  zendeskId: i + 1, createdAt: pick(INSTANTS), firstReplyMinutes: pick([...NUMBERS, null]), solvedAt: null, status: 'open', priority: null,
  satisfaction: pick(['good', 'bad', 'offered', 'unoffered', 'meh'] as Ticket['satisfaction'][]),
});
const milestone = (i: number): Milestone => ({
  accountId: `a${i % 6}`, key: pick([...MilestoneKey.options, 'launched' as MilestoneKey]), date: pick(DATES),
});

/** Every number inside a value is finite. */
function expectFinite(value: unknown, path = 'value'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectFinite(v, `${path}.${k}`);
}

function check<T>(result: MetricResult<T>, range?: (value: T) => number, [low, high] = [0, 100]): void {
  if (!result.ok) {
    expect(result.reason).toMatch(/^cannot compute: ./);
    return;
  }
  expectFinite(result.value);
  if (range) {
    expect(range(result.value)).toBeGreaterThanOrEqual(low - 1e-9);
    expect(range(result.value)).toBeLessThanOrEqual(high + 1e-9);
  }
}

describe('metrics, journeys and SLAs over nasty records', () => {
  it('never give NaN or throw', () => {
    for (let run = 0; run < 300; run++) {
      const accounts = list(6, account);
      const opportunities = list(8, opportunity);
      const tickets = list(6, ticket);
      const milestones = list(8, milestone);
      const period = { start: pick(DATES), end: pick(DATES) };
      const today = pick(DATES);
      const range = { fromMs: pick(INSTANTS), toMs: pick(INSTANTS) };

      check(arrMovements(accounts, opportunities, period));
      check(grossRevenueRetention(accounts, opportunities, period), (v) => v);
      check(netRevenueRetention(accounts, opportunities, period), (v) => v, [0, Number.MAX_VALUE]);
      check(dollarChurn(accounts, opportunities, period), (v) => v);
      check(logoChurn(accounts, period), (v) => v);
      check(churnReasons(accounts, period), (rows) => rows.reduce((sum, r) => sum + (r.arrSharePercent ?? 0), 0));
      check(cohortRetention(accounts, today), (rows) => Math.max(0, ...rows.map((r) => r.retentionPercent)));
      check(netPromoterScore(list(5, (i) => ({ score: pick([0, 6, 7, 9, 10, 11, -1, 8.5, Number.NaN]), date: pick(DATES), id: `${i}` })), period),
        (v) => v.score, [-100, 100]);
      check(csatMean(list(5, () => pick([1, 3, 5, 0, 6, 4.5, Number.NaN]))), (v) => v.mean, [1, 5]);
      check(csatPercentGood(tickets, range), (v) => v.percentGood);
      check(medianFirstResponse(tickets, range), (v) => v.medianMinutes, [0, Number.MAX_VALUE]);
      check(renewalsDue(accounts, today));
      const bands: Band[] = ['healthy', 'at-risk', 'critical', 'unknown', 'purple' as Band];
      check(renewalForecast(accounts, () => pick(bands), today), (v) => v.expectedPercent);
      check(medianTimeToValue(accounts, milestones, today, pick([7, 0, Number.NaN])), (v) => v.withinTargetPercent);

      const start = pick(DATES);
      const journey = assessJourney(start, milestones, today, 7);
      if (journey.status === 'invalid') expect(['startDate', 'today']).toContain(journey.field);
      else expectFinite(journey);
      expectFinite(timeToValue(start, milestones, today, pick([7, 0, Number.NaN])));

      const tier = tierForPlan(pick(['Free', 'Enterprise', undefined, null, 'Gold', '__proto__'] as (Plan | undefined | null)[]), DEFAULT_SETTINGS);
      const sla = firstResponseSla(ticket(0), tier ?? DEFAULT_SETTINGS.tiers.Standard, pick(INSTANTS));
      if (sla.ok) expectFinite(sla.sla);
      else expect(['createdAt', 'firstReplyMinutes', 'now']).toContain(sla.field);
    }
  });
});
