import { describe, expect, it } from 'vitest';
import { addDateEvidence, decideDateOrder, emptyDateEvidence, parseDate } from '@/lib/import/dates';
import { normalizeDomain } from '@/lib/import/domains';
import { normalizeHeader } from '@/lib/import/fields';
import { parseNumber } from '@/lib/import/numbers';
import { describeProblem } from '@/lib/import/problems';
import { convert } from './helpers';

function evidenceOf(values: string[]) {
  const evidence = emptyDateEvidence();
  values.forEach((value, i) => addDateEvidence(evidence, value, i + 2));
  return evidence;
}

describe('dates', () => {
  it.each([
    ['2025-03-14', undefined, '2025-03-14'],
    ['2025-03-14T09:30:00Z', undefined, '2025-03-14'],
    ['2025-03-14 09:30:00 +0000', undefined, '2025-03-14'],
    ['3/14/2025', 'MDY', '2025-03-14'],
    ['14/3/2025', 'DMY', '2025-03-14'],
    ['14.03.2025', 'DMY', '2025-03-14'],
    ['3/14/25', 'MDY', '2025-03-14'],
    ['3/14/2025 10:32 AM', 'MDY', '2025-03-14'],
    ['14 Mar 2025', undefined, '2025-03-14'],
    ['Mar 14, 2025', undefined, '2025-03-14'],
  ] as const)('%s (%s) → %s', (text, order, iso) => {
    const parsed = parseDate(text, order);
    expect(parsed.ok && parsed.isoDate).toBe(iso);
  });

  it('keeps the zone of a timestamp: +0200 is two hours before UTC', () => {
    const parsed = parseDate('2025-03-14 12:00:00 +0200', undefined);
    expect(parsed.ok && parsed.epochMs).toBe(Date.UTC(2025, 2, 14, 10));
  });

  it('reads 12 PM as noon and 12 AM as midnight', () => {
    const noon = parseDate('3/14/2025 12:15 PM', 'MDY');
    const midnight = parseDate('3/14/2025 12:15 AM', 'MDY');
    expect(noon.ok && noon.epochMs).toBe(Date.UTC(2025, 2, 14, 12, 15));
    expect(midnight.ok && midnight.epochMs).toBe(Date.UTC(2025, 2, 14, 0, 15));
  });

  it('refuses impossible dates and says so', () => {
    expect(parseDate('2/30/2025', 'MDY')).toEqual({ ok: false, message: '"2/30/2025" is not a real date' });
    expect(parseDate('2025-02-29', undefined)).toEqual({ ok: false, message: '"2025-02-29" is not a real date' });
    expect(parseDate('13/13/2025', 'MDY').ok).toBe(false);
    expect(parseDate('next Tuesday', 'MDY')).toEqual({ ok: false, message: '"next Tuesday" is not a date' });
  });

  it('asks for the order rather than guessing a numeric date', () => {
    expect(parseDate('3/4/2025', undefined).ok).toBe(false);
  });

  it('detects the order from the whole column', () => {
    expect(decideDateOrder(evidenceOf(['3/4/2025', '3/14/2025']))).toMatchObject({ status: 'detected', order: 'MDY' });
    expect(decideDateOrder(evidenceOf(['3/4/2025', '14/3/2025']))).toMatchObject({ status: 'detected', order: 'DMY' });
    expect(decideDateOrder(evidenceOf(['3/4/2025', '5/6/2025']))).toMatchObject({ status: 'ambiguous' });
    expect(decideDateOrder(evidenceOf(['2025-03-04']))).toEqual({ status: 'not-needed' });
    expect(decideDateOrder(evidenceOf(['3/14/2025', '3/15/2025', '14/3/2025']))).toMatchObject({ status: 'conflicting', order: 'MDY' });
  });
});

describe('numbers', () => {
  it.each([
    ['12000', false, 12000],
    ['12,000.50', false, 12000.5],
    ['$12,000', false, 12000],
    ['USD 48,000.00', false, 48000],
    ['-25,000.00', false, -25000],
    ['(1,200.00)', false, -1200],
    ['12.500,50', true, 12500.5],
    ['950,5', true, 950.5],
    ['1,200', false, 1200],
    ['1,200', true, 1.2],
    ['1.200', true, 1200],
    ['1 234 567', false, 1234567],
    ['12.5', true, 12.5],
  ] as const)('%s (decimal comma: %s) → %s', (text, decimalComma, value) => {
    expect(parseNumber(text, decimalComma)).toEqual({ ok: true, value });
  });

  it.each(['abc', '12a', '1.2.3,4,5', '--', ''])('refuses %j', (text) => {
    expect(parseNumber(text, false).ok).toBe(false);
  });
});

describe('domains and headers', () => {
  it('normalizes web addresses and emails to a bare domain', () => {
    expect(normalizeDomain('https://www.Acme.com/about?x=1')).toBe('acme.com');
    expect(normalizeDomain('ana@Acme-Analytics.com')).toBe('acme-analytics.com');
    expect(normalizeDomain('acme.co.uk:8080')).toBe('acme.co.uk');
    expect(normalizeDomain('not a domain')).toBeUndefined();
  });

  it('compares headers without case, spaces or punctuation', () => {
    expect(normalizeHeader('Amount (Converted)')).toBe('amountconverted');
    expect(normalizeHeader('requester_email')).toBe('requesteremail');
    expect(normalizeHeader('Société')).toBe('societe');
    expect(normalizeHeader('Plan [list]')).toBe('planlist');
  });
});

describe('a numeric date impossible in either order', () => {
  it('is refused as such, whatever the order, and is no evidence about the column', () => {
    for (const order of ['MDY', 'DMY', undefined] as const) {
      expect(parseDate('13/45/2026', order)).toEqual({ ok: false, message: '"13/45/2026" is not a real date: neither part can be a month' });
    }
    expect(decideDateOrder(evidenceOf(['13/45/2026']))).toEqual({ status: 'not-needed' });
    expect(decideDateOrder(evidenceOf(['3/4/2026', '13/45/2026', '3/14/2026']))).toMatchObject({ status: 'detected', order: 'MDY' });
  });

  it('names its row and column when it is the only date in the column', async () => {
    const { result } = await convert(new Blob(['Account ID,Account Name,Customer Since\next-1,Acme,13/45/2026\n']), 'only.csv', 'accounts');
    expect(result.problems.map(describeProblem)).toEqual(['only.csv, row 2, column "Customer Since": "13/45/2026" is not a real date: neither part can be a month']);
  });
});
