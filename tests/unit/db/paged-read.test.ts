import { describe, expect, it } from 'vitest';
import type { SightlineDatabase } from '@/lib/db/database';
import { readAllInPages } from '@/lib/db/paged-read';
import type { Milestone, Ticket } from '@/lib/schemas/records';
import { useTestDatabase } from '../support/test-database';

let db: SightlineDatabase;
useTestDatabase((fresh) => {
  db = fresh;
});

const ticket = (zendeskId: number): Ticket => ({
  zendeskId, accountId: 'a1', createdAt: 0, firstReplyMinutes: null, solvedAt: null, status: 'open', priority: null, satisfaction: 'unoffered',
});

describe('readAllInPages', () => {
  it('reads every record once, in key order, across page edges', async () => {
    await db.tickets.bulkPut([7, 3, 11, 1, 5, 9, 2].map(ticket));
    for (const pageSize of [1, 2, 3, 7, 100]) {
      expect((await readAllInPages(db.tickets, pageSize)).map((t) => t.zendeskId), `pages of ${pageSize}`).toEqual([1, 2, 3, 5, 7, 9, 11]);
    }
  });

  it('pages over compound keys (milestones: account and milestone)', async () => {
    const milestones: Milestone[] = [
      { accountId: 'b', key: 'welcome-sent', date: '2025-01-02' },
      { accountId: 'a', key: 'first-report', date: '2025-01-03' },
      { accountId: 'a', key: 'first-assessment', date: '2025-01-01' },
    ];
    await db.milestones.bulkPut(milestones);
    expect((await readAllInPages(db.milestones, 1)).map((m) => `${m.accountId}/${m.key}`)).toEqual(['a/first-assessment', 'a/first-report', 'b/welcome-sent']);
  });

  it('gives an empty list for an empty table', async () => {
    expect(await readAllInPages(db.accounts, 2)).toEqual([]);
  });
});
