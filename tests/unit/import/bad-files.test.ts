/**
 * Bad files as they arrive from real tools, kept as files under tests/fixtures/import/bad: every one is refused
 * with a message naming the file and, for problems in a row, the row and the column; none writes anything.
 * Every file in that folder must be listed here (and every listed file must exist), so a new sample cannot
 * slip in untested.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '@/lib/backup/backup-format';
import { CURRENT_SCHEMA_VERSION } from '@/lib/db/versions';
import { SightlineDatabase } from '@/lib/db/database';
import type { ImportKind } from '@/lib/import/import-kinds';
import { describeProblem } from '@/lib/import/problems';
import { runImport } from '@/lib/import/run-import';
import { convert, FIXTURES, NOW } from './helpers';

const BAD = join(FIXTURES, 'bad');
const ACME = { id: 'sf:001Dn00000AbCdEIAV', name: 'Acme Analytics', domains: ['acme-analytics.com'], sfId: '001Dn00000AbCdEIAV' };

/** file → the kind it is imported as, and every message it must produce (file-level error, or row problems). */
const IMPORTS: Record<string, { kind: ImportKind; messages: string[] }> = {
  'accounts-blank.csv': { kind: 'accounts', messages: ['accounts-blank.csv: has no header row: the file is empty or blank'] },
  'accounts-broken.json': { kind: 'accounts', messages: ["accounts-broken.json: is not valid JSON (line 3): Expected ',' or '}' after property value in JSON at position 98"] },
  'accounts-empty.csv': { kind: 'accounts', messages: ['accounts-empty.csv: is empty'] },
  'accounts-semicolon-ragged.csv': { kind: 'accounts', messages: ['accounts-semicolon-ragged.csv, row 3: has 3 values but the header has 4 columns (ragged row)'] },
  'accounts-utf8-bom-header-only.csv': { kind: 'accounts', messages: ['accounts-utf8-bom-header-only.csv: has a header row (Account ID, Account Name, ARR) but no data rows'] },
  'accounts-windows-1252-bad-seats.csv': { kind: 'accounts', messages: ['accounts-windows-1252-bad-seats.csv, row 3, column "Seats": "zwölf" is not a number'] },
  'accounts-wrong-types.json': {
    kind: 'accounts',
    messages: ['accounts-wrong-types.json, record 2, column "ARR": "lots" is not a number', 'accounts-wrong-types.json, record 2, column "Seats": "true" is not a number'],
  },
  'accounts.bin': { kind: 'accounts', messages: ['accounts.bin: is a binary file, not text: export the data as CSV or JSON'] },
  'accounts.pdf': { kind: 'accounts', messages: ['accounts.pdf: is a PDF document, not CSV or JSON'] },
  'accounts.xlsx': { kind: 'accounts', messages: ['accounts.xlsx: is a ZIP archive, probably an Excel workbook (.xlsx): save it as "CSV UTF-8" and import that'] },
  'backup-given-to-import.json': { kind: 'accounts', messages: ['backup-given-to-import.json: is a Sightline backup, not an import file: restore it under "Backup and restore"'] },
  'contacts-bad-email.csv': { kind: 'contacts', messages: ['contacts-bad-email.csv, row 3, column "Email": "kim.park(at)acme-analytics.com" is not an email address'] },
  'meetings-bad-type.csv': { kind: 'meetings', messages: ['meetings-bad-type.csv, row 2, column "Meeting Type": "Golf outing" is not a meeting type (check-in, QBR, EBR, exec sponsor, training, onboarding)'] },
  'milestones-unknown.csv': { kind: 'milestones', messages: ['milestones-unknown.csv, row 2, column "Milestone": "Bought us lunch" is not a journey milestone (e.g. welcome-sent, first-assessment, shared-with-team)'] },
  'nps-score-out-of-range.csv': { kind: 'nps', messages: ['nps-score-out-of-range.csv, row 2, column "Score": 11 must be at most 10'] },
  'sf-accounts-demo-ids.csv': { kind: 'accounts', messages: ['sf-accounts-demo-ids.csv, row 3, column "Account ID": "demo-acc-000001": ids starting with "demo-" are reserved for demo data; give the record another id'] },
  'sf-accounts-duplicate-ids.csv': { kind: 'accounts', messages: ['sf-accounts-duplicate-ids.csv, row 4: duplicates row 2 (same Sightline ID sf:001Dn00000AbCdEIAV)'] },
  'sf-accounts-header-only.csv': { kind: 'accounts', messages: ['sf-accounts-header-only.csv: has a header row (Account ID, Account Name, Website, Account Owner, Type, …) but no data rows'] },
  'sf-accounts-impossible-date.csv': { kind: 'accounts', messages: ['sf-accounts-impossible-date.csv, row 3, column "Customer Since": "2/30/2024" is not a real date'] },
  'sf-accounts-missing-name-column.csv': { kind: 'accounts', messages: ['sf-accounts-missing-name-column.csv: missing required columns for accounts: Account name'] },
  'sf-accounts-negative-arr.csv': { kind: 'accounts', messages: ['sf-accounts-negative-arr.csv, row 3, column "ARR": -1200 must not be negative'] },
  'sf-accounts-ragged-row.csv': { kind: 'accounts', messages: ['sf-accounts-ragged-row.csv, row 3: has 6 values but the header has 9 columns (ragged row)'] },
  'sf-accounts-unterminated-quote.csv': { kind: 'accounts', messages: ['sf-accounts-unterminated-quote.csv, row 3: malformed quotes: Trailing quote on quoted field is malformed'] },
  'sf-accounts-wrong-types.csv': {
    kind: 'accounts',
    messages: ['sf-accounts-wrong-types.csv, row 2, column "Seats": "forty" is not a number', 'sf-accounts-wrong-types.csv, row 3, column "ARR": "TBD" is not a number'],
  },
  'sf-opportunities-bad-close-date.csv': { kind: 'opportunities', messages: ['sf-opportunities-bad-close-date.csv, row 3, column "Close Date": "9/31/2025" is not a real date'] },
  'usage-impossible-date.csv': { kind: 'usage', messages: ['usage-impossible-date.csv, row 2, column "date": "2025-02-29" is not a real date'] },
  'usage-negative-logins.csv': { kind: 'usage', messages: ['usage-negative-logins.csv, row 3, column "logins": -3 must not be negative'] },
  'zendesk-tickets-bad-created.csv': { kind: 'tickets', messages: ['zendesk-tickets-bad-created.csv, row 2, column "Created at": "last Tuesday" is not a date'] },
  'zendesk-tickets-bad-line.ndjson': { kind: 'tickets', messages: ['zendesk-tickets-bad-line.ndjson, line 2: is not valid JSON'] },
  'zendesk-tickets-bad-satisfaction.csv': { kind: 'tickets', messages: ['zendesk-tickets-bad-satisfaction.csv, row 3, column "Satisfaction Score": "Great" is not a satisfaction score (Not Offered, Offered, Good, Bad)'] },
  'zendesk-tickets-duplicate-ids.csv': { kind: 'tickets', messages: ['zendesk-tickets-duplicate-ids.csv, row 4: duplicates row 2 (same ticket 4101)'] },
  'zendesk-tickets-missing-status.csv': { kind: 'tickets', messages: ['zendesk-tickets-missing-status.csv: missing required columns for tickets: Status'] },
  'zendesk-tickets-negative-reply-time.csv': { kind: 'tickets', messages: ['zendesk-tickets-negative-reply-time.csv, row 2, column "First reply time in minutes": -5 must not be negative'] },
  'zendesk-tickets-wrong-types.json': { kind: 'tickets', messages: ['zendesk-tickets-wrong-types.json, record 2, column "Id": "five-two-oh-two" is not a number'] },
};

/** Files given to "Restore from a backup". */
const BACKUPS: Record<string, { message: string; problems?: string[] }> = {
  'backup-invalid-records.json': {
    message: 'backup-invalid-records.json cannot be restored: 2 problems found, nothing was changed.',
    problems: [
      'table accounts, record 1: field "arr": Too small: expected number to be >=0',
      'table tickets, record 1: field "status": Invalid option: expected one of "new"|"open"|"pending"|"hold"|"solved"|"closed"',
    ],
  },
  'backup-newer-version.json': {
    message: `backup-newer-version.json was made by a newer version of Sightline (schema version 999; this one reads up to ${CURRENT_SCHEMA_VERSION}). Update Sightline, then restore it.`,
  },
  'backup-not-a-backup.json': {
    message: 'backup-not-a-backup.json is not a Sightline backup (it has no "format": "sightline-backup" marker). To load CSV or JSON exports from Salesforce or Zendesk, use Import.',
  },
};

async function importMessages(fileName: string, kind: ImportKind): Promise<string[]> {
  const blob = new Blob([readFileSync(join(BAD, fileName))]);
  try {
    const { result } = await convert(blob, fileName, kind, { accounts: [ACME] });
    return result.problems.map(describeProblem);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

it('every file in the folder is listed, at least 30 of them', () => {
  expect(readdirSync(BAD).sort()).toEqual([...Object.keys(IMPORTS), ...Object.keys(BACKUPS)].sort());
  expect(Object.keys(IMPORTS).length + Object.keys(BACKUPS).length).toBeGreaterThanOrEqual(30);
});

describe('imports', () => {
  it.each(Object.entries(IMPORTS))('%s', async (fileName, { kind, messages }) => {
    expect(await importMessages(fileName, kind)).toEqual(messages);
  });
});

describe('restores', () => {
  it.each(Object.entries(BACKUPS))('%s', (fileName, expected) => {
    expect(readBackup(readFileSync(join(BAD, fileName), 'utf8'), fileName)).toEqual({ ok: false, ...expected });
  });
});

describe('nothing is written', () => {
  let db: SightlineDatabase;
  beforeEach(async () => {
    db = new SightlineDatabase(`bad-files-${Math.random()}`);
    await db.open();
    await db.accounts.put({ ...ACME, arr: 1, startDate: '2024-01-01', status: 'active' });
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('by any of the import files, unless invalid rows are skipped (and then only the valid ones)', async () => {
    const before = await Promise.all(db.tables.map((table) => table.toArray()));
    for (const [fileName, { kind }] of Object.entries(IMPORTS)) {
      const blob = new Blob([readFileSync(join(BAD, fileName))]);
      await expect(runImport(db, blob, { fileName, kind, now: NOW }), fileName).rejects.toThrow(fileName.replace(/\.[a-z]+$/, ''));
    }
    expect(await Promise.all(db.tables.map((table) => table.toArray()))).toEqual(before);

    const skipped = await runImport(db, new Blob([readFileSync(join(BAD, 'sf-accounts-negative-arr.csv'))]), { fileName: 'sf-accounts-negative-arr.csv', skipInvalid: true, now: NOW });
    // Acme's valid row updates it; Borealis, with its negative ARR, is reported and left out.
    expect(skipped).toMatchObject({ created: 0, updated: 1, unchanged: 0, skippedInvalid: 1 });
    expect(await db.accounts.toCollection().primaryKeys()).toEqual([ACME.id]);
    expect((await db.accounts.get(ACME.id))?.arr).toBe(48000);
  });
});
