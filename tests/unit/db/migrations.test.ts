/**
 * Every earlier schema version upgrades to the current one without losing a row. For each version N with a
 * fixture file tests/fixtures/db/vN.json: build a database exactly as version N declared it, fill it with the
 * fixture rows, then open it with today's SightlineDatabase and compare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SightlineDatabase } from '@/lib/db/database';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '@/lib/db/versions';
import { assessAccount } from '@/lib/scoring/account-health';
import { Account, type Meeting, type NpsResponse, type Ticket, type UsageDay } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

const TODAY = '2026-10-03';

interface Fixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const FIXTURE_DIR = join(__dirname, '../../fixtures/db');
const fixtures: Fixture[] = readdirSync(FIXTURE_DIR)
  .filter((name) => /^v\d+\.json$/.test(name))
  .map((name) => JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8')) as Fixture);

async function createAtVersion(name: string, fixture: Fixture): Promise<void> {
  const old = new Dexie(name);
  for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= fixture.version)) {
    old.version(version).stores(stores);
  }
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('schema upgrades', () => {
  it('has a fixture for every earlier version', () => {
    const covered = fixtures.map((f) => f.version).sort();
    const earlier = SCHEMA_VERSIONS.map((v) => v.version).filter((v) => v < CURRENT_SCHEMA_VERSION);
    expect(covered).toEqual(earlier);
  });

  it.each(fixtures.map((f) => [f.version, f] as const))('upgrades a version %i database without losing rows', async (_v, fixture) => {
    const name = `upgrade-${fixture.version}-${crypto.randomUUID()}`;
    await createAtVersion(name, fixture);

    const db = new SightlineDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      expect(await db.table(table).count(), `rows in ${table}`).toBe(rows.length);
    }

    // Rows come through unchanged except for what an upgrade step documents.
    expect(await db.tickets.get(101)).toEqual(fixture.tables.tickets![0]);
    expect(await db.runs.get('r1')).toEqual(fixture.tables.runs![0]);
    expect(await db.usage.get(['sf:001Dn00000KkD4qIAF', '2026-10-02'])).toEqual(fixture.tables.usage![1]);

    // v2: domains are lower-case, trimmed and unique, and accounts still validate.
    const acme = await db.accounts.get('sf:001Dn00000KkD4qIAF');
    expect(acme?.domains).toEqual(['acme.com', 'acme.io']);
    expect(await db.accounts.where('domains').equals('acme.io').count()).toBe(1);
    for (const account of await db.accounts.toArray()) expect(Account.safeParse(account).success).toBe(true);

    // Tables added later exist and start empty.
    if (fixture.version < 2) {
      expect(await db.notes.count()).toBe(0);
      expect(await db.pageLinks.count()).toBe(0);
    }

    // v3: every account has a scoring rollup built from its rows, scoring exactly like the rows.
    const accounts = await db.accounts.toArray();
    expect((await db.scoringRollups.toCollection().primaryKeys()).sort()).toEqual(accounts.map((a) => a.id).sort());
    for (const account of accounts) {
      const rows = {
        account,
        usage: fixture.tables.usage!.filter((r) => r.accountId === account.id) as UsageDay[],
        tickets: fixture.tables.tickets!.filter((r) => r.accountId === account.id) as Ticket[],
        nps: fixture.tables.nps!.filter((r) => r.accountId === account.id) as NpsResponse[],
        meetings: fixture.tables.meetings!.filter((r) => r.accountId === account.id) as Meeting[],
      };
      const rollup = await db.scoringRollups.get(account.id);
      expect(rollup?.columns[0]).toBe(rows.usage.length);
      expect(assessAccount({ account, rollup: rollup! }, DEFAULT_SETTINGS, TODAY)).toEqual(assessAccount(rows, DEFAULT_SETTINGS, TODAY));
    }
    expect(assessAccount({ account: accounts[0]!, rollup: (await db.scoringRollups.get(accounts[0]!.id))! }, DEFAULT_SETTINGS, TODAY).computedScore).not.toBeNull();
    db.close();
    await Dexie.delete(name);
  });
});
