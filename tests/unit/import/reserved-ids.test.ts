/**
 * Demo data's id ranges are reserved (lib/demo/ids.ts): an import row that uses one, or that would attach a
 * record to a demo account, is refused with the file, row and column, and nothing of it is written.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SightlineDatabase } from '@/lib/db/database';
import { clearDemoData } from '@/lib/db/demo-loader';
import { DEMO_TICKET_ID_BASE, DEMO_TICKET_ID_SPAN } from '@/lib/demo/ids';
import type { ImportKind } from '@/lib/import/import-kinds';
import { describeProblem } from '@/lib/import/problems';
import { runImport } from '@/lib/import/run-import';
import { convert, NOW, upsert } from './helpers';

const DEMO_ACCOUNT = { id: 'demo-acc-000001', name: 'Demo Dynamics', domains: ['demodynamics.example'] };
const REAL_ACCOUNT = { id: 'sf:001Dn00000AbCdEIAV', name: 'Acme Analytics', domains: ['acme.io'] };
const RESERVED = 'ids starting with "demo-" are reserved for demo data; give the record another id';
const DEMO_ACCOUNT_LINK = 'belongs to the demo account demo-acc-000001: imports never add to demo data (remove the demo data, or link the row to a real account)';

async function messages(fileName: string, kind: ImportKind, content: string): Promise<string[]> {
  const { result } = await convert(new Blob([content]), fileName, kind, { accounts: [DEMO_ACCOUNT, REAL_ACCOUNT] });
  return result.problems.map(describeProblem);
}

describe('rows using demo ids are refused, naming file, row and column', () => {
  it.each([
    ['accounts-demo-key.csv', 'accounts', 'Account ID,Account Name\next-1,Real Co\ndemo-acc-000001,Sneaky Co\n', `accounts-demo-key.csv, row 3, column "Account ID": "demo-acc-000001": ${RESERVED}`],
    ['accounts-demo-sightline-id.csv', 'accounts', 'Sightline ID,Account Name\ndemo-acc-9,Sneaky Co\n', `accounts-demo-sightline-id.csv, row 2, column "Sightline ID": "demo-acc-9": ${RESERVED}`],
    ['contacts-demo-id.csv', 'contacts', 'Contact ID,Email\ndemo-con-000001-1,ann@acme.io\n', `contacts-demo-id.csv, row 2, column "Contact ID": "demo-con-000001-1": ${RESERVED}`],
    ['tickets-demo-range.csv', 'tickets', `Id,Status,Created at\n${DEMO_TICKET_ID_BASE + 7},Open,2025-01-01\n`, `tickets-demo-range.csv, row 2, column "Id": ticket ${DEMO_TICKET_ID_BASE + 7} is in the range reserved for demo tickets (${DEMO_TICKET_ID_BASE + 1}–${DEMO_TICKET_ID_BASE + DEMO_TICKET_ID_SPAN})`],
    ['usage-demo-account.csv', 'usage', 'Account ID,Date,Logins\ndemo-acc-000001,2025-01-01,3\n', `usage-demo-account.csv, row 2, column "Account ID": ${DEMO_ACCOUNT_LINK}`],
    ['tickets-demo-org-name.csv', 'tickets', 'Id,Status,Created at,Organization\n5,Open,2025-01-01,Demo Dynamics\n', `tickets-demo-org-name.csv, row 2, column "Organization": ${DEMO_ACCOUNT_LINK}`],
    ['contacts-demo-domain.csv', 'contacts', 'Email,Name\nbo@demodynamics.example,Bo\n', `contacts-demo-domain.csv, row 2, column "Email": ${DEMO_ACCOUNT_LINK}`],
  ] as const)('%s', async (fileName, kind, content, message) => {
    expect(await messages(fileName, kind, content)).toEqual([message]);
  });

  it('keeps the ids next to the reserved ranges', async () => {
    const content = `Id,Status,Created at\n${DEMO_TICKET_ID_BASE},Open,2025-01-01\n${DEMO_TICKET_ID_BASE + DEMO_TICKET_ID_SPAN + 1},Open,2025-01-01\n`;
    expect(await messages('edges.csv', 'tickets', content)).toEqual([]);
    // Ids that imports namespace (`ext:…`) never land in the reserved range, whatever the file says.
    const { result } = await convert(new Blob(['External ID,Account Name\ndemo-1,Demo Day Ltd\n']), 'lookalike.csv', 'accounts');
    expect(result.records.map((account) => account.id)).toEqual(['ext:demo-1']);
    const nps = await convert(new Blob(['Response ID,Account ID,Score,Date\ndemo-nps-1,sf:001Dn00000AbCdEIAV,9,2025-01-01\n']), 'nps.csv', 'nps', { accounts: [REAL_ACCOUNT] });
    expect(nps.result.records.map((response) => response.id)).toEqual(['ext:demo-nps-1']);
  });
});

describe('in the database', () => {
  let db: SightlineDatabase;
  beforeEach(async () => {
    db = new SightlineDatabase(`reserved-ids-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('a skipped reserved row is not written, and removing demo data keeps every imported record', async () => {
    await db.accounts.put({ ...DEMO_ACCOUNT, arr: 1, startDate: '2024-01-01', status: 'active' });
    const file = new Blob([`Id,Status,Created at,Requester email\n11,Open,2025-01-01,kim@acme.io\n${DEMO_TICKET_ID_BASE + 3},Open,2025-01-01,kim@acme.io\n12,Open,2025-01-02,bo@demodynamics.example\n`]);
    const summary = await runImport(db, file, { fileName: 'tickets.csv', kind: 'tickets', skipInvalid: true, now: NOW });
    expect(summary).toMatchObject({ created: 1, skippedInvalid: 2 });
    expect(summary.problems.map(describeProblem)).toEqual([
      `tickets.csv, row 3, column "Id": ticket ${DEMO_TICKET_ID_BASE + 3} is in the range reserved for demo tickets (${DEMO_TICKET_ID_BASE + 1}–${DEMO_TICKET_ID_BASE + DEMO_TICKET_ID_SPAN})`,
      `tickets.csv, row 4, column "Requester email": ${DEMO_ACCOUNT_LINK}`,
    ]);
    await clearDemoData(db);
    expect(await db.tickets.toCollection().primaryKeys()).toEqual([11]);
    expect(await db.accounts.count()).toBe(0);
  });

  it('refuses a file whose rows match stored demo records by a natural key, and writes nothing', async () => {
    const demo = { id: 'demo-acc-000001', externalId: 'CUST-100001', name: 'Demo Dynamics', domains: [], arr: 5000, startDate: '2024-01-01', status: 'active' as const };
    await db.accounts.put(demo);
    const file = new Blob(['External ID,Account Name,ARR\nCUST-200000,Real Co,100\nCUST-100001,Our Real Customer,9000\n']);
    const message =
      'A row matches demo data: External ID CUST-100001 is the demo record demo-acc-000001. Imports never change demo data: remove the demo data (Demo data → Remove demo data), then import again. Nothing was written.';
    await expect(upsert(db, file, 'crm.csv', 'accounts', { write: false })).rejects.toThrow(message);
    await expect(runImport(db, file, { fileName: 'crm.csv', kind: 'accounts', now: NOW })).rejects.toThrow(message);
    expect(await db.accounts.toArray()).toEqual([demo]);

    // With the demo data gone, the same file imports.
    await clearDemoData(db);
    expect(await runImport(db, file, { fileName: 'crm.csv', kind: 'accounts', now: NOW })).toMatchObject({ created: 2 });
  });
});

