/**
 * Dates as exports write them: ISO (`2025-03-14`, `2025-03-14T09:30:00Z`, Zendesk's `2025-03-14 09:30:00 +0000`),
 * Salesforce's locale-dependent `3/14/2025` or `14/3/2025` (also with `.` or `-`, 2-digit years and a time), and
 * month names (`14 Mar 2025`, `Mar 14, 2025`). Whether slashes mean month-first or day-first is decided for a whole
 * column (see DateOrderEvidence): one row alone cannot tell 3/4/2025 apart.
 */

export type DateOrder = 'MDY' | 'DMY';

export type ParsedDate = { ok: true; isoDate: string; epochMs: number } | { ok: false; message: string };

const ISO_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC_PATTERN =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\.?(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AP]\.?M\.?)?)?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_MONTH_NAME = /^(\d{1,2})[ -]([a-z]{3,9})\.?,?[ -](\d{4})$/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i;

function monthFromName(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index >= 0 ? index + 1 : undefined;
}

function expandYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year; // spreadsheet convention for 2-digit years
}

function build(
  original: string,
  year: number,
  month: number,
  day: number,
  time: { h: number; m: number; s: number; ms: number; offsetMinutes: number } = { h: 0, m: 0, s: 0, ms: 0, offsetMinutes: 0 },
): ParsedDate {
  if (month < 1 || month > 12) return { ok: false, message: `"${original}" has no month ${month}` };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || probe.getUTCMonth() !== month - 1) return { ok: false, message: `"${original}" is not a real date` };
  if (time.h > 23 || time.m > 59 || time.s > 59) return { ok: false, message: `"${original}" has an impossible time` };
  const isoDate = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const epochMs = Date.UTC(year, month - 1, day, time.h, time.m, time.s, time.ms) - time.offsetMinutes * 60_000;
  return { ok: true, isoDate, epochMs };
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/** True when the text is a numeric day/month date whose order needs the column's DateOrder. */
export function isNumericDate(text: string): boolean {
  return NUMERIC_PATTERN.test(text.trim());
}

/**
 * Parses one date. `order` is needed only for numeric dates like 3/4/2025; times without a zone are taken as UTC.
 * The date part (`isoDate`) is the calendar day as written, never shifted by a zone.
 */
export function parseDate(text: string, order: DateOrder | undefined): ParsedDate {
  const value = text.trim();
  const iso = ISO_PATTERN.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    return build(value, Number(y), Number(mo), Number(d), {
      h: Number(h ?? 0),
      m: Number(mi ?? 0),
      s: Number(s ?? 0),
      ms: frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0,
      offsetMinutes: offsetMinutes(zone),
    });
  }
  const numeric = NUMERIC_PATTERN.exec(value);
  if (numeric) {
    if (Number(numeric[1]) > 12 && Number(numeric[3]) > 12) return { ok: false, message: `"${value}" is not a real date: neither part can be a month` };
    if (!order) return { ok: false, message: `"${value}" could be month/day or day/month: choose the date order` };
    const [, first, , second, y, h, mi, s, meridiem] = numeric;
    const [month, day] = order === 'MDY' ? [Number(first), Number(second)] : [Number(second), Number(first)];
    let hours = Number(h ?? 0);
    if (meridiem) {
      if (hours < 1 || hours > 12) return { ok: false, message: `"${value}" has an impossible time` };
      const pm = meridiem.toUpperCase().startsWith('P');
      hours = (hours % 12) + (pm ? 12 : 0);
    }
    return build(value, expandYear(y!), month, day, { h: hours, m: Number(mi ?? 0), s: Number(s ?? 0), ms: 0, offsetMinutes: 0 });
  }
  const dayFirst = DAY_MONTH_NAME.exec(value);
  const monthFirst = MONTH_NAME_DAY.exec(value);
  if (dayFirst || monthFirst) {
    const [day, name, year] = dayFirst ? [dayFirst[1]!, dayFirst[2]!, dayFirst[3]!] : [monthFirst![2]!, monthFirst![1]!, monthFirst![3]!];
    const month = monthFromName(name);
    if (month) return build(value, Number(year), month, Number(day));
  }
  return { ok: false, message: `"${value}" is not a date` };
}

/**
 * What a column's numeric dates say about their order. A first part above 12 can only be a day (so D/M),
 * a second part above 12 only a day (so M/D); 3/4/2025 says nothing.
 */
export interface DateOrderEvidence {
  numericDates: number;
  onlyDayFirst: number;
  onlyMonthFirst: number;
  /** First row (1-based data row) that proved each order, for the explanation shown to the user. */
  firstDayFirstRow?: number;
  firstMonthFirstRow?: number;
}

export function emptyDateEvidence(): DateOrderEvidence {
  return { numericDates: 0, onlyDayFirst: 0, onlyMonthFirst: 0 };
}

/** Adds one cell to a column's evidence (in place: it runs for every cell of large files). */
export function addDateEvidence(evidence: DateOrderEvidence, text: string, rowNumber: number): void {
  const numeric = NUMERIC_PATTERN.exec(text.trim());
  if (!numeric) return;
  const first = Number(numeric[1]);
  const second = Number(numeric[3]);
  // Impossible in either order (13/45/2026): no evidence, and its row is refused on its own.
  if (first > 12 && second > 12) return;
  evidence.numericDates += 1;
  if (first > 12 && second <= 12) {
    evidence.onlyDayFirst += 1;
    evidence.firstDayFirstRow ??= rowNumber;
  } else if (second > 12 && first <= 12) {
    evidence.onlyMonthFirst += 1;
    evidence.firstMonthFirstRow ??= rowNumber;
  }
}

export type DateOrderDecision =
  | { status: 'not-needed' }
  | { status: 'detected'; order: DateOrder; reason: string }
  | { status: 'ambiguous'; reason: string }
  /** Both orders are proven by different rows: the majority wins and the other rows fail as errors. */
  | { status: 'conflicting'; order: DateOrder; reason: string };

export function decideDateOrder(evidence: DateOrderEvidence): DateOrderDecision {
  const { numericDates, onlyDayFirst, onlyMonthFirst } = evidence;
  if (numericDates === 0) return { status: 'not-needed' };
  if (onlyDayFirst > 0 && onlyMonthFirst > 0) {
    const order: DateOrder = onlyDayFirst > onlyMonthFirst ? 'DMY' : 'MDY';
    return {
      status: 'conflicting',
      order,
      reason: `${onlyMonthFirst} dates are month-first (from row ${evidence.firstMonthFirstRow}) and ${onlyDayFirst} day-first (from row ${evidence.firstDayFirstRow})`,
    };
  }
  if (onlyDayFirst > 0) return { status: 'detected', order: 'DMY', reason: `day-first: row ${evidence.firstDayFirstRow} has a first part above 12` };
  if (onlyMonthFirst > 0) return { status: 'detected', order: 'MDY', reason: `month-first: row ${evidence.firstMonthFirstRow} has a second part above 12` };
  return { status: 'ambiguous', reason: `none of the ${numericDates} dates has a part above 12, so month/day and day/month both fit` };
}
