import { describe, expect, it } from 'vitest';
import { firstResponseSla, type FirstResponseResult } from '@/lib/sla/first-response';
import { zonedTime } from '@/lib/sla/zoned-time';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

const { Standard, Priority, Premium } = DEFAULT_SETTINGS.tiers;
const MIN = 60_000;

function sla(result: FirstResponseResult) {
  if (!result.ok) throw new Error(result.message);
  return result.sla;
}

describe('firstResponseSla across midnight and time zones', () => {
  it('Premium ticket created 23:30 in New York is due 00:30 the next local day', () => {
    const createdAt = Date.parse('2025-03-09T04:30:00Z'); // 2025-03-08 23:30 EST (UTC−5)
    expect(zonedTime(createdAt, 'America/New_York')).toEqual({ date: '2025-03-08', time: '23:30' });
    const now = Date.parse('2025-03-09T05:00:00Z'); // local midnight
    const result = sla(firstResponseSla({ createdAt, firstReplyMinutes: null }, Premium, now));
    expect(result).toMatchObject({ tier: 'Premium', targetMinutes: 60, state: 'running', remainingMs: 30 * MIN, repliedAt: null });
    expect(result.dueAt).toBe(Date.parse('2025-03-09T05:30:00Z'));
    expect(zonedTime(result.dueAt, 'America/New_York')).toEqual({ date: '2025-03-09', time: '00:30' });
  });

  it('a 4 h SLA over the spring-forward night in Berlin ends 04:30 local (4 real hours, 5 on the wall clock)', () => {
    const createdAt = Date.parse('2025-03-29T22:30:00Z'); // 23:30 CET; clocks jump 02:00 → 03:00
    const result = sla(firstResponseSla({ createdAt, firstReplyMinutes: null }, Priority, createdAt));
    expect(result.dueAt - createdAt).toBe(240 * MIN);
    expect(zonedTime(result.dueAt, 'Europe/Berlin')).toEqual({ date: '2025-03-30', time: '04:30' });
  });

  it('a 4 h SLA over the fall-back night in New York ends 03:30 local (4 real hours, 3 on the wall clock)', () => {
    const createdAt = Date.parse('2025-11-02T04:30:00Z'); // 00:30 EDT; at 02:00 EDT clocks go back to 01:00 EST
    expect(zonedTime(createdAt, 'America/New_York')).toEqual({ date: '2025-11-02', time: '00:30' });
    const halfway = createdAt + 120 * MIN; // 01:30 EST, the second 01:30 of the night
    const result = sla(firstResponseSla({ createdAt, firstReplyMinutes: null }, Priority, halfway));
    expect(result).toMatchObject({ state: 'running', remainingMs: 120 * MIN });
    expect(zonedTime(halfway, 'America/New_York')).toEqual({ date: '2025-11-02', time: '01:30' });
    expect(zonedTime(result.dueAt, 'America/New_York')).toEqual({ date: '2025-11-02', time: '03:30' });
  });

  it('a 24 h SLA created just before midnight is due just before the next midnight, breached a minute after', () => {
    const createdAt = Date.parse('2025-12-31T22:59:00Z'); // 23:59 in Berlin on New Year's Eve
    const result = sla(firstResponseSla({ createdAt, firstReplyMinutes: null }, Standard, createdAt));
    expect(zonedTime(result.dueAt, 'Europe/Berlin')).toEqual({ date: '2026-01-01', time: '23:59' });
    expect(sla(firstResponseSla({ createdAt, firstReplyMinutes: null }, Standard, result.dueAt + MIN))).toMatchObject({
      state: 'breached', remainingMs: -MIN,
    });
  });

  it('the same instant is due at different wall-clock times per zone, never at a different instant', () => {
    const createdAt = Date.parse('2025-06-01T18:00:00Z'); // 23:30 in Kolkata (UTC+5:30)
    const result = sla(firstResponseSla({ createdAt, firstReplyMinutes: null }, Standard, createdAt));
    expect(zonedTime(result.dueAt, 'Asia/Kolkata')).toEqual({ date: '2025-06-02', time: '23:30' });
    expect(zonedTime(result.dueAt, 'America/Los_Angeles')).toEqual({ date: '2025-06-02', time: '11:00' });
    expect(zonedTime(result.dueAt, 'UTC')).toEqual({ date: '2025-06-02', time: '18:00' });
  });
});

describe('firstResponseSla states', () => {
  const createdAt = Date.parse('2025-06-01T10:00:00Z');

  it('met when the first reply came within the target, exactly on it included', () => {
    expect(sla(firstResponseSla({ createdAt, firstReplyMinutes: 59 }, Premium, createdAt + 600 * MIN))).toMatchObject({
      state: 'met', remainingMs: MIN, repliedAt: createdAt + 59 * MIN,
    });
    expect(sla(firstResponseSla({ createdAt, firstReplyMinutes: 60 }, Premium, createdAt)).state).toBe('met');
  });

  it('breached when the reply came late', () => {
    expect(sla(firstResponseSla({ createdAt, firstReplyMinutes: 61 }, Premium, createdAt))).toMatchObject({ state: 'breached', remainingMs: -MIN });
  });

  it('running up to the due instant, breached after it, with the overdue time negative', () => {
    const dueAt = createdAt + 240 * MIN;
    expect(sla(firstResponseSla({ createdAt, firstReplyMinutes: null }, Priority, dueAt))).toMatchObject({ state: 'running', remainingMs: 0 });
    expect(sla(firstResponseSla({ createdAt, firstReplyMinutes: null }, Priority, dueAt + 90 * MIN))).toMatchObject({
      state: 'breached', remainingMs: -90 * MIN,
    });
  });

  it('follows an edited tier', () => {
    const twoHours = { ...Priority, firstResponseHours: 2 };
    expect(sla(firstResponseSla({ createdAt, firstReplyMinutes: 150 }, twoHours, createdAt)).state).toBe('breached');
  });

  it('names the field of bad input', () => {
    expect(firstResponseSla({ createdAt: Number.NaN, firstReplyMinutes: null }, Premium, createdAt)).toMatchObject({ ok: false, field: 'createdAt' });
    expect(firstResponseSla({ createdAt: -1, firstReplyMinutes: null }, Premium, createdAt)).toMatchObject({ ok: false, field: 'createdAt' });
    expect(firstResponseSla({ createdAt, firstReplyMinutes: -5 }, Premium, createdAt)).toMatchObject({ ok: false, field: 'firstReplyMinutes' });
    expect(firstResponseSla({ createdAt, firstReplyMinutes: null }, Premium, Number.NaN)).toMatchObject({ ok: false, field: 'now' });
  });
});

describe('zonedTime', () => {
  it('returns null for an unknown zone or an invalid instant', () => {
    expect(zonedTime(0, 'Mars/Olympus_Mons')).toBeNull();
    expect(zonedTime(Number.NaN, 'UTC')).toBeNull();
  });
});
