/** Issue 5 (badge speed): a badge lookup is answered as soon as its reads are done, not after the commit. */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SightlineDatabase } from '@/lib/db/database';
import { readTransaction } from '@/lib/db/read-transaction';

let db: SightlineDatabase;

beforeEach(async () => {
  db = new SightlineDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
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
