import { readFileSync } from 'node:fs';
import type { SightlineDatabase } from '@/lib/db/database';
import { type UpsertOptions, type UpsertResult, upsertFile } from '@/lib/db/import-commit';
import { join } from 'node:path';
import { buildAccountLinkIndex, type LinkableAccount } from '@/lib/import/account-links';
import { analyzeFile, type FileAnalysis } from '@/lib/import/analyze-file';
import { buildContext } from '@/lib/import/build-context';
import { convertFile, type ImportChoices } from '@/lib/import/convert-file';
import type { ConversionResult } from '@/lib/import/convert-rows';
import { autoMapColumns } from '@/lib/import/header-mapping';
import type { ImportKind } from '@/lib/import/import-kinds';
import type { RecordOfKind } from '@/lib/import/kind-spec';
import { KIND_SPECS } from '@/lib/import/kinds';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

export const FIXTURES = join(__dirname, '../../fixtures/import');
export const NOW = new Date('2025-03-14T12:00:00Z');

export function fixtureBlob(name: string): Blob {
  return new Blob([readFileSync(join(FIXTURES, name))]);
}

/** Analyze + convert as `kind` with the automatic mapping, as the UI does before any edit. */
export async function convert<K extends ImportKind>(
  blob: Blob,
  fileName: string,
  kind: K,
  options: { accounts?: LinkableAccount[]; dateOrders?: ImportChoices['dateOrders'] } = {},
): Promise<{ analysis: FileAnalysis; result: ConversionResult<RecordOfKind[K]> }> {
  const analysis = await analyzeFile(blob, fileName);
  const choices: ImportChoices<K> = { kind, mapping: autoMapColumns(analysis.headers, KIND_SPECS[kind].fields), dateOrders: options.dateOrders ?? {} };
  const result = await convertFile(blob, analysis, choices, {
    context: buildContext(DEFAULT_SETTINGS, NOW),
    accounts: buildAccountLinkIndex(options.accounts ?? []),
  });
  return { analysis, result };
}

/** Analyze + the streamed upsert pass as `kind` with the automatic mapping: a preview (write: false) or a commit. */
export async function upsert<K extends ImportKind>(
  db: SightlineDatabase,
  blob: Blob,
  fileName: string,
  kind: K,
  options: UpsertOptions & { accounts?: LinkableAccount[] },
): Promise<UpsertResult<RecordOfKind[K]>> {
  const analysis = await analyzeFile(blob, fileName);
  const choices: ImportChoices<K> = { kind, mapping: autoMapColumns(analysis.headers, KIND_SPECS[kind].fields), dateOrders: {} };
  const environment = { context: buildContext(DEFAULT_SETTINGS, NOW), accounts: buildAccountLinkIndex(options.accounts ?? []) };
  return upsertFile(db, blob, analysis, choices, environment, options);
}
