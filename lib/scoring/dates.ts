/**
 * Calendar-date helpers shared by scoring, lifecycle, SLA and metrics. Dates are `YYYY-MM-DD` strings with no time
 * zone; date-fns does the calendar arithmetic on local midnights, which keeps whole-day differences exact across
 * daylight-saving changes.
 */
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { IsoDate } from '../schemas/common';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `value` is a real calendar date as `YYYY-MM-DD`. The same rule as the IsoDate schema, without Zod's
 * per-call cost: rescoring checks millions of usage rows.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** The UTC calendar day of an instant. Ticket days are UTC days so that scores do not depend on the machine. */
export function utcDay(epochMs: number): IsoDate {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The local calendar day of a Date: "today" for the person using the browser. */
export function localDay(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}
