/**
 * Decides, for each imported record, whether it creates a new record, updates a stored one or changes nothing,
 * so re-importing the same file writes nothing and reports every row as unchanged.
 * An update keeps what the file does not speak for: fields without a column, and defaults (a stored account
 * keeps its start date when the file has no start-date column).
 */
import type { ImportKindSpec, ImportRecord } from './kind-spec';
import { findReservedId } from './reserved-ids';

export interface UpsertPlan<R> {
  /** Records to write: new ones and changed ones (merged with what was stored). */
  puts: R[];
  created: number;
  updated: number;
  unchanged: number;
  /** Imported records whose stored twin is demo data: never merged (see DemoTwinError). */
  demoTwins: { key: string; demoId: string }[];
}

export interface MergeRules {
  ownedKeys: readonly string[];
  defaultedKeys: readonly string[];
}

/** Deep equality for stored records (plain data: objects, arrays, primitives); a missing key equals undefined. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameData(left[key], right[key])) return false;
  return true;
}

export function mergeRecord<R extends ImportRecord>(spec: ImportKindSpec<R>, stored: R, incoming: R, rules: MergeRules): R {
  const merged: Record<string, unknown> = { ...stored };
  const storedValues: Record<string, unknown> = { ...stored };
  for (const key of rules.ownedKeys) delete merged[key];
  for (const [key, value] of Object.entries(incoming)) {
    if (rules.defaultedKeys.includes(key) && storedValues[key] !== undefined) continue;
    merged[key] = value;
  }
  for (const key of spec.identityKeys) if (merged[key] === undefined && storedValues[key] !== undefined) merged[key] = storedValues[key];
  for (const key of spec.primaryKeyFields) merged[key] = storedValues[key];
  return merged as R;
}

export function indexByNaturalKeys<R extends ImportRecord>(spec: ImportKindSpec<R>, stored: Iterable<R>): Map<string, R> {
  const index = new Map<string, R>();
  for (const record of stored) for (const key of spec.naturalKeys(record)) if (!index.has(key)) index.set(key, record);
  return index;
}

export function planUpsert<R extends ImportRecord>(
  spec: ImportKindSpec<R>,
  incoming: readonly R[],
  storedByKey: ReadonlyMap<string, R>,
  rules: MergeRules,
): UpsertPlan<R> {
  const plan: UpsertPlan<R> = { puts: [], created: 0, updated: 0, unchanged: 0, demoTwins: [] };
  for (const record of incoming) {
    let stored: R | undefined;
    let matchedKey = '';
    for (const key of spec.naturalKeys(record)) {
      stored = storedByKey.get(key);
      matchedKey = key;
      if (stored) break;
    }
    if (stored && findReservedId(stored)) {
      plan.demoTwins.push({ key: spec.describeKey(matchedKey), demoId: String(spec.primaryKey(stored)) });
      continue;
    }
    if (!stored) {
      plan.created++;
      plan.puts.push(record);
      continue;
    }
    const merged = mergeRecord(spec, stored, record, rules);
    if (sameData(merged, stored)) plan.unchanged++;
    else {
      plan.updated++;
      plan.puts.push(merged);
    }
  }
  return plan;
}
