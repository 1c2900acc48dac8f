/**
 * The sample exports in tests/fixtures/import, each with the quirks of its source, convert to the expected
 * records: kind detected, Salesforce footer dropped, 15-char ids normalised, date order detected, encodings and
 * delimiters handled, Zendesk CSV and JSON shapes read alike.
 */
import { describe, expect, it } from 'vitest';
import { toSalesforceId18 } from '@/lib/hosts/salesforce/record-id';
import { buildAccountLinkIndex, type LinkableAccount } from '@/lib/import/account-links';
import { analyzeFile } from '@/lib/import/analyze-file';
import { buildContext } from '@/lib/import/build-context';
import { convertFile } from '@/lib/import/convert-file';
import { autoMapColumns } from '@/lib/import/header-mapping';
import { KIND_SPECS } from '@/lib/import/kinds';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { convert, fixtureBlob, NOW } from './helpers';

const ACME = toSalesforceId18('001Dn00000AbCdE')!;
const BOREALIS = toSalesforceId18('001Dn00000AbCdF')!;
const EVERLIGHT = toSalesforceId18('001Dn00000AbCdI')!;

const ACCOUNTS: LinkableAccount[] = [
  { id: `sf:${ACME}`, sfId: ACME, name: 'Acme Analytics', domains: ['acme-analytics.com'], zendeskOrgId: '7001' },
  { id: `sf:${BOREALIS}`, sfId: BOREALIS, name: 'Borealis Health', domains: ['borealis.health'] },
  { id: `sf:${EVERLIGHT}`, sfId: EVERLIGHT, name: 'Everlight Solar, Inc.', domains: ['everlight.io'] },
];

describe('Salesforce report exports', () => {
  it('reads an account report: quoted values, 15-char ids as 18, M/D/YYYY, footer dropped', async () => {
    const { analysis, result } = await convert(fixtureBlob('salesforce-accounts.csv'), 'salesforce-accounts.csv', 'accounts');
    expect(analysis.kindGuesses[0]!.kind).toBe('accounts');
    expect(analysis.rowCount).toBe(5);
    expect(analysis.footerRowsDropped).toBe(5);
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(5);
    expect(result.records[0]).toEqual({
      id: `sf:${ACME}`,
      sfId: ACME,
      name: 'Acme Analytics',
      domains: ['acme-analytics.com'],
      owner: 'Priya Shah',
      segment: 'Mid-Market',
      plan: 'Professional',
      arr: 48000,
      seats: 40,
      startDate: '2023-03-14',
      renewalDate: '2026-03-13',
      status: 'active',
    });
    expect(result.records[3]).toMatchObject({ name: 'Dunmore Logistics', status: 'churned', domains: [] });
    expect(result.records[4]).not.toHaveProperty('renewalDate');
  });

  it('detects day-first dates from a UK org and drops a "Grand Totals" footer', async () => {
    const { analysis, result } = await convert(fixtureBlob('salesforce-accounts-dmy.csv'), 'uk.csv', 'accounts');
    expect(analysis.footerRowsDropped).toBe(3);
    expect(result.records.map((a) => a.startDate)).toEqual(['2024-01-25', '2023-04-03', '2022-11-14']);
  });

  it('asks when every date fits both orders, and uses the answer', async () => {
    const blob = fixtureBlob('salesforce-accounts-ambiguous-dates.csv');
    await expect(convert(blob, 'ambiguous.csv', 'accounts')).rejects.toThrow(
      'ambiguous.csv: column "Customer Since": none of the 3 dates has a part above 12, so month/day and day/month both fit; choose month/day or day/month',
    );
    const { result } = await convert(blob, 'ambiguous.csv', 'accounts', { dateOrders: { 3: 'DMY' } });
    expect(result.records.map((a) => a.startDate)).toEqual(['2024-04-03', '2023-06-05', '2022-02-01']);
  });

  it('reads an opportunity report: converted amount preferred, types and stages mapped, negative churn kept as size', async () => {
    const { analysis, result } = await convert(fixtureBlob('salesforce-opportunities.csv'), 'opps.csv', 'opportunities', { accounts: [...ACCOUNTS, { id: 'sf:dunmore', sfId: toSalesforceId18('001Dn00000AbCdH')!, name: 'Dunmore Logistics', domains: [] }] });
    expect(analysis.kindGuesses[0]!.kind).toBe('opportunities');
    expect(analysis.footerRowsDropped).toBe(5);
    expect(result.problems).toEqual([]);
    expect(result.records.map(({ id, accountId, type, amount, outcome, closeDate }) => ({ id, accountId, type, amount, outcome, closeDate }))).toEqual([
      { id: `sf:${toSalesforceId18('006Dn00000Op001')}`, accountId: `sf:${ACME}`, type: 'renewal', amount: 48000, outcome: 'open', closeDate: '2026-03-13' },
      { id: `sf:${toSalesforceId18('006Dn00000Op002')}`, accountId: `sf:${ACME}`, type: 'expansion', amount: 12000, outcome: 'won', closeDate: '2025-09-30' },
      { id: `sf:${toSalesforceId18('006Dn00000Op003')}`, accountId: `sf:${BOREALIS}`, type: 'renewal', amount: 250000, outcome: 'won', closeDate: '2025-11-01' },
      { id: `sf:${toSalesforceId18('006Dn00000Op004')}`, accountId: 'sf:dunmore', type: 'churn', amount: 25000, outcome: 'lost', closeDate: '2024-06-01' },
      { id: `sf:${toSalesforceId18('006Dn00000Op005')}`, accountId: `sf:${EVERLIGHT}`, type: 'new', amount: 9900, outcome: 'won', closeDate: '2024-09-30' },
    ]);
  });


  it('warns when amounts mix currencies and the converted amount is not the one mapped', async () => {
    const blob = fixtureBlob('salesforce-opportunities.csv');
    const analysis = await analyzeFile(blob, 'opps.csv');
    const mapping = autoMapColumns(analysis.headers, KIND_SPECS.opportunities.fields);
    const environment = { context: buildContext(DEFAULT_SETTINGS, NOW), accounts: buildAccountLinkIndex(ACCOUNTS) };
    const converted = await convertFile(blob, analysis, { kind: 'opportunities', mapping, dateOrders: {} }, environment);
    expect(converted.notes).toEqual([]);
    const raw = await convertFile(blob, analysis, { kind: 'opportunities', mapping: { ...mapping, amount: analysis.headers.indexOf('Amount') }, dateOrders: {} }, environment);
    expect(raw.notes).toEqual([
      'Amounts are in 2 currencies (USD, EUR) and "Amount" is not converted: totals such as NRR will mix currencies. Export "Amount (Converted)" from Salesforce and map it to Amount.',
    ]);
  });
});

describe('encodings and delimiters', () => {
  it('reads a Windows-1252, semicolon, decimal-comma, CRLF file from European Excel', async () => {
    const { analysis, result } = await convert(fixtureBlob('accounts-windows-1252.csv'), 'eu.csv', 'accounts');
    expect(analysis.encoding).toBe('windows-1252');
    expect(analysis.delimiter).toBe(';');
    expect(result.records.map((a) => [a.id, a.name, a.owner, a.arr, a.startDate])).toEqual([
      ['ext:EU-100', 'Société Générale Conseil', 'Zoë Müller', 12500.5, '2024-01-15'],
      ['ext:EU-101', 'Müller & Söhne GmbH', 'Zoë Müller', 7200, '2023-03-01'],
      ['ext:EU-102', 'Café Olé S.L. — €uro', 'José Núñez', 950.5, '2022-02-28'],
    ]);
  });

  it('reads UTF-8 with a byte-order mark (the first header is not polluted)', async () => {
    const { analysis, result } = await convert(fixtureBlob('accounts-utf8-bom.csv'), 'bom.csv', 'accounts');
    expect(analysis.headers[0]).toBe('External ID');
    expect(result.records.map((a) => [a.name, a.domains, a.status])).toEqual([
      ['Zürich Re-Insure', ['zurich-re.ch', 'zre.ch'], 'active'],
      ['Ōkami Games', ['okami.jp'], 'active'],
      ['Gone Fishing Co', ['gonefishing.com'], 'churned'],
    ]);
  });

  it('reads the same rows whether lines end in CRLF or LF', async () => {
    const lf = 'External ID,Account Name,ARR\nA1,"Multi\nline, Inc.",100\nA2,Two,200\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const fromLf = await convert(new Blob([lf]), 'lf.csv', 'accounts');
    const fromCrlf = await convert(new Blob([crlf]), 'crlf.csv', 'accounts');
    expect(fromLf.result.records.map((a) => a.name)).toEqual(['Multi\nline, Inc.', 'Two']);
    expect(fromCrlf.result.records.map((a) => a.name)).toEqual(['Multi\r\nline, Inc.', 'Two']);
  });

  it('reads UTF-16 (Excel "Unicode text", tab-separated)', async () => {
    const text = 'External ID\tAccount Name\tARR\r\nU1\tŁódź Systems\t10\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    const { analysis, result } = await convert(new Blob([bytes]), 'utf16.txt', 'accounts');
    expect(analysis.encoding).toBe('utf-16le');
    expect(result.records[0]).toMatchObject({ name: 'Łódź Systems', arr: 10 });
  });

  it('streams a file in chunks without splitting rows or characters at chunk borders', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `X${i},"Zoë ""quoted"" ${i}, Ltd",${i}`);
    const { result } = await convert(new Blob([`External ID,Account Name,ARR\n${rows.join('\n')}\n`]), 'big.csv', 'accounts');
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(30_000);
    expect(result.records[29_999]).toMatchObject({ externalId: 'X29999', name: 'Zoë "quoted" 29999, Ltd', arr: 29999 });
  }, 60_000);
});

describe('Zendesk exports', () => {
  it('reads the ticket CSV: satisfaction words, "-" priority, custom "[list]" fields left unmapped', async () => {
    const { analysis, result } = await convert(fixtureBlob('zendesk-tickets.csv'), 'tickets.csv', 'tickets', { accounts: ACCOUNTS });
    expect(analysis.kindGuesses[0]!.kind).toBe('tickets');
    expect(result.problems).toEqual([]);
    expect(result.records.map((t) => [t.zendeskId, t.accountId, t.status, t.priority, t.satisfaction, t.firstReplyMinutes])).toEqual([
      [4101, `sf:${ACME}`, 'solved', 'normal', 'good', 38],
      [4102, `sf:${BOREALIS}`, 'open', 'high', 'offered', 58],
      [4103, undefined, 'pending', null, 'unoffered', null],
      [4104, `sf:${EVERLIGHT}`, 'closed', 'low', 'bad', 1310],
    ]);
    expect(result.records[0]!.createdAt).toBe(Date.UTC(2025, 2, 3, 9, 15, 22));
    expect(result.records[0]!.subject).toBe('Export to PDF fails, "Report" tab');
    // The personal-domain requester is stored but reported as unlinked, never matched by gmail.com.
    expect(result.unlinked).toEqual([{ row: 4, reason: 'gmail.com is a personal email domain', stored: true }]);
  });

  it('reads tickets.json with sideloaded users, organizations and metric sets', async () => {
    const { analysis, result } = await convert(fixtureBlob('zendesk-tickets.json'), 'tickets.json', 'tickets', { accounts: ACCOUNTS });
    expect(analysis.rowLabel).toBe('record');
    expect(result.records.map((t) => [t.zendeskId, t.accountId, t.requesterEmail, t.firstReplyMinutes, t.satisfaction, t.solvedAt])).toEqual([
      [5201, `sf:${ACME}`, 'ana.lima@acme-analytics.com', 42, 'offered', null],
      [5202, `sf:${BOREALIS}`, 'raj@borealis.health', 15, 'good', Date.UTC(2025, 2, 11, 12)],
      [5203, undefined, 'pat@hotmail.com', null, 'unoffered', null],
    ]);
    expect(result.unlinked[0]).toMatchObject({ row: 3, stored: true });
    expect(result.unlinked[0]!.reason).toContain('hotmail.com is a personal email domain');
  });

  it('reads an NDJSON incremental export line by line', async () => {
    const { analysis, result } = await convert(fixtureBlob('zendesk-tickets.ndjson'), 'export.ndjson', 'tickets', { accounts: ACCOUNTS });
    expect(analysis.sniff.format).toBe('ndjson');
    expect(analysis.kindGuesses[0]!.kind).toBe('tickets');
    expect(result.records.map((t) => [t.zendeskId, t.accountId, t.firstReplyMinutes, t.status])).toEqual([
      [6001, `sf:${ACME}`, 30, 'solved'],
      [6002, undefined, null, 'pending'],
    ]);
  });

  it('reads organizations.json as accounts with zd:<id> ids', async () => {
    const { analysis, result } = await convert(fixtureBlob('zendesk-organizations.json'), 'organizations.json', 'accounts');
    expect(analysis.kindGuesses[0]!.kind).toBe('accounts');
    expect(result.records.map((a) => [a.id, a.name, a.domains, a.externalId, a.startDate])).toEqual([
      ['zd:7001', 'Acme Analytics', ['acme-analytics.com', 'acme.io'], undefined, '2023-03-14'],
      ['zd:7002', 'Quill & Quire', ['quillquire.com'], 'CUST-77', '2024-05-01'],
    ]);
  });
});

describe('the other kinds', () => {
  it('contacts link by account id, name or email domain; a personal address stays unlinked', async () => {
    const { analysis, result } = await convert(fixtureBlob('contacts.csv'), 'contacts.csv', 'contacts', { accounts: ACCOUNTS });
    expect(analysis.kindGuesses[0]!.kind).toBe('contacts');
    expect(result.records.map((c) => [c.email, c.name, c.role, c.accountId])).toEqual([
      ['ana.lima@acme-analytics.com', 'Ana Lima', 'champion', `sf:${ACME}`],
      ['tomas@borealis.health', 'Tomás Ruiz', 'exec-sponsor', `sf:${BOREALIS}`],
      ['lee@everlight.io', 'Lee Chen', 'admin', `sf:${EVERLIGHT}`],
      ['kim.park@gmail.com', 'Kim Park', 'user', undefined],
    ]);
    expect(result.unlinked).toEqual([{ row: 5, reason: 'gmail.com is a personal email domain', stored: true }]);
  });

  it('usage rows name accounts by Sightline or Salesforce id; an unknown account is skipped and reported', async () => {
    const { analysis, result } = await convert(fixtureBlob('usage.csv'), 'usage.csv', 'usage', { accounts: ACCOUNTS });
    expect(analysis.kindGuesses[0]!.kind).toBe('usage');
    expect(result.records.map((u) => [u.accountId, u.date, u.logins])).toEqual([
      [`sf:${ACME}`, '2025-03-01', 34],
      [`sf:${ACME}`, '2025-03-02', 28],
      [`sf:${BOREALIS}`, '2025-03-01', 120],
    ]);
    expect(result.unlinkedSkipped).toBe(1);
    expect(result.unlinked).toEqual([{ row: 5, reason: 'no account has the id ACME-UNKNOWN', stored: false }]);
  });

  it('NPS, meetings and milestones', async () => {
    const nps = await convert(fixtureBlob('nps.csv'), 'nps.csv', 'nps', { accounts: ACCOUNTS });
    expect(nps.result.records.map((r) => [r.id, r.accountId, r.score])).toEqual([
      ['ext:R-1', `sf:${ACME}`, 9],
      ['ext:R-2', `sf:${BOREALIS}`, 6],
      ['ext:R-3', `sf:${EVERLIGHT}`, 10],
    ]);
    const meetings = await convert(fixtureBlob('meetings.csv'), 'meetings.csv', 'meetings', { accounts: ACCOUNTS });
    expect(meetings.result.records.map((m) => [m.id, m.type, m.attended, m.responseDays])).toEqual([
      ['ext:M-1', 'qbr', true, 2],
      ['ext:M-2', 'ebr', false, null],
      ['ext:M-3', 'check-in', true, 1],
    ]);
    expect([nps, meetings].map((c) => c.analysis.kindGuesses[0]!.kind)).toEqual(['nps', 'meetings']);
    const milestones = await convert(fixtureBlob('milestones.csv'), 'milestones.csv', 'milestones', { accounts: ACCOUNTS });
    expect(milestones.analysis.kindGuesses[0]!.kind).toBe('milestones');
    expect(milestones.result.records.map((m) => [m.accountId, m.key, m.date])).toEqual([
      [`sf:${ACME}`, 'welcome-sent', '2023-03-14'],
      [`sf:${ACME}`, 'first-assessment', '2023-03-16'],
      [`sf:${ACME}`, 'first-gap-identified', '2023-03-18'],
      [`sf:${EVERLIGHT}`, 'shared-with-team', '2024-10-20'],
    ]);
  });
});
