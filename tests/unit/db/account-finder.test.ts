/**
 * Issue 5 (badge speed): given the page's keys, the finder starts the lookups matching asks first all at once, so
 * a badge lookup waits for one round of IndexedDB reads instead of one per key; the answer stays the same.
 */
import type { DBCoreTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseAccountFinder } from '@/lib/db/account-finder';
import { SightlineDatabase } from '@/lib/db/database';
import { matchAccount } from '@/lib/matching/match-account';
import type { Account } from '@/lib/schemas/records';

let db: SightlineDatabase;
/** Every request to the backend as it starts and as it answers, in order. */
let events: string[];

beforeEach(async () => {
  db = new SightlineDatabase(`test-${crypto.randomUUID()}`);
  events = [];
  db.use({
    stack: 'dbcore',
    name: 'log-requests',
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        const logged = <R>(op: string, run: () => Promise<R>) => {
          events.push(`start ${name}.${op}`);
          return run().finally(() => events.push(`end ${name}.${op}`));
        };
        return {
          ...table,
          get: (req) => logged('get', () => table.get(req)),
          getMany: (req) => logged('getMany', () => table.getMany(req)),
          query: (req) => logged('query', () => table.query(req)),
          openCursor: (req) => logged('openCursor', () => table.openCursor(req)),
        };
      },
    }),
  });
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

function account(id: string, fields: Partial<Account> = {}): Account {
  return { id, name: id, domains: [], arr: 1000, startDate: '2024-01-01', status: 'active', ...fields };
}

describe('databaseAccountFinder with the page keys', () => {
  it('starts the remembered links, organization and contact lookups before any of them has answered', async () => {
    await db.accounts.bulkPut([account('by-org', { zendeskOrgId: '77' }), account('by-contact')]);
    await db.contacts.put({ id: 'c1', accountId: 'by-contact', email: 'jo@acme.com', name: 'Jo' });
    events = [];
    const keys = { zendeskOrgId: '77', email: 'jo@acme.com' };
    const match = await db.transaction('r', [db.pageLinks, db.accounts, db.contacts], () => matchAccount(keys, databaseAccountFinder(db, keys), []));
    expect(match).toMatchObject({ status: 'matched', method: 'zendesk-org', account: { id: 'by-org' } });
    const firstAnswer = events.findIndex((e) => e.startsWith('end '));
    const startedBefore = events.slice(0, firstAnswer);
    expect(startedBefore.some((e) => e.startsWith('start pageLinks.'))).toBe(true);
    expect(startedBefore.some((e) => e.startsWith('start accounts.'))).toBe(true);
    expect(startedBefore.some((e) => e.startsWith('start contacts.'))).toBe(true);
  });

  it('asks each early lookup once, however matching comes back to it', async () => {
    await db.accounts.put(account('by-contact'));
    await db.contacts.put({ id: 'c1', accountId: 'by-contact', email: 'jo@acme.com', name: 'Jo' });
    events = [];
    const keys = { zendeskOrgId: '77', email: 'jo@acme.com' };
    const match = await db.transaction('r', [db.pageLinks, db.accounts, db.contacts], () => matchAccount(keys, databaseAccountFinder(db, keys), []));
    expect(match).toMatchObject({ status: 'matched', method: 'contact-email', account: { id: 'by-contact' } });
    expect(events.filter((e) => e.startsWith('start contacts.'))).toHaveLength(1);
    expect(events.filter((e) => e.startsWith('start pageLinks.'))).toHaveLength(1);
  });
});
