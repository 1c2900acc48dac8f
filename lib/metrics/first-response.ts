/**
 * First response time: the median of firstReplyMinutes over tickets created in the range (even count: mean of the
 * two middle values). Tickets not answered yet are counted in `awaiting`, not in the median; a negative or
 * non-numeric reply time is left out (`ignored`). No answered ticket → cannot compute.
 */
import type { Ticket } from '../schemas/records';
import { cannot, median, type InstantRange, type MetricResult } from './result';

export function medianFirstResponse(
  tickets: readonly Pick<Ticket, 'createdAt' | 'firstReplyMinutes'>[],
  range: InstantRange,
): MetricResult<{ medianMinutes: number; answered: number; awaiting: number; ignored: number }> {
  const minutes: number[] = [];
  let awaiting = 0;
  let ignored = 0;
  for (const t of tickets) {
    if (!(t.createdAt >= range.fromMs && t.createdAt < range.toMs)) continue;
    const reply = t.firstReplyMinutes;
    if (reply === null) awaiting++;
    else if (Number.isFinite(reply) && reply >= 0) minutes.push(reply);
    else ignored++;
  }
  const middle = median(minutes);
  if (middle === null) return cannot('no answered tickets in the period');
  return { ok: true, value: { medianMinutes: middle, answered: minutes.length, awaiting, ignored } };
}
