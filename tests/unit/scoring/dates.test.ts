import { describe, expect, it } from 'vitest';
import { addDaysIso, daysBetween, isIsoDate, localDay, utcDay, utcMidnightMs } from '@/lib/scoring/dates';

describe('date helpers', () => {
  it('accepts only real YYYY-MM-DD dates, also when asked again', () => {
    for (let round = 0; round < 2; round++) {
      expect(isIsoDate('2024-02-29')).toBe(true);
      expect(isIsoDate('2025-02-29')).toBe(false);
      expect(isIsoDate('2025-6-01')).toBe(false);
      expect(isIsoDate('2025-06-31')).toBe(false);
      expect(isIsoDate(20250601)).toBe(false);
      expect(isIsoDate(null)).toBe(false);
    }
  });

  it('counts calendar days across month ends, leap days and daylight-saving changes', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-29', '2025-04-01')).toBe(3); // EU spring-forward on 30 March
    expect(daysBetween('2025-11-03', '2025-11-01')).toBe(-2); // US fall-back on 2 November
    expect(daysBetween('2024-12-31', '2025-12-31')).toBe(365);
  });

  it('adds days across month and year ends', () => {
    expect(addDaysIso('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDaysIso('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDaysIso('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDaysIso('2025-03-30', 1)).toBe('2025-03-31');
  });

  it('reads ticket days in UTC and "today" in local time', () => {
    expect(utcDay(Date.parse('2025-06-01T23:59:59Z'))).toBe('2025-06-01');
    expect(utcMidnightMs('2025-06-02')).toBe(Date.parse('2025-06-02T00:00:00Z'));
    expect(localDay(new Date(2025, 5, 1, 23, 59))).toBe('2025-06-01');
  });
});
