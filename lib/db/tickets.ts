import type { RecordTicketRequest } from '../schemas/messages';
import { Ticket } from '../schemas/records';
import type { SightlineDatabase } from './database';
import { accountIdsOf, refreshRollups, rollupTransactionTables } from './scoring-rollups';

/**
 * Upserts a ticket seen on a Zendesk page. Fields the page could not see (first reply minutes before the metrics
 * arrive, a solved time from an export) keep their stored values. Returns false when the account is unknown.
 */
export async function recordSeenTicket(db: SightlineDatabase, { accountId, ticket }: RecordTicketRequest): Promise<boolean> {
  return db.transaction('rw', rollupTransactionTables(db), async () => {
    if (!(await db.accounts.get(accountId))) return false;
    const stored = await db.tickets.get(ticket.zendeskId);
    const solvedAt = ticket.status === 'solved' || ticket.status === 'closed' ? (stored?.solvedAt ?? Date.now()) : null;
    const merged = Ticket.parse({
      ...stored,
      ...ticket,
      accountId,
      firstReplyMinutes: ticket.firstReplyMinutes ?? stored?.firstReplyMinutes ?? null,
      solvedAt,
    });
    await db.tickets.put(merged);
    await refreshRollups(db, accountIdsOf(stored ? [merged, stored] : [merged]));
    return true;
  });
}
