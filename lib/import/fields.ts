/**
 * What an import can read from a column: the field's type, the header names that map to it, and whether the
 * file must have it. Each import kind (lib/import/kinds/*) lists its fields; header-mapping.ts matches them.
 */

export type FieldType =
  | 'text'
  | 'int'
  | 'number'
  | 'date'
  | 'datetime'
  | 'bool'
  | 'email'
  | 'domains'
  /** A Salesforce record id, 15 or 18 characters, stored as 18. */
  | 'sfId'
  /** A numeric id kept as text (Zendesk organization and user ids exceed 2^53 in places). */
  | 'digits';

export interface FieldSpec {
  type: FieldType;
  label: string;
  /** Header names that map to this field, compared after normalizeHeader (case, spaces, punctuation ignored). */
  aliases: readonly string[];
  /** The file cannot be imported without a column for this field. */
  required?: boolean;
  /** Shown beside the field in the mapping step. */
  hint?: string;
  /** Collect the column's distinct values (a few) for the kind's file-level notes. */
  collectDistinct?: boolean;
}

export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

/** `Account Name` → `accountname`; `Amount (Converted)` → `amountconverted`; `requester_email` → `requesteremail`. */
export function normalizeHeader(header: string): string {
  // Unicode decomposition (é → e) is slow and only needed for non-ASCII text; values run through here per row.
  const ascii = /^[\x00-\x7f]*$/.test(header) ? header : header.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
