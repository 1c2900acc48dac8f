import Dexie, { type ObservabilitySet, RangeSet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SightlineDatabase } from '@/lib/db/database';
import { mergeScoringChanges, scoringChangeOf } from '@/lib/db/scoring-changes';
import { refreshRollups } from '@/lib/db/scoring-rollups';
import { saveSettings } from '@/lib/db/settings';
import { recordSeenTicket } from '@/lib/db/tickets';
import type { Account, UsageDay } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { useTestDatabase } from '../support/test-database';

let db: SightlineDatabase;
/** The storage-mutation notices of this test's database, as the background receives them. */
let notices: ObservabilitySet[];
const listen = (parts: ObservabilitySet) => {
  if (Object.keys(parts).some((part) => part.startsWith(`idb://${db.name}/`))) notices.push(parts);
};

useTestDatabase((fresh) => {
  db = fresh;
});

beforeEach(() => {
  notices = [];
  Dexie.on('storagemutated', listen);
});

afterEach(() => {
  Dexie.on('storagemutated').unsubscribe(listen);
});

const account = (id: string): Account => ({ id, name: id, domains: [], arr: 1000, startDate: '2024-01-01', status: 'active' });
const usage = (accountId: string, date: string): UsageDay => ({
  accountId, date, logins: 3, assessments: 0, reports: 0, activeUsers: 1, usersInvited: 1, featuresUsed: 1,
});

/** Waits for the notices of the writes just made, and gives the change they describe together. */
async function changeOfWrites() {
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(notices.length).toBeGreaterThan(0);
  const changes = notices.map((parts) => scoringChangeOf(db.name, parts));
  notices = [];
  return changes.reduce((all, change) => (change ? mergeScoringChanges(all ?? undefined, change) : all), null as ReturnType<typeof scoringChangeOf>);
}

describe('scoringChangeOf', () => {
  it('names the account of a ticket recorded from Zendesk (the ticket and its rollup, one transaction)', async () => {
    await db.accounts.bulkPut([account('acme'), account('globex')]);
    await changeOfWrites();
    const recorded = await recordSeenTicket(db, {
      accountId: 'acme',
      ticket: {
        zendeskId: 901, subject: 'Exports fail', requesterEmail: 'ana@acme.example', organizationId: '360001',
        createdAt: Date.UTC(2025, 5, 1), firstReplyMinutes: 42, status: 'open', priority: 'high', satisfaction: 'offered',
      },
    });
    expect(recorded).toBe(true);
    expect(await changeOfWrites()).toEqual({ kind: 'accounts', accountIds: new Set(['acme']) });
  });

  it('names edited accounts, and reads a notice relayed from another page (a structured clone) the same way', async () => {
    await db.accounts.bulkPut([account('acme'), account('globex'), account('initech')]);
    const parts = notices.at(-1)!;
    expect(scoringChangeOf(db.name, parts)).toEqual({ kind: 'accounts', accountIds: new Set(['acme', 'globex', 'initech']) });
    expect(scoringChangeOf(db.name, structuredClone(parts))).toEqual({ kind: 'accounts', accountIds: new Set(['acme', 'globex', 'initech']) });
    // Another database's notice says nothing about this one.
    expect(scoringChangeOf('another-db', parts)).toBeNull();
  });

  it('means every account for 50 records or more (Dexie then names a range), settings, input rows without their rollups, or `all`', async () => {
    const many = Array.from({ length: 60 }, (_, i) => account(`a${String(i).padStart(2, '0')}`));
    await db.accounts.bulkPut(many);
    expect(await changeOfWrites()).toEqual({ kind: 'all' });

    await db.usage.bulkPut([usage('a01', '2025-06-01'), usage('a02', '2025-06-01')]);
    await refreshRollups(db, ['a01', 'a02']); // its own transaction: the first notice has rows without rollups
    expect(await changeOfWrites()).toEqual({ kind: 'all' });

    await db.accounts.where(':id').between('a10', 'a20').delete(); // a range of keys, deleted without reading them
    expect(await changeOfWrites()).toEqual({ kind: 'all' });

    await saveSettings(db, { ...DEFAULT_SETTINGS, currentUser: 'sam@example.com' });
    expect(await changeOfWrites()).toEqual({ kind: 'all' });

    // What Dexie sends when a page comes back from the back/forward cache.
    expect(scoringChangeOf(db.name, { all: new RangeSet(-Infinity, [[]]) })).toEqual({ kind: 'all' });
  });

  it('reacts to the input tables of this database only', () => {
    const part = (key: string) => ({ [key]: new RangeSet() });
    expect(scoringChangeOf('sightline', part('idb://sightline/usage/'))).toEqual({ kind: 'all' }); // rows without their rollups
    expect(scoringChangeOf('sightline', part('idb://sightline/settings/key'))).toEqual({ kind: 'all' });
    for (const notInput of ['snapshots', 'meta', 'overrides', 'opportunities']) {
      expect(scoringChangeOf('sightline', part(`idb://sightline/${notInput}/`)), notInput).toBeNull();
    }
    expect(scoringChangeOf('sightline', part('idb://other/usage/'))).toBeNull();
  });

  it('is null for writes no score reads', async () => {
    await db.opportunities.put({ id: 'o1', accountId: 'acme', type: 'renewal', stage: 'Negotiation', amount: 1200, closeDate: '2025-07-01', outcome: 'open' });
    await db.meta.put({ key: 'x', value: 1 });
    expect(await changeOfWrites()).toBeNull();
  });
});

describe('mergeScoringChanges', () => {
  it('unites account lists, and every account wins', () => {
    const some = { kind: 'accounts', accountIds: new Set(['a']) } as const;
    expect(mergeScoringChanges(undefined, some)).toBe(some);
    expect(mergeScoringChanges(some, { kind: 'accounts', accountIds: new Set(['b']) })).toEqual({ kind: 'accounts', accountIds: new Set(['a', 'b']) });
    expect(mergeScoringChanges(some, { kind: 'all' })).toEqual({ kind: 'all' });
    expect(mergeScoringChanges({ kind: 'all' }, some)).toEqual({ kind: 'all' });
  });
});
