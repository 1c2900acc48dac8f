/**
 * Cell → typed value for one field, or a message saying why not. The message quotes the value; the caller adds
 * the file, row and column.
 */
import { toSalesforceId18 } from '../hosts/salesforce/record-id';
import { type Cell, cellText } from './cell';
import { type DateOrder, parseDate } from './dates';
import { normalizeDomain, splitDomainList } from './domains';
import type { FieldType } from './fields';
import { parseNumber } from './numbers';

export type FieldValue = string | number | boolean | readonly string[];

export type ParsedField = { ok: true; value: FieldValue } | { ok: false; message: string };

export interface ValueContext {
  /** The date order chosen for this column (numeric dates only). */
  dateOrder: DateOrder | undefined;
  /** Semicolon-separated files use the comma as decimal mark. */
  decimalComma: boolean;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', 'attended', 'won', 'checked']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'no-show', 'noshow', 'missed', 'unchecked']);
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Parses a non-empty cell; call isEmptyCell first (an empty cell has no value, which is not an error). */
export function parseFieldValue(cell: Cell, type: FieldType, context: ValueContext): ParsedField {
  const text = cellText(cell).trim();
  switch (type) {
    case 'text':
      return { ok: true, value: text };
    case 'int':
    case 'number': {
      const parsed = typeof cell === 'number' ? { ok: true as const, value: cell } : parseNumber(text, context.decimalComma);
      if (!parsed.ok) return parsed;
      if (type === 'int' && !Number.isInteger(parsed.value)) return { ok: false, message: `"${text}" is not a whole number` };
      return parsed;
    }
    case 'date':
    case 'datetime': {
      if (typeof cell === 'number') {
        // JSON timestamps: seconds or milliseconds since 1970.
        const ms = cell < 1e11 ? cell * 1000 : cell;
        const date = new Date(ms);
        if (!Number.isFinite(date.getTime())) return { ok: false, message: `"${text}" is not a date` };
        return { ok: true, value: type === 'datetime' ? ms : date.toISOString().slice(0, 10) };
      }
      const parsed = parseDate(text, context.dateOrder);
      if (!parsed.ok) return parsed;
      return { ok: true, value: type === 'datetime' ? parsed.epochMs : parsed.isoDate };
    }
    case 'bool': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, message: `"${text}" is not yes/no` };
    }
    case 'email': {
      const email = text.toLowerCase();
      return EMAIL_PATTERN.test(email) ? { ok: true, value: email } : { ok: false, message: `"${text}" is not an email address` };
    }
    case 'domains': {
      const parts = Array.isArray(cell) ? cell : splitDomainList(text);
      const domains: string[] = [];
      for (const part of parts) {
        const domain = normalizeDomain(part);
        if (!domain) return { ok: false, message: `"${part}" is not a web domain` };
        if (!domains.includes(domain)) domains.push(domain);
      }
      return { ok: true, value: domains };
    }
    case 'sfId': {
      const id18 = toSalesforceId18(text);
      return id18 ? { ok: true, value: id18 } : { ok: false, message: `"${text}" is not a 15- or 18-character Salesforce id` };
    }
    case 'digits': {
      const digits = typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : text;
      return /^\d{1,20}$/.test(digits) ? { ok: true, value: digits } : { ok: false, message: `"${text}" is not a numeric id` };
    }
  }
}
