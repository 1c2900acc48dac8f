/**
 * The quick record check must agree with Zod on every input: pass exactly when Zod passes, with the same output
 * (keys and their order). Inputs: every record the sample files import to, and each of them with one field
 * replaced by values that are wrong in different ways.
 */
import { describe, expect, it } from 'vitest';
import type { ImportKind } from '@/lib/import/import-kinds';
import { KIND_SPECS } from '@/lib/import/kinds';
import { compileRecordCheck } from '@/lib/import/record-check';
import { convert, fixtureBlob } from './helpers';

const ACCOUNTS = [
  { id: 'sf:001Dn00000AbCdEIAV', sfId: '001Dn00000AbCdEIAV', name: 'Acme Analytics', domains: ['acme.io'], zendeskOrgId: '360001' },
  { id: 'sf:001Dn00000XyZ12IAD', name: 'Borealis Health', domains: ['borealis-health.com'] },
];
const SAMPLES: [ImportKind, string][] = [
  ['accounts', 'salesforce-accounts.csv'],
  ['accounts', 'zendesk-organizations.json'],
  ['contacts', 'contacts.csv'],
  ['usage', 'usage.csv'],
  ['tickets', 'zendesk-tickets.json'],
  ['nps', 'nps.csv'],
  ['meetings', 'meetings.csv'],
  ['milestones', 'milestones.csv'],
  ['opportunities', 'salesforce-opportunities.csv'],
];
const WRONG_VALUES: unknown[] = [
  undefined, null, '', ' ', 'x', 'a'.repeat(600), '2025-02-30', '2025-2-3', 'not-an-email', '001abc', '12a',
  -1, -0.5, 0, 1.5, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY, true, [], [''], ['ok.com', 3], {},
];

function agree(kind: ImportKind, input: Record<string, unknown>) {
  const schema = KIND_SPECS[kind].schema;
  const quick = compileRecordCheck(schema)!(input);
  const zod = schema.safeParse(input);
  expect({ kind, input, passes: quick !== undefined }).toEqual({ kind, input, passes: zod.success });
  if (quick && zod.success) expect(Object.entries(quick)).toEqual(Object.entries(zod.data as object));
}

describe('compileRecordCheck', () => {
  it('compiles the schema of every import kind', () => {
    for (const spec of Object.values(KIND_SPECS)) expect(compileRecordCheck(spec.schema), spec.kind).toBeTypeOf('function');
  });

  it('agrees with Zod on every sample record and on each field replaced by wrong values', async () => {
    let inputs = 0;
    for (const [kind, file] of SAMPLES) {
      const { result } = await convert(fixtureBlob(file), file, kind, { accounts: ACCOUNTS });
      expect(result.records.length, file).toBeGreaterThan(0);
      for (const record of result.records as unknown as Record<string, unknown>[]) {
        agree(kind, record);
        agree(kind, { ...record, unknownKey: 'dropped' });
        for (const key of KIND_SPECS[kind].recordKeys) {
          for (const value of WRONG_VALUES) {
            agree(kind, { ...record, [key]: value });
            inputs++;
          }
        }
      }
    }
    expect(inputs).toBeGreaterThan(1000);
  });
});
