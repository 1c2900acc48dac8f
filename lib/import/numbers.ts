/**
 * Numbers as spreadsheets write them: `12000`, `12,000.50`, `$12,000`, `USD 12,000.00`, `(1,200.00)` for a
 * negative amount, and European `12.000,50` / `12000,5`. A lone separator followed by exactly three digits
 * (`1,200`) is a thousands separator unless the file is semicolon-separated, where the comma is the decimal mark.
 */

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const CURRENCY_AFFIX = /^(?:[A-Z]{3}\s*|[$€£¥₹]\s*)|(?:\s*[A-Z]{3}|\s*[$€£¥₹])$/g;

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function parseNumber(text: string, decimalComma: boolean): ParsedNumber {
  const original = text.trim();
  // Most cells are plain numbers; only a dot needs the separator rules (1.200 may be 1200 in a comma-decimal file).
  if (PLAIN_NUMBER.test(original) && !(decimalComma && original.includes('.'))) return { ok: true, value: Number(original) };
  let value = original.replace(/[\u00a0\u202f ']/g, ''); // spaces and apostrophes group digits (1 000, 1'000)
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true;
    value = value.slice(1, -1);
  }
  if (value.startsWith('-')) {
    negative = !negative;
    value = value.slice(1);
  }
  value = value.replace(CURRENCY_AFFIX, '');
  if (value.startsWith('-')) {
    negative = !negative;
    value = value.slice(1);
  }
  if (!/^[\d.,]+$/.test(value) || !/\d/.test(value)) return { ok: false, message: `"${original}" is not a number` };

  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  let decimalMark: '.' | ',' | undefined;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else {
    const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
    if (mark) {
      const occurrences = value.split(mark).length - 1;
      const digitsAfter = value.length - value.lastIndexOf(mark) - 1;
      if (occurrences > 1) decimalMark = undefined; // 1,200,000 or 1.200.000: only grouping
      else if (digitsAfter !== 3) decimalMark = mark;
      else decimalMark = (mark === ',') === decimalComma ? mark : undefined;
    }
  }
  const groupMark = decimalMark === ',' ? '.' : ',';
  const [whole = '', fraction, extra] = value.split(decimalMark ?? '\u0000');
  if (extra !== undefined) return { ok: false, message: `"${original}" is not a number` };
  const wholeDigits = decimalMark ? whole.split(groupMark).join('') : whole.replace(/[.,]/g, '');
  if (!/^\d*$/.test(wholeDigits) || (fraction !== undefined && !/^\d+$/.test(fraction))) {
    return { ok: false, message: `"${original}" is not a number` };
  }
  const parsed = Number(`${wholeDigits || '0'}${fraction !== undefined ? `.${fraction}` : ''}`);
  if (!Number.isFinite(parsed)) return { ok: false, message: `"${original}" is not a number` };
  return { ok: true, value: negative ? -parsed : parsed };
}
