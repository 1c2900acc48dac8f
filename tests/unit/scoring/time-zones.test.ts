/**
 * Calendar days must not depend on the browser's time zone. The helpers work on local midnights (date-fns), so each
 * zone is tried for real: TZ is switched at run time and the modules are loaded fresh (their caches too). The zones
 * include ones whose clocks jump at midnight, so some local midnights do not exist.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Asia/Beirut', 'Australia/Lord_Howe', 'Pacific/Apia'];
const originalTz = process.env.TZ;

afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

async function inZone(zone: string) {
  process.env.TZ = zone;
  vi.resetModules();
  return {
    dates: await import('@/lib/scoring/dates'),
    journey: await import('@/lib/lifecycle/journey'),
    trend: await import('@/lib/scoring/trend'),
  };
}

/** Independent day arithmetic: whole UTC days between two dates. */
const utcDays = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
const utcAdd = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(ZONES)('calendar days in %s', (zone) => {
  it('the zone is really in effect', async () => {
    await inZone(zone);
    const offsets = new Set([0, 3, 6, 9].map((month) => new Date(2025, month, 15).getTimezoneOffset()));
    expect(offsets.size > 1 || zone === 'UTC' || zone === 'Pacific/Apia').toBe(true);
  });

  it('adds and counts every day of 2023–2026 exactly, daylight-saving nights included', async () => {
    const { dates } = await inZone(zone);
    for (let date = '2023-01-01'; date < '2027-01-01'; date = utcAdd(date, 1)) {
      const next = dates.addDaysIso(date, 1);
      expect(next).toBe(utcAdd(date, 1));
      expect(dates.daysBetween(date, next)).toBe(1);
      expect(dates.addDaysIso(date, -30)).toBe(utcAdd(date, -30));
    }
    expect(dates.daysBetween('2023-01-01', '2026-12-31')).toBe(utcDays('2023-01-01', '2026-12-31'));
  });

  it('places journeys and trend windows by calendar days', async () => {
    const { journey, trend } = await inZone(zone);
    // Spring (north) and autumn (south) transitions fall inside these spans.
    for (const [start, today] of [['2025-03-25', '2025-04-01'], ['2025-09-01', '2025-10-01'], ['2025-03-01', '2025-05-30']] as const) {
      const result = journey.assessJourney(start, [], today, 7);
      expect(result.status !== 'invalid' && result.daysSinceStart).toBe(utcDays(start, today));
    }
    expect(trend.trendWindow('2025-04-06', 30)).toEqual({ from: utcAdd('2025-04-06', -33), to: utcAdd('2025-04-06', -30) });
  });

  it('reads "today" as the local day of the instant', async () => {
    const { dates } = await inZone(zone);
    const instant = new Date('2025-06-15T23:30:00Z');
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
    expect(dates.localDay(instant)).toBe(expected);
  });
});
