/**
 * Dates for the demo generator, as whole days relative to `today` (negative = past). Integer day arithmetic in UTC
 * keeps generation fast (millions of usage rows) and independent of the machine's time zone.
 */
import type { IsoDate } from '../schemas/common';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The largest time-zone offset east of UTC (Kiribati, UTC+14). */
const MAX_UTC_OFFSET_MS = 14 * HOUR_MS;

export class DemoCalendar {
  /** Days since 1970-01-01 of `today`. */
  private readonly todayEpochDay: number;
  private readonly isoByOffset = new Map<number, IsoDate>();
  /**
   * The instant event timestamps (ticket created, solved) are generated up to. `today` is a local date; local
   * midnight of `today` is never earlier than this anywhere on Earth, so no demo event lies in the future.
   */
  readonly nowMs: number;

  constructor(today: IsoDate) {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    this.todayEpochDay = Date.UTC(y, m - 1, d) / DAY_MS;
    this.nowMs = this.todayEpochDay * DAY_MS - MAX_UTC_OFFSET_MS;
  }

  /** The date `offset` days from today. */
  iso(offset: number): IsoDate {
    let iso = this.isoByOffset.get(offset);
    if (iso === undefined) {
      iso = new Date((this.todayEpochDay + offset) * DAY_MS).toISOString().slice(0, 10);
      this.isoByOffset.set(offset, iso);
    }
    return iso;
  }

  /** Day of the week of the date `offset` days from today, 0 = Sunday. */
  weekday(offset: number): number {
    return (((this.todayEpochDay + offset + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  }

  /** The offset of the date `years` calendar years after the date at `offset` (29 Feb rolls to 1 Mar). */
  addYears(offset: number, years: number): number {
    const date = new Date((this.todayEpochDay + offset) * DAY_MS);
    date.setUTCFullYear(date.getUTCFullYear() + years);
    return Math.round(date.getTime() / DAY_MS) - this.todayEpochDay;
  }

  /** Epoch ms of the start (UTC midnight) of the day at `offset`. */
  startOfDayMs(offset: number): number {
    return (this.todayEpochDay + offset) * DAY_MS;
  }
}

export { DAY_MS, HOUR_MS };
