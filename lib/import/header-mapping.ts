/**
 * Which column feeds which field, guessed from header names and editable by the user; and which kind of data a
 * file most likely holds, from how well its headers fit each kind.
 */
import type { FieldSpecs } from './fields';
import { normalizeHeader } from './fields';
import { IMPORT_KINDS, type ImportKind } from './import-kinds';
import type { ImportKindSpec, ImportRecord } from './kind-spec';
import { KIND_SPECS } from './kinds';

/** Field key → column index (null: the file has no column for it). */
export type ColumnMapping = Record<string, number | null>;

/**
 * Matches aliases in rounds of preference: every field's first alias before anyone's second, so a column named
 * exactly like one field's main name is not taken by another field's fallback spelling.
 */
export function autoMapColumns(headers: readonly string[], fields: FieldSpecs): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const aliasLists = Object.entries(fields).map(([key, spec]) => [key, spec.aliases.map(normalizeHeader)] as const);
  const mapping: ColumnMapping = Object.fromEntries(Object.keys(fields).map((key) => [key, null]));
  const used = new Set<number>();
  const rounds = Math.max(0, ...aliasLists.map(([, aliases]) => aliases.length));
  for (let round = 0; round < rounds; round++) {
    for (const [key, aliases] of aliasLists) {
      if (mapping[key] !== null || round >= aliases.length) continue;
      const column = normalized.findIndex((header, index) => header === aliases[round] && !used.has(index));
      if (column >= 0) {
        mapping[key] = column;
        used.add(column);
      }
    }
  }
  return mapping;
}

export function mappedFields(mapping: ColumnMapping): Set<string> {
  return new Set(Object.entries(mapping).filter(([, column]) => column !== null).map(([key]) => key));
}

/** What the mapping lacks for this kind, as phrases for "missing required columns: …". */
export function missingRequirements(spec: ImportKindSpec<ImportRecord>, mapping: ColumnMapping): string[] {
  const mapped = mappedFields(mapping);
  const missing = Object.entries(spec.fields)
    .filter(([key, field]) => field.required && !mapped.has(key))
    .map(([, field]) => field.label);
  for (const group of spec.requiredGroups) {
    if (!group.fields.some((key) => mapped.has(key))) missing.push(group.label);
  }
  return missing;
}

export interface KindGuess {
  kind: ImportKind;
  /** Whether every required column of the kind is present. */
  complete: boolean;
  score: number;
}

/** Ranks the kinds for a header row: required columns weigh most; a JSON file's own hint (`{"tickets": …}`) wins. */
export function guessKinds(headers: readonly string[], hint?: ImportKind): KindGuess[] {
  return IMPORT_KINDS.map((kind): KindGuess => {
    const spec: ImportKindSpec<ImportRecord> = KIND_SPECS[kind];
    const mapping = autoMapColumns(headers, spec.fields);
    const complete = missingRequirements(spec, mapping).length === 0;
    let score = 0;
    for (const [key, column] of Object.entries(mapping)) if (column !== null) score += spec.fields[key]!.required ? 3 : 1;
    if (complete) score += 5;
    if (kind === hint) score += 100;
    return { kind, complete, score };
  }).sort((a, b) => b.score - a.score);
}
