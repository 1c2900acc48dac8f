/**
 * Issue 5 (badge speed): the background's lookupAccount keeps settings in memory and reads a page's remembered
 * links in one request. Neither may change an answer: a settings change made anywhere is seen by the next lookup,
 * and a link remembered under any of the page's keys still wins over the other ways of matching. A lookup is
 * answered as soon as its reads are done, not after its read-only transaction's commit.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/entrypoints/background/handlers';
import { SightlineDatabase } from '@/lib/db/database';
import { readTransaction } from '@/lib/db/read-transaction';
import { cachedSettings } from '@/lib/db/settings-cache';
import { saveSettings } from '@/lib/db/settings';
import type { Runtime } from 'webextension-polyfill';
import type { Account } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { useTestDatabase } from '../support/test-database';

const SENDER = { url: 'https://acme.zendesk.com/agent/tickets/1' } as Runtime.MessageSender;

let db: SightlineDatabase;
useTestDatabase((fresh) => {
  db = fresh;
});

function account(id: string, fields: Partial<Account> = {}): Account {
  return { id, name: id, domains: [], arr: 1000, startDate: '2024-01-01', status: 'active', ...fields };
}

describe('lookupAccount', () => {
  it('sees a settings change made after an earlier lookup', async () => {
    await db.accounts.put(account('mailco', { domains: ['mail.example'] }));
    await saveSettings(db, { ...DEFAULT_SETTINGS, personalDomains: ['mail.example'] });
    const { lookupAccount } = createHandlers(db, 1);
    const before = await lookupAccount({ email: 'jo@mail.example' }, SENDER);
    expect(before.status).toBe('no-match');

    await saveSettings(db, { ...DEFAULT_SETTINGS, personalDomains: [] });
    const after = await lookupAccount({ email: 'jo@mail.example' }, SENDER);
    expect(after).toMatchObject({ status: 'matched', method: 'email-domain', matchedOn: 'mail.example', account: { accountId: 'mailco' } });
  });

  it('lets a link remembered under a later key win over the organization match', async () => {
    await db.accounts.bulkPut([account('by-org', { zendeskOrgId: '77' }), account('picked')]);
    await db.pageLinks.put({ key: 'name:acme inc', accountId: 'picked', at: 1 });
    const { lookupAccount } = createHandlers(db, 1);
    const answer = await lookupAccount({ zendeskOrgId: '77', email: 'jo@acme.com', name: 'Acme Inc' }, SENDER);
    expect(answer).toMatchObject({ status: 'matched', method: 'chosen', matchedOn: 'acme inc', account: { accountId: 'picked' } });
  });

  it('matches by organization when the page has no remembered link', async () => {
    await db.accounts.bulkPut([account('by-org', { zendeskOrgId: '77' }), account('other')]);
    await db.pageLinks.put({ key: 'name:someone else', accountId: 'other', at: 1 });
    const { lookupAccount } = createHandlers(db, 1);
    const answer = await lookupAccount({ zendeskOrgId: '77', name: 'Acme Inc' }, SENDER);
    expect(answer).toMatchObject({ status: 'matched', method: 'zendesk-org', account: { accountId: 'by-org' } });
  });
});

describe('lookupKnownTicket', () => {
  const ticket = {
    zendeskId: 501, accountId: 'by-org', requesterEmail: 'Jo@Acme.com', organizationId: '77', createdAt: 1,
    firstReplyMinutes: null, solvedAt: null, status: 'open', priority: null, satisfaction: 'unoffered',
  } as const;

  it('answers for a stored ticket what lookupAccount answers for its requester and organization', async () => {
    await db.accounts.bulkPut([account('by-org', { zendeskOrgId: '77', plan: 'Starter' }), account('other')]);
    await db.tickets.put(ticket);
    const { lookupAccount, lookupKnownTicket } = createHandlers(db, 1);
    const known = await lookupKnownTicket({ zendeskTicketId: 501 }, SENDER);
    expect(known).toMatchObject({ status: 'matched', method: 'zendesk-org', matchedOn: '77', account: { accountId: 'by-org' } });
    expect(known).toEqual(await lookupAccount({ zendeskOrgId: '77', email: 'jo@acme.com' }, SENDER));
  });

  it('follows the matching rules, not the account the ticket was stored under', async () => {
    await db.accounts.bulkPut([account('by-org', { zendeskOrgId: '77' }), account('picked')]);
    await db.tickets.put(ticket);
    await db.pageLinks.put({ key: 'email:jo@acme.com', accountId: 'picked', at: 1 });
    const { lookupKnownTicket } = createHandlers(db, 1);
    expect(await lookupKnownTicket({ zendeskTicketId: 501 }, SENDER)).toMatchObject({ status: 'matched', method: 'chosen', account: { accountId: 'picked' } });
  });

  it("summarizes the account matching found, not the one the stored ticket was filed under (whose reads start early)", async () => {
    await db.accounts.bulkPut([account('by-org', { zendeskOrgId: '77' }), account('picked')]);
    await db.tickets.put(ticket);
    await db.pageLinks.put({ key: 'email:jo@acme.com', accountId: 'picked', at: 1 });
    await db.overrides.put({ accountId: 'by-org', score: 11, reason: 'escalated', expiresOn: '2999-01-01', locked: true, setBy: 'me', setAt: 1 });
    const { lookupKnownTicket, lookupAccount } = createHandlers(db, 1);
    const known = await lookupKnownTicket({ zendeskTicketId: 501 }, SENDER);
    expect(known).toMatchObject({ status: 'matched', account: { accountId: 'picked', name: 'picked', overridden: false } });
    expect(known).toEqual(await lookupAccount({ zendeskOrgId: '77', email: 'jo@acme.com' }, SENDER));
    // And the filed-under account's own summary does carry its override.
    await db.pageLinks.clear();
    expect(await lookupKnownTicket({ zendeskTicketId: 501 }, SENDER)).toMatchObject({ account: { accountId: 'by-org', score: 11, overridden: true } });
  });

  it('says unknown for a ticket it does not hold, or one with neither requester nor organization', async () => {
    await db.tickets.put({ ...ticket, zendeskId: 502, requesterEmail: undefined, organizationId: undefined });
    const { lookupKnownTicket } = createHandlers(db, 1);
    expect(await lookupKnownTicket({ zendeskTicketId: 999 }, SENDER)).toEqual({ status: 'unknown' });
    expect(await lookupKnownTicket({ zendeskTicketId: 502 }, SENDER)).toEqual({ status: 'unknown' });
  });
});

describe('cachedSettings', () => {
  it('keeps settings per database: one opened afresh reads its own', async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, windowDays: 45 });
    expect((await cachedSettings(db)).windowDays).toBe(45);
    const other = new SightlineDatabase(`test-${crypto.randomUUID()}`);
    await other.open();
    try {
      expect((await cachedSettings(other)).windowDays).toBe(DEFAULT_SETTINGS.windowDays);
    } finally {
      await other.delete();
    }
  });
});

describe('readTransaction', () => {
  it('resolves with what was read before the transaction has committed', async () => {
    await db.pageLinks.put({ key: 'email:jo@acme.com', accountId: 'acme', at: 1 });
    const events: string[] = [];
    let committed: Promise<unknown> | undefined;
    const read = await readTransaction(db, [db.pageLinks], async () => {
      const transaction = Dexie.currentTransaction!.idbtrans;
      committed = new Promise((resolve) => transaction.addEventListener('complete', resolve));
      void committed.then(() => events.push('committed'));
      return (await db.pageLinks.get('email:jo@acme.com'))?.accountId;
    });
    events.push('answered');
    expect(read).toBe('acme');
    await committed;
    expect(events).toEqual(['answered', 'committed']);
  });

  it("leaves the caller outside the transaction: what it does next is not inside a read-only transaction", async () => {
    const read = await readTransaction(db, [db.pageLinks], () => db.pageLinks.count());
    expect(read).toBe(0);
    expect(Dexie.currentTransaction).toBeNull();
    await db.pageLinks.put({ key: 'email:jo@acme.com', accountId: 'acme', at: 1 });
    expect(await db.pageLinks.count()).toBe(1);
  });

  it('rejects with the error of a read that fails, in one transaction', async () => {
    await expect(
      readTransaction(db, [db.pageLinks], async () => {
        await db.pageLinks.get('x');
        throw new Error('the read went wrong');
      }),
    ).rejects.toThrow('the read went wrong');
  });

  it('refuses a write inside it', async () => {
    await expect(readTransaction(db, [db.pageLinks], () => db.pageLinks.put({ key: 'k', accountId: 'a', at: 1 }))).rejects.toThrow(/readonly/i);
    expect(await db.pageLinks.count()).toBe(0);
  });
});
