/**
 * Bad files get a clear message naming the file, the row and the column or field, and never produce a half-right
 * record: the whole file is refused (file-level problems) or the row is reported invalid (row-level problems).
 */
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '@/lib/import/analyze-file';
import { MAX_JSON_DOCUMENT_BYTES, MAX_STREAMED_BYTES, sniffFile } from '@/lib/import/file-sniff';
import type { ImportKind } from '@/lib/import/import-kinds';
import { describeProblem } from '@/lib/import/problems';
import { convert } from './helpers';

/** The messages a file produces: the file-level error, or every row problem. */
async function messagesFor(content: string | Uint8Array<ArrayBuffer>, fileName: string, kind: ImportKind): Promise<string[]> {
  try {
    const { result } = await convert(new Blob([content]), fileName, kind);
    return result.problems.map(describeProblem);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

const ACCOUNTS_HEADER = 'Account ID,Account Name,ARR,Customer Since\n';
const SF = '001Dn00000AbCdE';

describe('file-level problems refuse the whole file', () => {
  it.each([
    ['empty.csv', '', 'empty.csv: is empty'],
    ['blank.csv', '\n\n  \r\n', 'blank.csv: has no header row: the file is empty or blank'],
    ['header-only.csv', ACCOUNTS_HEADER, 'header-only.csv: has a header row (Account ID, Account Name, ARR, Customer Since) but no data rows'],
    ['header-only-salesforce.csv', '"Account ID","Account Name"\r\n""\r\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\r\n', 'header-only-salesforce.csv: has a header row (Account ID, Account Name) but no data rows'],
    ['unterminated.csv', `${ACCOUNTS_HEADER}${SF},Acme,100,3/14/2023\n001Dn00000AbCdF,"Borealis, 200,3/14/2023\n001Dn00000AbCdG,Cobalt,300,3/14/2023\n`, 'unterminated.csv, row 3: a quoted value starts here and is never closed (unterminated quote), so the rest of the file cannot be read'],
    ['no-name.csv', 'Account ID,ARR\n001Dn00000AbCdE,100\n', 'no-name.csv: missing required columns for accounts: Account name'],
    ['no-id.csv', 'Account Name,ARR\nAcme,100\n', 'no-id.csv: missing required columns for accounts: an account id (Account ID, Salesforce ID, Zendesk organization ID, External ID or Sightline ID)'],
    ['tickets-no-status.csv', 'Id,Subject,Created at\n1,Help,2025-01-01\n', 'tickets-no-status.csv: missing required columns for tickets: Status'],
    ['not-json.json', '{"accounts": [ {"name": "Acme", } ]}', 'not-json.json: is not valid JSON (line 1)'],
    ['single-object.json', '{"hello": "world"}', 'single-object.json: has no list of records: expected an array, or an object like {"accounts": […]} or Zendesk\'s {"tickets": […]}'],
    ['backup.json', '{"format":"sightline-backup","schemaVersion":2,"tables":{}}', 'backup.json: is a Sightline backup, not an import file: restore it under "Backup and restore"'],
    ['ambiguous.csv', `${ACCOUNTS_HEADER}${SF},Acme,100,3/4/2023\n`, 'ambiguous.csv: column "Customer Since": none of the 1 dates has a part above 12, so month/day and day/month both fit; choose month/day or day/month'],
  ] as const)('%s', async (fileName, content, message) => {
    const [first] = await messagesFor(content, fileName, fileName.startsWith('tickets') ? 'tickets' : 'accounts');
    expect(first).toContain(message);
  });

  it.each([
    ['book.xlsx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'book.xlsx: is a ZIP archive, probably an Excel workbook (.xlsx): save it as "CSV UTF-8" and import that'],
    ['old.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], 'old.xls: is an old Excel workbook (.xls)'],
    ['report.pdf', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'report.pdf: is a PDF document, not CSV or JSON'],
    ['export.csv.gz', [0x1f, 0x8b, 0x08, 0x00], 'export.csv.gz: is compressed (gzip): unpack it first'],
  ])('%s is recognised by its signature', async (fileName, signature, message) => {
    const bytes = new Uint8Array(4096);
    bytes.set(signature);
    for (let i = signature.length; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect((await messagesFor(bytes, fileName, 'accounts'))[0]).toContain(message);
  });

  it('refuses a binary file of random bytes', async () => {
    const bytes = new Uint8Array(64 * 1024);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    expect(await messagesFor(bytes, 'random.bin', 'accounts')).toEqual(['random.bin: is a binary file, not text: export the data as CSV or JSON']);
  });

  it('refuses files over the documented limits before reading them', () => {
    const head = new TextEncoder().encode(ACCOUNTS_HEADER);
    expect(sniffFile(head, MAX_STREAMED_BYTES + 1, 'huge.csv')).toEqual({
      ok: false,
      message: 'is 100 MB; imports are limited to 100 MB per file: split it',
    });
    const json = new TextEncoder().encode('{\n  "tickets": [\n');
    expect(sniffFile(json, MAX_JSON_DOCUMENT_BYTES + 1, 'huge.json')).toMatchObject({ ok: false });
    expect(sniffFile(json, MAX_JSON_DOCUMENT_BYTES + 1, 'huge.json')).toHaveProperty('message', expect.stringContaining('JSON documents are read whole and are limited to 50 MB'));
    expect(sniffFile(head, MAX_STREAMED_BYTES, 'just-fits.csv').ok).toBe(true);
  });
});

describe('row-level problems name the row and the column', () => {
  it.each([
    ['ragged-short.csv', `${ACCOUNTS_HEADER}${SF},Acme\n`, 'ragged-short.csv, row 2: has 2 values but the header has 4 columns (ragged row)'],
    ['ragged-long.csv', `${ACCOUNTS_HEADER}${SF},Acme,100,3/14/2023,surprise\n`, 'ragged-long.csv, row 2: has 5 values but the header has 4 columns (ragged row)'],
    ['wrong-number.csv', `${ACCOUNTS_HEADER}${SF},Acme,lots,3/14/2023\n`, 'wrong-number.csv, row 2, column "ARR": "lots" is not a number'],
    ['impossible-date.csv', `${ACCOUNTS_HEADER}${SF},Acme,100,2/30/2025\n001Dn00000AbCdF,Borealis,100,3/14/2023\n`, 'impossible-date.csv, row 2, column "Customer Since": "2/30/2025" is not a real date'],
    ['negative-arr.csv', `${ACCOUNTS_HEADER}${SF},Acme,-500,3/14/2023\n`, 'negative-arr.csv, row 2, column "ARR": -500 must not be negative'],
    ['duplicate-ids.csv', `${ACCOUNTS_HEADER}${SF},Acme,100,3/14/2023\n001Dn00000AbCdF,Borealis,200,3/14/2023\n${SF},Acme again,300,3/14/2023\n`, 'duplicate-ids.csv, row 4: duplicates row 2 (same Sightline ID sf:001Dn00000AbCdEIAV)'],
    ['duplicate-15-vs-18.csv', `${ACCOUNTS_HEADER}${SF},Acme,100,3/14/2023\n001DN00000ABCDEIAV,ACME,100,3/14/2023\n`, 'duplicate-15-vs-18.csv, row 3: duplicates row 2 (same Sightline ID sf:001Dn00000AbCdEIAV)'],
    ['empty-name.csv', `${ACCOUNTS_HEADER}${SF},,100,3/14/2023\n`, 'empty-name.csv, row 2, column "Account Name": is missing'],
    ['fractional-seats.csv', `Account ID,Account Name,Seats\n${SF},Acme,12.5\n`, 'fractional-seats.csv, row 2, column "Seats": "12.5" is not a whole number'],
    ['bad-segment.csv', `Account ID,Account Name,Segment\n${SF},Acme,Galactic\n`, 'bad-segment.csv, row 2, column "Segment": "Galactic" is not a segment (SMB, Mid-Market, Enterprise)'],
    ['bad-sfid.csv', 'Salesforce ID,Account Name\n001Dn00000AbC,Acme\n', 'bad-sfid.csv, row 2, column "Salesforce ID": "001Dn00000AbC" is not a 15- or 18-character Salesforce id'],
    ['bad-website.csv', `Account ID,Account Name,Website\n${SF},Acme,not a website\n`, 'bad-website.csv, row 2, column "Website": "not" is not a web domain'],
    ['malformed-quotes.csv', `${ACCOUNTS_HEADER}${SF},"Acme" Corp,100,3/14/2023\n001Dn00000AbCdF,"Borealis",200,3/14/2023\n`, 'malformed-quotes.csv, row 2: malformed quotes: Trailing quote on quoted field is malformed'],
    ['stray-quote.csv', `${ACCOUNTS_HEADER}${SF},"Acme" Corp,100,3/14/2023\n`, 'stray-quote.csv, row 2: a quoted value starts here and is never closed (unterminated quote), so the rest of the file cannot be read'],
    ['mixed-date-orders.csv', `${ACCOUNTS_HEADER}${SF},A,1,3/14/2023\n001Dn00000AbCdF,B,1,3/15/2023\n001Dn00000AbCdG,C,1,14/3/2023\n`, 'mixed-date-orders.csv, row 4, column "Customer Since": "14/3/2023" has no month 14'],
  ] as const)('%s', async (fileName, content, message) => {
    expect(await messagesFor(content, fileName, 'accounts')).toContain(message);
  });

  it.each([
    ['bad-email.csv', 'contacts', 'Email,Name\nnot-an-email,Ann\n', 'bad-email.csv, row 2, column "Email": "not-an-email" is not an email address'],
    ['bad-status.csv', 'tickets', 'Id,Status,Created at\n1,Escalated,2025-01-01\n', 'bad-status.csv, row 2, column "Status": "Escalated" is not a ticket status (new, open, pending, on-hold, solved, closed)'],
    ['bad-ticket-id.csv', 'tickets', 'Id,Status,Created at\nabc,Open,2025-01-01\n', 'bad-ticket-id.csv, row 2, column "Id": "abc" is not a number'],
    ['bad-created.csv', 'tickets', 'Id,Status,Created at\n7,Open,yesterday\n', 'bad-created.csv, row 2, column "Created at": "yesterday" is not a date'],
    ['nps-out-of-range.csv', 'nps', 'Account ID,Score,Date\nsf:x,11,2025-01-01\n', 'nps-out-of-range.csv, row 2, column "Score": 11 must be at most 10'],
    ['bad-meeting-type.csv', 'meetings', 'Account ID,Type,Date\nsf:x,Lunch,2025-01-01\n', 'bad-meeting-type.csv, row 2, column "Type": "Lunch" is not a meeting type (check-in, QBR, EBR, exec sponsor, training, onboarding)'],
    ['bad-milestone.csv', 'milestones', 'Account ID,Milestone,Date\nsf:x,Went to the moon,2025-01-01\n', 'bad-milestone.csv, row 2, column "Milestone": "Went to the moon" is not a journey milestone (e.g. welcome-sent, first-assessment, shared-with-team)'],
    ['bad-opportunity-type.csv', 'opportunities', 'Opportunity ID,Account ID,Type,Amount,Close Date,Stage\nO1,sf:x,Barter,100,2025-01-01,Prospecting\n', 'bad-opportunity-type.csv, row 2, column "Type": "Barter" is not a known opportunity type (new, renewal, expansion, contraction, churn; renewal names are set in Settings)'],
    ['negative-usage.csv', 'usage', 'Account ID,Date,Logins\nsf:x,2025-01-01,-3\n', 'negative-usage.csv, row 2, column "Logins": -3 must not be negative'],
    ['bad-line.ndjson', 'tickets', '{"id":1,"status":"open","created_at":"2025-01-01T00:00:00Z"}\n{"id":2,"status":\n', 'bad-line.ndjson, line 2: is not valid JSON'],
    ['not-objects.json', 'accounts', '[{"id":"ext:1","name":"A"}, 42]', 'not-objects.json, record 2: is not an object with named fields'],
  ] as const)('%s', async (fileName, kind, content, message) => {
    const accounts = [{ id: 'sf:x', name: 'X', domains: [] }];
    let messages: string[];
    try {
      const { result } = await convert(new Blob([content]), fileName, kind, { accounts });
      messages = result.problems.map(describeProblem);
    } catch (error) {
      messages = [String(error)];
    }
    expect(messages).toContain(message);
  });
});

describe('a 50 MB file', () => {
  it('streams through both passes without holding the text, and imports every row', async () => {
    const filler = 'x'.repeat(440);
    const lines = ['External ID,Account Name,ARR,Notes'];
    for (let i = 0; lines.length <= 110_000; i++) lines.push(`E${i},Company ${i},${i},${filler}`);
    const blob = new Blob([lines.join('\n')]);
    expect(blob.size).toBeGreaterThan(50_000_000);
    const progress: number[] = [];
    const analysis = await analyzeFile(blob, 'big.csv', { onProgress: ({ bytesRead }) => progress.push(bytesRead) });
    expect(analysis.rowCount).toBe(110_000);
    expect(progress.length).toBeGreaterThan(20); // reported chunk by chunk, so a UI can show it
    const { result } = await convert(blob, 'big.csv', 'accounts');
    expect(result.records).toHaveLength(110_000);
    expect(result.problems).toEqual([]);
  }, 120_000);
});
