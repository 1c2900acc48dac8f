/** A Zendesk ticket as Sightline keeps it (re-exported by ./records.ts with every other record). */
import { z } from 'zod';
import { EpochMs, NonNegativeNumber } from './common';

export const TicketStatus = z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']);
export const TicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);
/** Zendesk's satisfaction states: not offered, offered (no answer), good, bad. */
export const Satisfaction = z.enum(['unoffered', 'offered', 'good', 'bad']);

export const Ticket = z.object({
  zendeskId: z.number().int().positive(),
  accountId: z.string().min(1).optional(),
  requesterEmail: z.string().max(320).optional(),
  organizationId: z.string().regex(/^\d+$/).optional(),
  subject: z.string().max(500).optional(),
  createdAt: EpochMs,
  firstReplyMinutes: NonNegativeNumber.nullable(),
  solvedAt: EpochMs.nullable(),
  status: TicketStatus,
  priority: TicketPriority.nullable(),
  satisfaction: Satisfaction,
  demo: z.boolean().optional(),
});
export type Ticket = z.infer<typeof Ticket>;
