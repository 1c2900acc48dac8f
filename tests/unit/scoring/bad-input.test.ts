import { describe, expect, it } from 'vitest';
import { assessAccount } from '@/lib/scoring/account-health';
import type { HealthInputs } from '@/lib/scoring/inputs';
import type { Plan, Segment } from '@/lib/schemas/common';
import type { Meeting, Ticket, UsageDay } from '@/lib/schemas/records';
import { makeAccount, makeMeeting, makeNps, makeSettings, makeTicket, makeUsage, TODAY } from './fixtures';

const settings = makeSettings();

function inputs(fields: Partial<HealthInputs> = {}): HealthInputs {
  return { account: makeAccount(), usage: [], tickets: [], nps: [], meetings: [], ...fields };
}

function fieldsOf(issues: { field: string }[]): string[] {
  return issues.map((i) => i.field);
}

describe('bad input gives defined results', () => {
  it('counts NaN and negative usage counts as 0 and says so', () => {
    const health = assessAccount(
      inputs({
        usage: [
          makeUsage('2025-06-10', { logins: Number.NaN, assessments: -3, reports: 4 }),
          makeUsage('2025-06-11', { logins: 60, assessments: 2, reports: Number.POSITIVE_INFINITY }),
        ],
      }),
      settings,
      TODAY,
    );
    expect(health.factors.usage.indicators.map((i) => i.value)).toEqual([60, 2, 4]);
    expect(health.factors.usage.score).toBeCloseTo((50 + 50 + 100) / 3, 10);
    expect(fieldsOf(health.issues)).toEqual(expect.arrayContaining(['usage.logins', 'usage.assessments', 'usage.reports']));
    expect(Number.isNaN(health.computedExact)).toBe(false);
  });

  it('counts a NaN or negative invited-user count on the newest row as 0 and says so', () => {
    for (const usersInvited of [Number.NaN, -5]) {
      const health = assessAccount(inputs({ usage: [makeUsage('2025-06-10', { usersInvited, featuresUsed: 10 })] }), settings, TODAY);
      expect(health.factors.adoption.indicators[0]).toMatchObject({ value: 0, score: 0 });
      expect(health.issues).toContainEqual({ field: 'usage.usersInvited', problem: 'negative or not a number on the newest row: counted as 0' });
    }
  });

  it('ignores rows dated after today, before the start, or not real dates', () => {
    const health = assessAccount(
      inputs({
        account: makeAccount({ startDate: '2025-05-20' }),
        usage: [
          makeUsage('2025-06-20', { logins: 999 }), // future
          makeUsage('2025-05-18', { logins: 999 }), // before the start
          makeUsage('2025-02-30', { logins: 999 }), // no such day
          makeUsage('yesterday', { logins: 999 }),
          makeUsage('2025-06-01', { logins: 12 }),
        ],
        tickets: [makeTicket('2025-07-01'), makeTicket('2025-06-01', { createdAt: Number.NaN })],
        nps: [makeNps('2025-12-01', 10), makeNps('2025-06-01', 11, 'bad-score')],
      }),
      settings,
      TODAY,
    );
    // Started 2025-05-20: 26 of the window's 30 days, so 120 × 26 / 30 = 104 logins expected.
    expect(health.factors.usage.indicators[0]).toMatchObject({ value: 12, expected: 104 });
    expect(health.factors.usage.indicators[0]?.score).toBeCloseTo(1200 / 104, 10);
    expect(health.factors.usage.newestDate).toBe('2025-06-01');
    expect(health.factors.engagement.score).toBeNull();
    const problems = health.issues.map((i) => `${i.field}: ${i.problem}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'usage.date: dated after today: row ignored',
        "usage.date: dated before the account's start: row ignored",
        'usage.date: not a valid date: row ignored (2 rows)',
        'tickets.createdAt: dated after today: row ignored',
        'tickets.createdAt: not a valid date: row ignored',
        'nps.date: dated after today: row ignored',
        'nps.score: not a whole number from 0 to 10: response ignored',
      ]),
    );
  });

  it('without a plan: usage N/A, features N/A, invited users still scored', () => {
    const health = assessAccount(
      inputs({ account: makeAccount({ plan: undefined }), usage: [makeUsage('2025-06-10', { logins: 50, usersInvited: 5, featuresUsed: 3 })] }),
      settings,
      TODAY,
    );
    expect(health.factors.usage.score).toBeNull();
    expect(health.factors.adoption.indicators.map((i) => i.score)).toEqual([50, null]);
    expect(health).toMatchObject({ computedScore: 50, band: 'at-risk' });
    expect(fieldsOf(health.issues)).toContain('account.plan');
  });

  it('treats an unknown plan like a missing one', () => {
    const health = assessAccount(
      inputs({ account: makeAccount({ plan: 'Platinum' as Plan }), usage: [makeUsage('2025-06-10', { logins: 50 })] }),
      settings,
      TODAY,
    );
    expect(health.factors.usage.score).toBeNull();
    expect(health.issues).toContainEqual({ field: 'account.plan', problem: 'unknown plan "Platinum": treated as missing' });
  });

  it('treats zero seats as unknown: logins measured per invited user, invited-vs-seats N/A', () => {
    const health = assessAccount(
      inputs({ account: makeAccount({ seats: 0 }), usage: [makeUsage('2025-06-10', { logins: 30, usersInvited: 5 })] }),
      settings,
      TODAY,
    );
    // 12 logins per seat × 5 invited users = 60 expected; 30 → 50.
    expect(health.factors.usage.indicators[0]).toMatchObject({ value: 30, expected: 60, score: 50 });
    expect(health.factors.adoption.indicators[0]?.score).toBeNull();
    expect(fieldsOf(health.issues)).toContain('account.seats');
  });

  it('has no login expectation with neither seats nor invited users', () => {
    const health = assessAccount(
      inputs({ account: makeAccount({ seats: undefined }), usage: [makeUsage('2025-06-10', { logins: 30, assessments: 4, reports: 4 })] }),
      settings,
      TODAY,
    );
    expect(health.factors.usage.indicators.map((i) => i.score)).toEqual([null, 100, 100]);
    expect(health.factors.usage.score).toBe(100);
  });

  it('uses the team’s weights for an unknown segment and says so', () => {
    const health = assessAccount(
      inputs({ account: makeAccount({ segment: 'Galactic' as Segment }), usage: [makeUsage('2025-06-10', { logins: 60 })] }),
      settings,
      TODAY,
    );
    expect(health.weightsSource).toBe('default');
    expect(fieldsOf(health.issues)).toContain('account.segment');
  });

  it('still scores an account whose start date is broken, and says so', () => {
    const health = assessAccount(
      inputs({ account: makeAccount({ startDate: '2025-13-01' }), usage: [makeUsage('2025-06-10', { logins: 120, assessments: 4, reports: 4 })] }),
      settings,
      TODAY,
    );
    expect(health.factors.usage.score).toBe(100);
    expect(fieldsOf(health.issues)).toContain('account.startDate');
  });

  it('gives an account that starts after today no score', () => {
    const health = assessAccount(
      inputs({ account: makeAccount({ startDate: '2025-07-01' }), usage: [makeUsage('2025-06-10', { logins: 120 })] }),
      settings,
      TODAY,
    );
    expect(health).toMatchObject({ score: null, band: 'unknown', computedExact: null });
  });

  it('gives an account with no data at all no score, not 0', () => {
    const health = assessAccount(inputs(), settings, TODAY);
    expect(health).toMatchObject({ score: null, computedScore: null, band: 'unknown', stale: false, trend: { delta7: null, delta30: null } });
    for (const factor of Object.values(health.factors)) expect(factor.score).toBeNull();
  });

  it('ignores a NaN or negative answer time', () => {
    const health = assessAccount(
      inputs({ meetings: [makeMeeting('2025-06-01', { responseDays: Number.NaN }), makeMeeting('2025-06-02', { type: 'qbr', responseDays: -1 })] }),
      settings,
      TODAY,
    );
    const [attendance, responsiveness] = health.factors.relationship.indicators;
    expect(attendance?.score).toBe(100);
    expect(responsiveness?.score).toBeNull();
    expect(health.issues).toContainEqual({ field: 'meetings.responseDays', problem: 'negative or not a number: answer time ignored (2 rows)' });
  });

  it('rejects an invalid today, naming it', () => {
    expect(() => assessAccount(inputs(), settings, '2025-06-31')).toThrow(/today/);
  });

  it('never produces NaN from random garbage', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const numbers = [0, 1, 7, 50, -4, Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE, 0.5, 1e12];
    const dates = ['2025-06-14', '2025-06-01', '2025-04-30', '2024-12-31', '2026-01-01', '', 'garbage', '2025-02-29', TODAY];
    const sat: Ticket['satisfaction'][] = ['unoffered', 'offered', 'good', 'bad'];
    for (let run = 0; run < 300; run++) {
      const usage: UsageDay[] = Array.from({ length: 5 }, () =>
        makeUsage(pick(dates), {
          logins: pick(numbers), assessments: pick(numbers), reports: pick(numbers), usersInvited: pick(numbers), featuresUsed: pick(numbers),
        }),
      );
      const meetings: Meeting[] = Array.from({ length: 3 }, (_, i) =>
        makeMeeting(pick(dates), { id: `m${i}`, attended: random() < 0.5, responseDays: pick([...numbers, null, undefined]) }),
      );
      const health = assessAccount(
        {
          account: makeAccount({
            seats: pick([...numbers, undefined]),
            plan: pick([undefined, 'Free', 'Enterprise', 'Nope' as Plan]),
            startDate: pick(dates),
          }),
          usage,
          tickets: Array.from({ length: 3 }, () => makeTicket('2025-06-01', { createdAt: pick([...numbers, Date.parse('2025-06-01')]), satisfaction: pick(sat) })),
          nps: [makeNps(pick(dates), pick([0, 5, 10, 11, -1, Number.NaN, 2.5]))],
          meetings,
        },
        settings,
        TODAY,
      );
      if (health.computedScore !== null) {
        expect(Number.isInteger(health.computedScore)).toBe(true);
        expect(health.computedScore).toBeGreaterThanOrEqual(0);
        expect(health.computedScore).toBeLessThanOrEqual(100);
      }
      for (const factor of Object.values(health.factors)) {
        if (factor.score !== null) expect(Number.isFinite(factor.score)).toBe(true);
        for (const indicator of factor.indicators) if (indicator.score !== null) expect(Number.isFinite(indicator.score)).toBe(true);
      }
    }
  });
});
