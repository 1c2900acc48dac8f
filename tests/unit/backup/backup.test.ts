/**
 * Backup and restore: the whole database (every data table, settings, meta) as one JSON file that round-trips
 * byte for byte; restore replaces everything in one transaction; a newer or foreign file is refused untouched.
 */
import Dexie, { type Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFileName, backupFileText, readBackup } from '@/lib/backup/backup-format';
import { countRecords, exportBackup, restoreBackup } from '@/lib/db/backup';
import { DATA_TABLES, SightlineDatabase } from '@/lib/db/database';
import { deleteTemplate, PLAYBOOK_TEMPLATES_KEY, readTemplates, saveTemplate } from '@/lib/db/playbook-templates';
import { saveSettings } from '@/lib/db/settings';
import { CURRENT_SCHEMA_VERSION } from '@/lib/db/versions';
import { runImport } from '@/lib/import/run-import';
import { DEFAULT_PLAYBOOK_TEMPLATES } from '@/lib/playbooks/templates';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { fixtureBlob, NOW } from '../import/helpers';

let db: SightlineDatabase;

beforeEach(async () => {
  db = new SightlineDatabase(`backup-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** Something in every table, as the features write it. */
async function fillEverything(target: SightlineDatabase): Promise<void> {
  for (const file of ['salesforce-accounts.csv', 'zendesk-organizations.json', 'contacts.csv', 'usage.csv', 'zendesk-tickets.csv', 'nps.csv', 'meetings.csv', 'milestones.csv', 'salesforce-opportunities.csv']) {
    await runImport(target, fixtureBlob(file), { fileName: file, now: NOW, skipInvalid: true });
  }
  const ids = (await target.accounts.toCollection().primaryKeys()).map(String);
  await target.snapshots.bulkPut([
    { date: '2025-03-13', computedAt: Date.UTC(2025, 2, 13), accountIds: ids, scores: ids.map((_, i) => (i % 3 === 0 ? -1 : 40 + i * 7)) },
    { date: '2025-03-14', computedAt: Date.UTC(2025, 2, 14), accountIds: ids, scores: ids.map((_, i) => (i % 4 === 0 ? -1 : 45 + i * 8)) },
  ]);
  await target.overrides.put({ accountId: ids[0]!, score: 55, reason: 'Exec escalation', expiresOn: '2025-06-30', locked: true, computedBandAtSet: 'healthy', setBy: 'Jane', setAt: Date.UTC(2025, 2, 1) });
  await target.runs.put({
    id: 'run-1', accountId: ids[0]!, templateId: 'at-risk', templateName: 'At-risk', status: 'open',
    trigger: { kind: 'band-drop', reason: 'Healthy → At Risk', data: { from: 'healthy', to: 'at-risk', score: 62, locked: false, note: null }, at: Date.UTC(2025, 2, 2) },
    steps: [
      { id: 's1', title: 'Identify the drop', dueDate: '2025-03-02', done: { by: 'Jane', at: Date.UTC(2025, 2, 3), note: 'usage fell' } },
      { id: 's2', title: 'Review history', dueDate: '2025-03-05', skipped: { by: 'Jane', at: Date.UTC(2025, 2, 4), reason: 'done last week' } },
    ],
    openedAt: Date.UTC(2025, 2, 2),
  });
  await target.notes.put({ id: 'note-1', accountId: ids[1]!, at: Date.UTC(2025, 2, 5), author: 'Jane', text: 'Renewal call went well — “très bien” 👍' });
  await target.pageLinks.put({ key: 'email:kim.park@gmail.com', accountId: ids[2]!, at: Date.UTC(2025, 2, 6) });
  await saveSettings(target, { ...DEFAULT_SETTINGS, currentUser: 'Jane Doe', weights: { usage: 30, engagement: 30, adoption: 20, relationship: 20 } });
  await target.meta.bulkPut([
    { key: 'rescore:last', value: { date: '2025-03-14', at: Date.UTC(2025, 2, 14), accounts: ids.length } },
    { key: 'demo', value: null },
  ]);
}

async function exportText(target: SightlineDatabase): Promise<string> {
  return backupFileText(await exportBackup(target));
}

describe('export → wipe → restore → export', () => {
  it('gives an identical file', async () => {
    await fillEverything(db);
    for (const table of DATA_TABLES) expect({ table, count: await db.table(table).count() }).not.toEqual({ table, count: 0 });
    const first = await exportText(db);

    db.close();
    await Dexie.delete(db.name);
    db = new SightlineDatabase(db.name);
    await db.open();
    expect(await countRecords(db)).toBe(0);

    const read = readBackup(first, 'backup.json');
    if (!read.ok) throw new Error(read.message);
    await restoreBackup(db, read.backup);
    const second = await exportText(db);
    expect(second).toBe(first);
    expect(JSON.parse(first)).toMatchObject({ format: 'sightline-backup', schemaVersion: CURRENT_SCHEMA_VERSION });
  });

  it('an empty database backs up and restores too', async () => {
    const text = await exportText(db);
    expect(JSON.parse(text)).toEqual({ format: 'sightline-backup', schemaVersion: CURRENT_SCHEMA_VERSION, tables: Object.fromEntries(DATA_TABLES.map((t) => [t, []])), settings: null, meta: [] });
    const read = readBackup(text, 'empty.json');
    expect(read.ok).toBe(true);
  });

  it('restoring into a non-empty database replaces everything', async () => {
    await fillEverything(db);
    const other = new SightlineDatabase(`backup-other-${Math.random()}`);
    await other.open();
    await other.accounts.put({ id: 'ext:ONLY', externalId: 'ONLY', name: 'Only One', domains: [], arr: 1, startDate: '2024-01-01', status: 'active' });
    const small = await exportText(other);
    other.close();
    await Dexie.delete(other.name);

    const read = readBackup(small, 'small.json');
    if (!read.ok) throw new Error(read.message);
    const progress: number[] = [];
    await restoreBackup(db, read.backup, ({ written }) => progress.push(written));
    expect(await db.accounts.toCollection().primaryKeys()).toEqual(['ext:ONLY']);
    expect(await countRecords(db)).toBe(1);
    expect(await db.settings.count()).toBe(0);
    expect(progress.at(-1)).toBe(1);
  });

  it('a restore that fails midway leaves the database as it was', async () => {
    await fillEverything(db);
    const before = await exportText(db);
    const read = readBackup(before, 'backup.json');
    if (!read.ok) throw new Error(read.message);
    const prototype: Table = Object.getPrototypeOf(db.table('tickets'));
    const original = prototype.bulkAdd;
    vi.spyOn(prototype, 'bulkAdd').mockImplementation(function (this: Table, ...args: Parameters<Table['bulkAdd']>) {
      if (this.name === 'tickets') throw new Error('quota exceeded');
      return original.apply(this, args);
    });
    await expect(restoreBackup(db, read.backup)).rejects.toThrow('quota exceeded');
    vi.restoreAllMocks();
    expect(await exportText(db)).toBe(before);
  });
});

describe('playbook templates (stored in meta)', () => {
  async function editTemplates(target: SightlineDatabase): Promise<void> {
    const atRisk = DEFAULT_PLAYBOOK_TEMPLATES[0]!;
    await saveTemplate(target, { ...atRisk, name: 'Save the account', steps: [...atRisk.steps.slice(2), { id: 'step-1', title: 'Call the sponsor', dueOffsetDays: 2 }] });
    await saveTemplate(target, { id: 'custom-qbr', name: 'QBR prep', dueFrom: 'run-start', steps: [{ id: 'deck', title: 'Build the deck', dueOffsetDays: 5 }] });
    await deleteTemplate(target, 'escalation');
  }

  it('round-trip exactly: export → wipe → restore → export, and the editor reads the same templates', async () => {
    await fillEverything(db);
    await editTemplates(db);
    const templatesBefore = await readTemplates(db);
    expect(templatesBefore.map((template) => template.id)).not.toContain('escalation');
    expect(templatesBefore.map((template) => template.id)).toContain('custom-qbr');
    const first = await exportText(db);
    expect(JSON.parse(first).meta.map((row: { key: string }) => row.key)).toContain(PLAYBOOK_TEMPLATES_KEY);

    db.close();
    await Dexie.delete(db.name);
    db = new SightlineDatabase(db.name);
    await db.open();
    expect(await readTemplates(db)).toEqual(DEFAULT_PLAYBOOK_TEMPLATES);

    const read = readBackup(first, 'backup.json');
    if (!read.ok) throw new Error(read.message);
    await restoreBackup(db, read.backup);
    expect(await exportText(db)).toBe(first);
    expect(await readTemplates(db)).toEqual(templatesBefore);
  });

  it('restoring a backup made before any edit brings back the shipped templates', async () => {
    const untouched = await exportText(db);
    await editTemplates(db);
    const read = readBackup(untouched, 'untouched.json');
    if (!read.ok) throw new Error(read.message);
    await restoreBackup(db, read.backup);
    expect(await readTemplates(db)).toEqual(DEFAULT_PLAYBOOK_TEMPLATES);
  });

  it('a backup holding an invalid template is refused, naming it', async () => {
    await editTemplates(db);
    const backup = JSON.parse(await exportText(db)) as { meta: { key: string; value: { steps: unknown[] }[] }[] };
    backup.meta.find((row) => row.key === PLAYBOOK_TEMPLATES_KEY)!.value[1]!.steps = [];
    const read = readBackup(JSON.stringify(backup), 'edited.json');
    expect(read).toEqual({
      ok: false,
      message: 'edited.json cannot be restored: 1 problem found, nothing was changed.',
      problems: [`meta "${PLAYBOOK_TEMPLATES_KEY}", template 2: field "steps": a playbook needs at least one step`],
    });
  });
});

describe('files that are refused', () => {
  it('a backup from a newer schema version', async () => {
    await fillEverything(db);
    const newer = JSON.parse(await exportText(db)) as Record<string, unknown>;
    newer.schemaVersion = CURRENT_SCHEMA_VERSION + 1;
    expect(readBackup(JSON.stringify(newer), 'future.json')).toEqual({
      ok: false,
      message: `future.json was made by a newer version of Sightline (schema version ${CURRENT_SCHEMA_VERSION + 1}; this one reads up to ${CURRENT_SCHEMA_VERSION}). Update Sightline, then restore it.`,
    });
  });

  it.each([
    ['accounts.json', '[{"id":"ext:1","name":"Acme"}]'],
    ['tickets.json', '{"tickets":[{"id":1}]}'],
    ['settings.json', '{"weights":{"usage":40}}'],
  ])('a JSON file that is not a backup (%s)', (name, text) => {
    expect(readBackup(text, name)).toEqual({
      ok: false,
      message: `${name} is not a Sightline backup (it has no "format": "sightline-backup" marker). To load CSV or JSON exports from Salesforce or Zendesk, use Import.`,
    });
  });

  it('a file that is not JSON at all', () => {
    const read = readBackup('Account ID,Account Name\n001,Acme\n', 'accounts.csv');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/^accounts\.csv is not a Sightline backup: it is not valid JSON/);
  });

  it('a backup without a schema version', () => {
    expect(readBackup('{"format":"sightline-backup","tables":{}}', 'x.json')).toEqual({ ok: false, message: 'x.json has no valid schema version, so it cannot be restored safely.' });
  });

  it('a backup with invalid records lists them and restores nothing', async () => {
    await fillEverything(db);
    const backup = JSON.parse(await exportText(db)) as { tables: { accounts: Record<string, unknown>[]; tickets: Record<string, unknown>[] }; settings: Record<string, unknown> };
    backup.tables.accounts[1]!.arr = -10;
    backup.tables.tickets[0]!.status = 'lost';
    backup.settings.weights = { usage: 50, engagement: 50, adoption: 50, relationship: 50 };
    const read = readBackup(JSON.stringify(backup), 'edited.json');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toBe('edited.json cannot be restored: 3 problems found, nothing was changed.');
    expect(read.problems).toEqual([
      'table accounts, record 2: field "arr": Too small: expected number to be >=0',
      expect.stringMatching(/^table tickets, record 1: field "status": Invalid option/),
      'settings: field "weights": weights must add up to 100',
    ]);
  });
});

it('upgrades a backup from schema version 1 (lower-case domains)', () => {
  const v1 = {
    format: 'sightline-backup',
    schemaVersion: 1,
    tables: { accounts: [{ id: 'ext:1', externalId: '1', name: 'Acme', domains: ['Acme.COM', 'acme.com '], arr: 1, startDate: '2024-01-01', status: 'active' }] },
    settings: null,
  };
  const read = readBackup(JSON.stringify(v1), 'v1.json');
  expect(read.ok && read.backup.tables.accounts).toEqual([{ id: 'ext:1', externalId: '1', name: 'Acme', domains: ['acme.com'], arr: 1, startDate: '2024-01-01', status: 'active' }]);
  expect(read.ok && read.backup.tables.notes).toEqual([]);
});

it('names backup files by date', () => {
  expect(backupFileName(new Date('2025-03-14T23:00:00Z'))).toBe('sightline-backup-2025-03-14.json');
});
