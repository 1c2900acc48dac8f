/**
 * The contract every import kind fulfils (lib/import/kinds/*): which columns it reads, how a row's typed values
 * become a draft record, and how records are identified for duplicate detection and upserts. The draft is then
 * validated against the record's one Zod schema (lib/schemas/records.ts) by convert-rows.ts.
 */
import type { IndexableType } from 'dexie';
import type { z } from 'zod';
import type {
  Account,
  Contact,
  Meeting,
  Milestone,
  NpsResponse,
  Opportunity,
  Ticket,
  UsageDay,
} from '../schemas/records';
import type { FieldValue } from './field-values';
import type { FieldSpecs } from './fields';
import type { ImportKind } from './import-kinds';

export interface RecordOfKind {
  accounts: Account;
  contacts: Contact;
  usage: UsageDay;
  tickets: Ticket;
  nps: NpsResponse;
  meetings: Meeting;
  milestones: Milestone;
  opportunities: Opportunity;
}
export type ImportRecord = RecordOfKind[ImportKind];

/** What a row says about the account it belongs to; account-links.ts resolves it. */
export interface AccountRef {
  /** Any account id: a Sightline id (`sf:…`), a Salesforce id, or an external id. */
  key?: string;
  sfId?: string;
  zendeskOrgId?: string;
  name?: string;
  /** An email or web domain (personal mail domains never link). */
  domain?: string;
}

/** A row's successfully parsed values, by field key. Fields that are unmapped, empty or invalid are absent. */
export class RowValues {
  constructor(
    private readonly values: ReadonlyMap<string, FieldValue>,
    private readonly mapped: ReadonlySet<string>,
  ) {}

  /** The file has a column for this field (its cell may still be empty in this row). */
  isMapped(field: string): boolean {
    return this.mapped.has(field);
  }

  text(field: string): string | undefined {
    const value = this.values.get(field);
    return typeof value === 'string' ? value : undefined;
  }

  number(field: string): number | undefined {
    const value = this.values.get(field);
    return typeof value === 'number' ? value : undefined;
  }

  bool(field: string): boolean | undefined {
    const value = this.values.get(field);
    return typeof value === 'boolean' ? value : undefined;
  }

  list(field: string): readonly string[] | undefined {
    const value = this.values.get(field);
    return Array.isArray(value) ? value : undefined;
  }
}

export interface BuildContext {
  personalDomains: ReadonlySet<string>;
  /** Opportunity types that mean a renewal (Settings.renewalTypeNames), lower case. */
  renewalTypeNames: ReadonlySet<string>;
  /** Today as YYYY-MM-DD, for defaults. */
  today: string;
}

export interface RowProblem {
  /** The field whose column is at fault, when there is one. */
  field?: string;
  message: string;
}

export interface BuiltRow {
  draft: Record<string, unknown>;
  problems: RowProblem[];
  accountRef?: AccountRef;
}

export interface ImportKindSpec<R extends ImportRecord> {
  kind: ImportKind;
  fields: FieldSpecs;
  /** At least one field of each group must be mapped (e.g. some account id). */
  requiredGroups: readonly { label: string; fields: readonly string[] }[];
  /** Whether records belong to an account: required ones cannot be stored unlinked, optional ones can. */
  account: 'required' | 'optional' | 'none';
  schema: z.ZodType<R>;
  /** The record's keys (the schema's shape), so a mapped field can replace a stored value on update. */
  recordKeys: readonly string[];
  /** The record keys that make up the primary key: an update keeps the stored record's. */
  primaryKeyFields: readonly string[];
  /** Keys that identify the record or its account: an update never removes them, even when a row leaves them empty. */
  identityKeys: readonly string[];
  /** Record keys a field sets besides its own name (Website → domains). */
  indirectKeys?: Readonly<Record<string, readonly string[]>>;
  /** Values for record keys the file has no column for; applied to new records only, stored ones keep theirs. */
  defaults(mapped: ReadonlySet<string>, context: BuildContext): Record<string, unknown>;
  build(values: RowValues, context: BuildContext): BuiltRow;
  /** Runs after the account is linked (e.g. derives an id from it). */
  afterLink?(draft: Record<string, unknown>): void;
  /** How the database finds the stored twin: by primary key, or by any natural key (needs a scan). */
  matchBy: 'primary-key' | 'natural-keys';
  primaryKey(record: R): IndexableType;
  /** Keys that identify the record, namespaced (`sf:…`, `email:…`); the first is the main one. */
  naturalKeys(record: R): string[];
  /** Describes a natural key for messages: `sf:001…` → `Salesforce ID 001…`. */
  describeKey(key: string): string;
  /**
   * Warnings about the file as a whole, from the distinct values of the fields marked `collectDistinct` and the
   * headers of the mapped columns (e.g. amounts in several currencies without a converted column).
   */
  fileNotes?(distinct: ReadonlyMap<string, ReadonlySet<string>>, headerOf: (field: string) => string | undefined): string[];
}
