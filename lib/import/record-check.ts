/**
 * A quick yes/no check compiled once from a record's Zod object schema. In extension pages Zod cannot compile its
 * own fast path (the extension's CSP forbids eval), and its generic path costs more than the rest of a row's
 * conversion. So each draft record is first checked here; only a draft this check does not pass goes through Zod,
 * whose issues make the messages — they stay exactly as before. A pass returns what Zod would: the schema's keys in
 * its order, unknown keys dropped.
 * Only the parts of Zod the record schemas use are understood; a schema with anything else gets no quick check
 * (compileRecordCheck returns undefined) and always goes through Zod.
 */
import type { z } from 'zod';

type Check = (value: unknown) => boolean;

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  fn?: (value: never) => unknown;
}

interface TypeDef {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
}

const defOf = (schema: z.ZodType): TypeDef => (schema as unknown as { _zod: { def: TypeDef } })._zod.def;

function lengthCheck(def: CheckDef): Check | undefined {
  if (def.check === 'min_length') return (value) => (value as { length: number }).length >= def.minimum!;
  if (def.check === 'max_length') return (value) => (value as { length: number }).length <= def.maximum!;
  return undefined;
}

/** A string, number or array refinement; undefined when it is not one of those the schemas use. */
function refinement(def: CheckDef): Check | undefined {
  const length = lengthCheck(def);
  if (length) return length;
  switch (def.check) {
    case 'string_format': {
      const pattern = def.pattern;
      if ((def.format !== 'regex' && def.format !== 'email') || !pattern || pattern.global || pattern.sticky) return undefined;
      return (value) => pattern.test(value as string);
    }
    case 'greater_than':
      return def.inclusive ? (value) => (value as number) >= def.value! : (value) => (value as number) > def.value!;
    case 'less_than':
      return def.inclusive ? (value) => (value as number) <= def.value! : (value) => (value as number) < def.value!;
    case 'number_format':
      return def.format === 'safeint' ? (value) => Number.isSafeInteger(value) : undefined;
    case 'custom': {
      const fn = def.fn;
      // Anything but a plain `true` (false, a promise) is left to Zod.
      return fn ? (value) => fn(value as never) === true : undefined;
    }
    default:
      return undefined;
  }
}

function withChecks(base: Check, def: TypeDef): Check | undefined {
  const checks: Check[] = [];
  for (const check of def.checks ?? []) {
    const compiled = refinement(check._zod.def);
    if (!compiled) return undefined;
    checks.push(compiled);
  }
  return (value) => {
    if (!base(value)) return false;
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}

function compile(schema: z.ZodType): Check | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return withChecks((value) => typeof value === 'string', def);
    case 'number':
      // Zod 4 numbers are finite.
      return withChecks((value) => typeof value === 'number' && Number.isFinite(value), def);
    case 'boolean':
      return def.checks?.length ? undefined : (value) => typeof value === 'boolean';
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return def.checks?.length ? undefined : (value) => values.has(value as string);
    }
    case 'optional': {
      const inner = def.innerType && compile(def.innerType);
      return inner && ((value) => value === undefined || inner(value));
    }
    case 'nullable': {
      const inner = def.innerType && compile(def.innerType);
      return inner && ((value) => value === null || inner(value));
    }
    case 'array': {
      const element = def.element && compile(def.element);
      return element && withChecks((value) => Array.isArray(value) && value.every(element), def);
    }
    default:
      return undefined;
  }
}

/** The checked record (the schema's keys, in order) or undefined when it does not pass: then ask Zod why. */
export type RecordCheck = (input: Record<string, unknown>) => Record<string, unknown> | undefined;

export function compileRecordCheck(schema: z.ZodType): RecordCheck | undefined {
  const def = defOf(schema);
  if (def.type !== 'object' || !def.shape || def.catchall || def.checks?.length) return undefined;
  const fields: { key: string; check: Check }[] = [];
  for (const [key, field] of Object.entries(def.shape)) {
    const check = compile(field);
    if (!check) return undefined;
    fields.push({ key, check });
  }
  return (input) => {
    const output: Record<string, unknown> = {};
    for (const { key, check } of fields) {
      const value = input[key];
      if (!check(value)) return undefined;
      if (key in input) output[key] = value;
    }
    return output;
  };
}
