/** Reading untyped JSON safely: plain objects, nested fields, and values that can be a row's cell. */
import type { Cell } from './cell';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `at(ticket, 'metric_set', 'reply_time_in_minutes', 'calendar')`, undefined when any step is missing. */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isJsonObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A JSON value as a cell: primitives as they are, lists of primitives as text lists; objects are not cells. */
export function toCell(value: unknown): Cell | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return value.map(String);
  }
  return undefined;
}

/**
 * An object as named cells; nested objects become `parent.child` (one level deep is what exports use, e.g.
 * `satisfaction_rating.score`, `via.channel`).
 */
export function flattenObject(object: JsonObject): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const [key, value] of Object.entries(object)) {
    const cell = toCell(value);
    if (cell !== undefined) cells.set(key, cell);
    else if (isJsonObject(value)) {
      for (const [childKey, childValue] of Object.entries(value)) {
        const childCell = toCell(childValue);
        if (childCell !== undefined) cells.set(`${key}.${childKey}`, childCell);
      }
    }
  }
  return cells;
}
