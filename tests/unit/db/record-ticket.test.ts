/**
 * Issue 5 (ticket facts recorded from Zendesk pages): a ticket seen again exactly as stored is not written — no
 * change notice, so merely opening tickets sets off no rescoring —, while any new fact is.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SightlineDatabase } from '@/lib/db/database';
import { recordSeenTicket } from '@/lib/db/tickets';
import type { Ticket } from '@/lib/schemas/records';

let db: SightlineDatabase;
/** Every committed change to the tickets table, as Dexie reports writes to its listeners. */
let ticketWrites: number;

beforeEach(async () => {
  db = new SightlineDatabase(`record-ticket-${crypto.randomUUID()}`);
  await db.open();
  await db.accounts.put({ id: 'a1', name: 'A1', domains: [], arr: 1, startDate: '2024-01-01', status: 'active' });
  ticketWrites = 0;
  db.tickets.hook('creating', () => {
    ticketWrites++;
  });
  db.tickets.hook('updating', () => {
    ticketWrites++;
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const seen: Omit<Ticket, 'accountId'> = {
  zendeskId: 77,
  subject: 'Exports fail',
  requesterEmail: 'ana@acme.example',
  organizationId: '360001',
  createdAt: Date.parse('2025-03-10T09:00:00Z'),
  firstReplyMinutes: 42,
  solvedAt: null,
  status: 'open',
  priority: 'normal',
  satisfaction: 'offered',
};

describe('recordSeenTicket', () => {
  it('writes a ticket seen for the first time', async () => {
    expect(await recordSeenTicket(db, { accountId: 'a1', ticket: seen })).toBe(true);
    expect(await db.tickets.get(77)).toEqual({ ...seen, accountId: 'a1' });
    expect(ticketWrites).toBe(1);
  });

  it('writes nothing when the ticket is seen again as stored, also when the page lacks a stored fact', async () => {
    await recordSeenTicket(db, { accountId: 'a1', ticket: seen });
    expect(await recordSeenTicket(db, { accountId: 'a1', ticket: seen })).toBe(false);
    // The metrics not read yet on this visit: the stored first reply stands, so nothing changed.
    expect(await recordSeenTicket(db, { accountId: 'a1', ticket: { ...seen, firstReplyMinutes: null } })).toBe(false);
    expect(ticketWrites).toBe(1);
  });

  it.each([
    ['its satisfaction', { satisfaction: 'bad' as const }],
    ['its status', { status: 'pending' as const }],
    ['its first reply', { firstReplyMinutes: 30 }],
    ['its subject', { subject: 'Exports fail again' }],
  ])('writes the ticket when %s changed', async (_what, change) => {
    await recordSeenTicket(db, { accountId: 'a1', ticket: seen });
    expect(await recordSeenTicket(db, { accountId: 'a1', ticket: { ...seen, ...change } })).toBe(true);
    expect(await db.tickets.get(77)).toMatchObject(change);
    expect(ticketWrites).toBe(2);
  });

  it('writes the ticket when it moved to another account', async () => {
    await db.accounts.put({ id: 'a2', name: 'A2', domains: [], arr: 1, startDate: '2024-01-01', status: 'active' });
    await recordSeenTicket(db, { accountId: 'a1', ticket: seen });
    expect(await recordSeenTicket(db, { accountId: 'a2', ticket: seen })).toBe(true);
    expect((await db.tickets.get(77))?.accountId).toBe('a2');
  });
});
