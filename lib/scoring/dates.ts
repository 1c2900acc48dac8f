/**
 * Calendar-date helpers shared by scoring, lifecycle, SLA and metrics. Dates are `YYYY-MM-DD` strings with no time
 * zone; date-fns does the calendar arithmetic on local midnights, which keeps whole-day differences exact across
 * daylight-saving changes.
 */
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { IsoDate } from '../schemas/common';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Rescoring asks the same few hundred dates millions of times (every usage row, every age); each answer is
 * remembered. The caches are cleared when they grow past this many entries, which bounds their memory.
 */
const CACHE_LIMIT = 50_000;
const validDates = new Set<string>();
const dayNumbers = new Map<string, number>();
const shifted = new Map<string, Map<number, IsoDate>>();
const EPOCH = new Date(1970, 0, 1);

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Whether `value` is a real calendar date as `YYYY-MM-DD`: the IsoDate schema's rule, without Zod's per-call cost. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  if (validDates.has(value)) return true;
  if (!ISO_DATE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  if (validDates.size >= CACHE_LIMIT) validDates.clear();
  validDates.add(value);
  return true;
}

/** Calendar days from 1970-01-01 to `date`. */
function dayNumber(date: IsoDate): number {
  return dayNumbers.get(date) ?? remember(dayNumbers, date, differenceInCalendarDays(parseISO(date), EPOCH));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  // Keyed by date, then by offset: no key string to build and hash on every call.
  let byOffset = shifted.get(date);
  if (byOffset === undefined) byOffset = remember(shifted, date, new Map<number, IsoDate>());
  return byOffset.get(days) ?? remember(byOffset, days, format(addDays(parseISO(date), days), 'yyyy-MM-dd'));
}

const midnights = new Map<string, number>();
const DAY_MS = 86_400_000;
const utcDays = new Map<number, IsoDate>();

/** Epoch ms of 00:00 UTC on `date`: the start of a ticket day. */
export function utcMidnightMs(date: IsoDate): number {
  return midnights.get(date) ?? remember(midnights, date, Date.parse(`${date}T00:00:00Z`));
}

/** The UTC calendar day of an instant. Ticket days are UTC days so that scores do not depend on the machine. */
export function utcDay(epochMs: number): IsoDate {
  const day = Math.floor(epochMs / DAY_MS);
  return utcDays.get(day) ?? remember(utcDays, day, new Date(day * DAY_MS).toISOString().slice(0, 10));
}

/** The local calendar day of a Date: "today" for the person using the browser. */
export function localDay(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}
