/**
 * Row → validated record, one row at a time (so a worker can stream a large file through it):
 * parse the mapped cells by field type, build the kind's draft, link the account, fill defaults, validate against
 * the record's Zod schema, and refuse a second row with the same natural key. Every problem names the row and,
 * where it can, the column.
 */
import type { z } from 'zod';
import { type AccountLinkIndex, linkAccount, type LinkResult } from './account-links';
import { type Cell, cellText, isEmptyCell } from './cell';
import type { DateOrder } from './dates';
import { type FieldValue, parseFieldValue, type ValueContext } from './field-values';
import type { FieldType } from './fields';
import { type ColumnMapping, mappedFields } from './header-mapping';
import type { ImportKind } from './import-kinds';
import { type BuildContext, type ImportKindSpec, type RecordOfKind, RowValues } from './kind-spec';
import { KIND_SPECS } from './kinds';
import { describeProblem, type ImportProblem, type RowLabel } from './problems';
import { compileRecordCheck, type RecordCheck } from './record-check';
import { findReservedId, isDemoId } from './reserved-ids';
import type { SourceRow } from './table-reader';

/** Enough to show; the counts stay exact. */
export const MAX_LISTED_PROBLEMS = 500;
export const MAX_PREVIEW_ROWS = 20;

export interface ConversionSetup {
  kind: ImportKind;
  fileName: string;
  headers: readonly string[];
  rowLabel: RowLabel;
  mapping: ColumnMapping;
  /** Chosen or detected order of numeric dates, by column index. */
  dateOrders: Readonly<Record<number, DateOrder>>;
  decimalComma: boolean;
  context: BuildContext;
  accounts: AccountLinkIndex;
}

export interface UnlinkedRow {
  row: number;
  reason: string;
  /** Optional-account records (tickets, contacts) are stored without an account; the others are skipped. */
  stored: boolean;
}

export type RowStatus = 'valid' | 'invalid' | 'unlinked-stored' | 'unlinked-skipped';

export interface PreviewRow {
  row: number;
  status: RowStatus;
  /** The mapped fields' cells as text, by field key. */
  values: Record<string, string>;
  messages: string[];
}

export interface ConversionResult<R> {
  kind: ImportKind;
  /** The valid records not yet taken by a streaming caller (all of them otherwise). */
  records: R[];
  /** Valid records in the whole file. */
  recordCount: number;
  rowsRead: number;
  invalidRows: number;
  /** The first MAX_LISTED_PROBLEMS problems. */
  problems: ImportProblem[];
  problemCount: number;
  unlinked: UnlinkedRow[];
  unlinkedCount: number;
  unlinkedSkipped: number;
  preview: PreviewRow[];
  /** Record keys the file speaks for: on update they replace the stored values (emptied when the cell is empty). */
  ownedKeys: string[];
  /** Record keys filled with defaults because the file has no column: stored records keep their own values. */
  defaultedKeys: string[];
  /** Warnings about the file as a whole (they do not stop the import). */
  notes: string[];
}

/** The file has invalid rows and the caller did not choose to skip them: nothing was written. */
export class InvalidRowsError extends Error {
  constructor(readonly conversion: Pick<ConversionResult<unknown>, 'invalidRows' | 'rowsRead' | 'problems'>) {
    super(
      `${conversion.invalidRows} of ${conversion.rowsRead} rows are invalid, so nothing was imported. ` +
        `First: ${conversion.problems[0] ? describeProblem(conversion.problems[0]) : 'unknown'}`,
    );
    this.name = 'InvalidRowsError';
  }
}

type ZodIssue = z.ZodError['issues'][number];
type LinkMethod = Extract<LinkResult, { linked: true }>['method'];

/** Fields that hold an id: `id`, `accountKey`, `responseId`, `meetingId`, … */
const ID_FIELD = /^id$|(Key|Id)$/;
/** The fields (in preference order) through which each link method found the account. */
const LINK_FIELDS: Record<LinkMethod, readonly string[]> = {
  id: ['accountKey'],
  'salesforce-id': ['accountKey'],
  'external-id': ['accountKey'],
  'zendesk-org': ['organizationId', 'accountKey'],
  name: ['accountName'],
  domain: ['requesterDomain', 'requesterEmail', 'email', 'contactEmail'],
};

function describeIssue(issue: ZodIssue, draft: Record<string, unknown>): string {
  const value = issue.path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), draft);
  if (value === undefined || value === null) return 'is missing';
  const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return Number(issue.minimum) === 0 ? `${shown} must not be negative` : `${shown} must be at least ${String(issue.minimum)}`;
  }
  if (issue.code === 'too_big' && issue.origin === 'number') return `${shown} must be at most ${String(issue.maximum)}`;
  return `${shown}: ${issue.message}`;
}

export class RowConverter<K extends ImportKind> {
  private readonly spec: ImportKindSpec<RecordOfKind[K]>;
  private readonly mapped: Set<string>;
  /** The mapped fields with what parsing their column needs, computed once instead of per cell. */
  private readonly columns: { field: string; column: number; type: FieldType; context: ValueContext }[];
  /** Reused for every row (build runs synchronously and keeps no reference). */
  private readonly values = new Map<string, FieldValue>();
  /** Distinct values of fields marked collectDistinct, capped: notes only need to know "more than one". */
  private readonly distinct = new Map<string, Set<string>>();
  private readonly fieldOfRecordKey = new Map<string, string>();
  private readonly defaults: Record<string, unknown>;
  private readonly seenKeys = new Map<string, number>();
  private readonly result: ConversionResult<RecordOfKind[K]>;
  /** Passes most records without Zod's slow generic path; the rest go through Zod for its messages. */
  private readonly quickCheck: RecordCheck | undefined;

  constructor(private readonly setup: ConversionSetup & { kind: K }) {
    this.spec = KIND_SPECS[setup.kind];
    this.quickCheck = compileRecordCheck(this.spec.schema);
    this.mapped = mappedFields(setup.mapping);
    this.columns = [...this.mapped].map((field) => {
      const column = setup.mapping[field]!;
      return {
        field,
        column,
        type: this.spec.fields[field]!.type,
        context: { dateOrder: setup.dateOrders[column], decimalComma: setup.decimalComma },
      };
    });
    for (const key of this.mapped) {
      this.fieldOfRecordKey.set(key, key);
      for (const recordKey of this.spec.indirectKeys?.[key] ?? []) this.fieldOfRecordKey.set(recordKey, key);
    }
    this.defaults = this.spec.defaults(this.mapped, setup.context);
    const owned = new Set<string>();
    for (const key of this.mapped) {
      if (this.spec.recordKeys.includes(key)) owned.add(key);
      for (const recordKey of this.spec.indirectKeys?.[key] ?? []) owned.add(recordKey);
    }
    for (const key of this.spec.identityKeys) owned.delete(key);
    this.result = {
      kind: setup.kind,
      records: [],
      recordCount: 0,
      rowsRead: 0,
      invalidRows: 0,
      problems: [],
      problemCount: 0,
      unlinked: [],
      unlinkedCount: 0,
      unlinkedSkipped: 0,
      preview: [],
      ownedKeys: [...owned],
      defaultedKeys: Object.keys(this.defaults),
      notes: [],
    };
  }

  private columnName(field: string | undefined): string | undefined {
    if (!field) return undefined;
    const column = this.setup.mapping[field];
    return column === null || column === undefined ? this.spec.fields[field]?.label : this.setup.headers[column];
  }

  /** The column a reserved id came from: the column the account was linked through, or the id cell holding it. */
  private reservedIdField(recordKey: 'id' | 'accountId' | 'zendeskId', linkMethod: LinkMethod | undefined): string | undefined {
    if (recordKey === 'zendeskId') return 'zendeskId';
    if (recordKey === 'accountId' && linkMethod) return LINK_FIELDS[linkMethod].find((field) => this.mapped.has(field));
    return this.columns.find(({ field }) => {
      const value = this.values.get(field);
      return ID_FIELD.test(field) && typeof value === 'string' && isDemoId(value);
    })?.field;
  }

  private previewValues(cells: readonly Cell[]): Record<string, string> {
    const values: Record<string, string> = {};
    for (const key of this.mapped) values[key] = cellText(cells[this.setup.mapping[key]!]);
    return values;
  }

  add(row: SourceRow): void {
    const result = this.result;
    result.rowsRead++;
    const problems: { field?: string; column?: string; message: string }[] = [];
    let status: RowStatus = 'valid';
    let unlinkedReason: string | undefined;

    if (row.problem) problems.push({ message: row.problem });
    const values = this.values;
    values.clear();
    if (!row.problem) {
      for (const { field, column, type, context } of this.columns) {
        const cell = row.cells[column];
        if (isEmptyCell(cell)) continue;
        const parsed = parseFieldValue(cell, type, context);
        if (parsed.ok) {
          values.set(field, parsed.value);
          if (this.spec.fields[field]!.collectDistinct && typeof parsed.value === 'string') {
            const seen = this.distinct.get(field) ?? new Set<string>();
            if (seen.size < 10) seen.add(parsed.value);
            this.distinct.set(field, seen);
          }
        } else problems.push({ field, message: parsed.message });
      }
    }

    let record: RecordOfKind[K] | undefined;
    if (problems.length === 0) {
      const built = this.spec.build(new RowValues(values, this.mapped), this.setup.context);
      problems.push(...built.problems);
      const draft = built.draft;
      let linkMethod: LinkMethod | undefined;
      if (problems.length === 0 && built.accountRef && this.spec.account !== 'none') {
        const link = linkAccount(built.accountRef, this.setup.accounts, this.setup.context.personalDomains);
        if (link.linked) {
          draft.accountId = link.accountId;
          linkMethod = link.method;
        } else {
          unlinkedReason = link.reason;
          status = this.spec.account === 'required' ? 'unlinked-skipped' : 'unlinked-stored';
        }
      }
      if (problems.length === 0 && status !== 'unlinked-skipped') {
        this.spec.afterLink?.(draft);
        // Copy instead of deleting undefined keys: `delete` turns objects into slow dictionaries.
        const candidate: Record<string, unknown> = { ...this.defaults };
        for (const key in draft) if (draft[key] !== undefined) candidate[key] = draft[key];
        const passed = this.quickCheck?.(candidate) as RecordOfKind[K] | undefined;
        const parsed = passed ? { success: true as const, data: passed } : this.spec.schema.safeParse(candidate);
        const reserved = parsed.success ? findReservedId(parsed.data) : undefined;
        if (reserved) problems.push({ field: this.reservedIdField(reserved.recordKey, linkMethod), message: reserved.message });
        else if (parsed.success) record = parsed.data;
        else {
          for (const issue of parsed.error.issues) {
            const recordKey = String(issue.path[0] ?? '');
            problems.push({
              field: this.fieldOfRecordKey.get(recordKey),
              column: this.fieldOfRecordKey.has(recordKey) ? undefined : recordKey,
              message: describeIssue(issue, candidate),
            });
          }
        }
      }
    }

    const naturalKeys = record ? this.spec.naturalKeys(record) : [];
    if (record) {
      for (const key of naturalKeys) {
        const earlier = this.seenKeys.get(key);
        if (earlier !== undefined) {
          problems.push({ message: `duplicates ${this.setup.rowLabel} ${earlier} (same ${this.spec.describeKey(key)})` });
          record = undefined;
          break;
        }
      }
    }

    if (problems.length > 0) {
      status = 'invalid';
      result.invalidRows++;
      for (const problem of problems) {
        result.problemCount++;
        if (result.problems.length < MAX_LISTED_PROBLEMS) {
          result.problems.push({
            file: this.setup.fileName,
            row: row.number,
            rowLabel: this.setup.rowLabel,
            column: this.columnName(problem.field) ?? problem.column,
            message: problem.message,
          });
        }
      }
    } else {
      if (unlinkedReason !== undefined) {
        result.unlinkedCount++;
        if (status === 'unlinked-skipped') result.unlinkedSkipped++;
        if (result.unlinked.length < MAX_LISTED_PROBLEMS) {
          result.unlinked.push({ row: row.number, reason: unlinkedReason, stored: status === 'unlinked-stored' });
        }
      }
      if (record) {
        for (const key of naturalKeys) this.seenKeys.set(key, row.number);
        result.records.push(record);
        result.recordCount++;
      }
    }

    if (result.preview.length < MAX_PREVIEW_ROWS) {
      result.preview.push({
        row: row.number,
        status,
        values: this.previewValues(row.cells),
        messages: problems.map((p) => {
          const column = this.columnName(p.field) ?? p.column;
          return column ? `${column}: ${p.message}` : p.message;
        }).concat(unlinkedReason && status !== 'invalid' ? [`no account: ${unlinkedReason}`] : []),
      });
    }
  }

  /** The conversion so far. */
  get progress(): Readonly<ConversionResult<RecordOfKind[K]>> {
    return this.result;
  }

  /** Hands over the valid records converted since the last call, so a streaming caller never holds them all. */
  takeRecords(): RecordOfKind[K][] {
    const records = this.result.records;
    this.result.records = [];
    return records;
  }

  finish(): ConversionResult<RecordOfKind[K]> {
    this.result.notes = this.spec.fileNotes?.(this.distinct, (field) => (this.mapped.has(field) ? this.columnName(field) : undefined)) ?? [];
    return this.result;
  }
}
