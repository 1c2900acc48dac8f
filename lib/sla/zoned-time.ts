/**
 * An instant as a wall-clock date and time in a named IANA time zone, for showing SLA due times to an agent
 * ("due 00:30 tomorrow") in their own zone. Intl does the zone rules, daylight saving included.
 */
export interface ZonedTime {
  date: string;
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `{ date: 'YYYY-MM-DD', time: 'HH:mm' }` in `timeZone`, or null for an unknown zone or an invalid instant. */
export function zonedTime(epochMs: number, timeZone: string): ZonedTime | null {
  if (!Number.isFinite(epochMs)) return null;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = formatterFor(timeZone);
  } catch {
    return null; // RangeError: not a time zone Intl knows
  }
  const parts = Object.fromEntries(formatter.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
