/**
 * The second pass over a file: every row converted and validated (convert-rows.ts) with the kind, mapping and date
 * orders the user confirmed. Refuses to start when required columns are unmapped or a date column's order is
 * still ambiguous, so a bad choice never produces half-right records.
 */
import type { AccountLinkIndex } from './account-links';
import type { FileAnalysis, PassOptions } from './analyze-file';
import { type DateOrder, decideDateOrder } from './dates';
import { type ColumnMapping, mappedFields, missingRequirements } from './header-mapping';
import type { ImportKind } from './import-kinds';
import type { BuildContext, ImportKindSpec, ImportRecord, RecordOfKind } from './kind-spec';
import { KIND_SPECS } from './kinds';
import { type ConversionResult, RowConverter } from './convert-rows';
import { ImportFileError } from './problems';
import { readTable } from './table-reader';
import type { ByteSource } from './text-chunks';

export interface ImportChoices<K extends ImportKind = ImportKind> {
  kind: K;
  mapping: ColumnMapping;
  /** The user's answer for date columns whose order the data cannot tell, by column index. */
  dateOrders: Readonly<Record<number, DateOrder>>;
}

export interface DateColumnState {
  column: number;
  field: string;
  decision: ReturnType<typeof decideDateOrder>;
}

/** Date columns in use and what their data says about the order; the UI asks about the ambiguous ones. */
export function dateColumns(analysis: FileAnalysis, kind: ImportKind, mapping: ColumnMapping): DateColumnState[] {
  const spec: ImportKindSpec<ImportRecord> = KIND_SPECS[kind];
  return [...mappedFields(mapping)]
    .filter((field) => spec.fields[field]?.type === 'date' || spec.fields[field]?.type === 'datetime')
    .map((field) => {
      const column = mapping[field]!;
      return { column, field, decision: decideDateOrder(analysis.dateEvidence[column]!) };
    });
}

/** Detected orders, overridden by the user's choices. Columns still ambiguous are left out. */
export function effectiveDateOrders(analysis: FileAnalysis, choices: ImportChoices): Record<number, DateOrder> {
  const orders: Record<number, DateOrder> = {};
  for (const { column, decision } of dateColumns(analysis, choices.kind, choices.mapping)) {
    const chosen = choices.dateOrders[column];
    if (chosen) orders[column] = chosen;
    else if (decision.status === 'detected' || decision.status === 'conflicting') orders[column] = decision.order;
  }
  return orders;
}

/** Reasons the conversion cannot start yet; empty when it can. */
export function blockingIssues(analysis: FileAnalysis, choices: ImportChoices): string[] {
  const spec: ImportKindSpec<ImportRecord> = KIND_SPECS[choices.kind];
  const issues: string[] = [];
  const missing = missingRequirements(spec, choices.mapping);
  if (missing.length) issues.push(`missing required columns for ${choices.kind}: ${missing.join('; ')}`);
  const orders = effectiveDateOrders(analysis, choices);
  for (const { column, decision } of dateColumns(analysis, choices.kind, choices.mapping)) {
    if (decision.status === 'ambiguous' && !orders[column]) {
      issues.push(`column "${analysis.headers[column]}": ${decision.reason}; choose month/day or day/month`);
    }
  }
  return issues;
}

export interface ConversionEnvironment {
  context: BuildContext;
  accounts: AccountLinkIndex;
}

export interface ConvertOptions<R> extends PassOptions {
  /**
   * Streaming: called after each batch of rows with that batch's valid records, which the result then does not
   * keep, and the conversion so far.
   */
  onRecords?: (records: R[], conversion: Readonly<ConversionResult<R>>) => void;
}

export async function convertFile<K extends ImportKind>(
  source: ByteSource,
  analysis: FileAnalysis,
  choices: ImportChoices<K>,
  environment: ConversionEnvironment,
  options: ConvertOptions<RecordOfKind[K]> = {},
): Promise<ConversionResult<RecordOfKind[K]>> {
  const issues = blockingIssues(analysis, choices);
  if (issues.length) throw new ImportFileError({ file: analysis.fileName, message: issues.join('. ') });
  const converter = new RowConverter({
    kind: choices.kind,
    fileName: analysis.fileName,
    headers: analysis.headers,
    rowLabel: analysis.rowLabel,
    mapping: choices.mapping,
    dateOrders: effectiveDateOrders(analysis, choices),
    decimalComma: analysis.delimiter === ';',
    context: environment.context,
    accounts: environment.accounts,
  });
  let rows = 0;
  await readTable(
    source,
    {
      fileName: analysis.fileName,
      sniff: analysis.sniff,
      encoding: analysis.encoding,
      knownHeaders: analysis.headers,
      signal: options.signal,
      onProgress: (bytesRead) => options.onProgress?.({ rows, bytesRead, totalBytes: source.size }),
    },
    (batch) => {
      for (const row of batch) converter.add(row);
      rows += batch.length;
      options.onRecords?.(converter.takeRecords(), converter.progress);
    },
  );
  return converter.finish();
}
