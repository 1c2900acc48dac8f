import type { RecordTicketRequest } from '../schemas/messages';
import { Ticket } from '../schemas/records';
import type { SightlineDatabase } from './database';
import { accountIdsOf, refreshRollups, rollupTransactionTables } from './scoring-rollups';

/**
 * Upserts a ticket seen on a Zendesk page. Fields the page could not see (first reply minutes before the metrics
 * arrive, a solved time from an export) keep their stored values. Returns false, writing nothing, when the account
 * is unknown or the ticket is stored as it is seen (so opening a ticket again sets off no rescoring).
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
    // Seen again, unchanged: no write, so no change notice and no rescoring for merely opening a ticket.
    if (stored && sameTicket(stored, merged)) return false;
    await db.tickets.put(merged);
    await refreshRollups(db, accountIdsOf(stored ? [merged, stored] : [merged]));
    return true;
  });
}

/** Whether two tickets hold the same values (a ticket's fields are all scalars; an absent field equals undefined). */
function sameTicket(a: Ticket, b: Ticket): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Ticket)[]);
  return [...fields].every((field) => a[field] === b[field]);
}
