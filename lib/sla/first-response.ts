/**
 * First-response SLA of a ticket. The clock runs in real elapsed time (the tiers promise "1 h", "4 h", "24 h",
 * around the clock), so everything is epoch milliseconds: a ticket created at 23:30 in any time zone is due the
 * same instant wherever the agent is, and midnight or a daylight-saving change does not move it. Only showing the
 * due time needs a zone (zoned-time.ts).
 */
import type { Ticket } from '../schemas/records';
import type { Tier, TierName } from '../schemas/settings';

const MINUTE_MS = 60_000;

export type SlaState =
  /** Answered within the target. */
  | 'met'
  /** Answered late, or not answered and past due. */
  | 'breached'
  /** Not answered yet, still within the target. */
  | 'running';

export interface FirstResponseSla {
  tier: TierName;
  targetMinutes: number;
  createdAt: number;
  dueAt: number;
  /** When the first reply came, or null. */
  repliedAt: number | null;
  state: SlaState;
  /** dueAt − (repliedAt or now): time left while running, negative once late. */
  remainingMs: number;
}

export type FirstResponseResult = { ok: true; sla: FirstResponseSla } | { ok: false; field: string; message: string };

export function firstResponseSla(
  ticket: Pick<Ticket, 'createdAt' | 'firstReplyMinutes'>,
  tier: Tier,
  now: number,
): FirstResponseResult {
  if (!Number.isFinite(ticket.createdAt) || ticket.createdAt < 0) {
    return { ok: false, field: 'createdAt', message: `${String(ticket.createdAt)} is not an instant` };
  }
  const reply = ticket.firstReplyMinutes;
  if (reply !== null && !(Number.isFinite(reply) && reply >= 0)) {
    return { ok: false, field: 'firstReplyMinutes', message: `${String(reply)} is not a number of minutes` };
  }
  if (!Number.isFinite(now)) return { ok: false, field: 'now', message: `${String(now)} is not an instant` };

  const targetMinutes = tier.firstResponseHours * 60;
  const dueAt = ticket.createdAt + targetMinutes * MINUTE_MS;
  const repliedAt = reply === null ? null : ticket.createdAt + reply * MINUTE_MS;
  let state: SlaState;
  if (reply !== null) state = reply <= targetMinutes ? 'met' : 'breached';
  else state = now <= dueAt ? 'running' : 'breached';
  return {
    ok: true,
    sla: { tier: tier.name, targetMinutes, createdAt: ticket.createdAt, dueAt, repliedAt, state, remainingMs: dueAt - (repliedAt ?? now) },
  };
}
