/**
 * The backup file: every data table, the settings and the meta rows, with the schema version they were written
 * under. Written deterministically — tables in DATA_TABLES order, records in primary-key order, one record per
 * line, no timestamp inside (the file name carries the date) — so export → wipe → restore → export gives the
 * same bytes, and two backups of the same data compare equal.
 * Reading checks everything before anything is written: the format marker, the schema version (a newer one is
 * refused) and every record against its table's schema.
 */
import { type DataTableName, DATA_TABLES, type MetaRow } from '../db/database';
import { PLAYBOOK_TEMPLATES_KEY } from '../db/playbook-templates';
import { CURRENT_SCHEMA_VERSION } from '../db/versions';
import { PlaybookTemplate } from '../schemas/records';
import { Settings } from '../schemas/settings';
import { TABLE_SCHEMAS } from './table-schemas';

export const BACKUP_FORMAT = 'sightline-backup';

export interface Backup {
  schemaVersion: number;
  /** Records exactly as stored (validated on restore, never reshaped, so a round trip is lossless). */
  tables: Record<DataTableName, unknown[]>;
  /** The stored settings record, or null when the team never saved settings (defaults apply). */
  settings: Settings | null;
  meta: MetaRow[];
}

export type BackupReadResult = { ok: true; backup: Backup } | { ok: false; message: string; problems?: string[] };

/** At most this many record problems are listed; the count says how many there are. */
const MAX_LISTED = 20;

/** The file as parts of text, so a large backup becomes a Blob without one giant string. */
export function backupFileParts(backup: Backup): string[] {
  const parts = [`{"format":${JSON.stringify(BACKUP_FORMAT)},"schemaVersion":${backup.schemaVersion},\n"tables":{`];
  DATA_TABLES.forEach((table, index) => {
    const records = backup.tables[table];
    parts.push(`${index === 0 ? '' : ','}\n${JSON.stringify(table)}:[`);
    records.forEach((record, i) => parts.push(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`));
    parts.push(records.length ? '\n]' : ']');
  });
  parts.push(`\n},\n"settings":${JSON.stringify(backup.settings)},\n"meta":[`);
  backup.meta.forEach((row, i) => parts.push(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`));
  parts.push(backup.meta.length ? '\n]\n}\n' : ']\n}\n');
  return parts;
}

export function backupFileText(backup: Backup): string {
  return backupFileParts(backup).join('');
}

export function backupFileName(date: Date): string {
  return `sightline-backup-${date.toISOString().slice(0, 10)}.json`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.length ? `field "${issue.path.map(String).join('.')}"` : 'record'}: ${issue.message}`).join('; ');
}

/** Backups from earlier schema versions, brought to the current record shapes (mirrors lib/db/versions.ts upgrades). */
function upgradeTables(version: number, tables: Record<DataTableName, unknown[]>): void {
  if (version < 2) {
    // v2 matches accounts on lower-case, de-duplicated domains.
    tables.accounts = tables.accounts.map((account) =>
      isObject(account) && Array.isArray(account.domains)
        ? { ...account, domains: [...new Set(account.domains.map((d) => String(d).trim().toLowerCase()))] }
        : account,
    );
  }
}

/** The team's playbook templates ride in `meta`; a broken one would vanish from the editor, so refuse it here. */
function checkTemplates(value: unknown, note: (problem: string) => void): void {
  if (!Array.isArray(value)) {
    note(`meta "${PLAYBOOK_TEMPLATES_KEY}": expected a list of playbook templates`);
    return;
  }
  value.forEach((template: unknown, index) => {
    const parsed = PlaybookTemplate.safeParse(template);
    if (!parsed.success) note(`meta "${PLAYBOOK_TEMPLATES_KEY}", template ${index + 1}: ${describeIssues(parsed.error)}`);
  });
}

export function readBackup(text: string, fileName: string): BackupReadResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${fileName} is not a Sightline backup: it is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (!isObject(document) || document.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      message: `${fileName} is not a Sightline backup (it has no "format": "${BACKUP_FORMAT}" marker). To load CSV or JSON exports from Salesforce or Zendesk, use Import.`,
    };
  }
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `${fileName} has no valid schema version, so it cannot be restored safely.` };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `${fileName} was made by a newer version of Sightline (schema version ${version}; this one reads up to ${CURRENT_SCHEMA_VERSION}). Update Sightline, then restore it.`,
    };
  }
  if (!isObject(document.tables)) return { ok: false, message: `${fileName} has no "tables" object.` };

  const problems: string[] = [];
  let problemCount = 0;
  const note = (problem: string) => {
    problemCount++;
    if (problems.length < MAX_LISTED) problems.push(problem);
  };
  const tables = {} as Record<DataTableName, unknown[]>;
  for (const table of DATA_TABLES) {
    const records = document.tables[table] ?? [];
    if (!Array.isArray(records)) {
      note(`table ${table}: expected a list of records`);
      tables[table] = [];
    } else tables[table] = records;
  }
  for (const name of Object.keys(document.tables)) {
    if (!(DATA_TABLES as readonly string[]).includes(name)) note(`table ${name}: not a Sightline table`);
  }
  upgradeTables(version, tables);
  for (const table of DATA_TABLES) {
    tables[table].forEach((record, index) => {
      const parsed = TABLE_SCHEMAS[table].safeParse(record);
      if (!parsed.success) note(`table ${table}, record ${index + 1}: ${describeIssues(parsed.error)}`);
    });
  }

  let settings: Settings | null = null;
  if (document.settings !== null && document.settings !== undefined) {
    const parsed = Settings.safeParse(document.settings);
    if (parsed.success) settings = document.settings as Settings;
    else note(`settings: ${describeIssues(parsed.error)}`);
  }

  const meta: MetaRow[] = [];
  const rawMeta = document.meta ?? [];
  if (!Array.isArray(rawMeta)) note('meta: expected a list of rows');
  else {
    rawMeta.forEach((row: unknown, index) => {
      if (isObject(row) && typeof row.key === 'string' && row.key) {
        meta.push({ key: row.key, value: row.value });
        if (row.key === PLAYBOOK_TEMPLATES_KEY) checkTemplates(row.value, note);
      } else note(`meta, row ${index + 1}: expected {"key": "…", "value": …}`);
    });
  }

  if (problemCount > 0) {
    return {
      ok: false,
      message: `${fileName} cannot be restored: ${problemCount} ${problemCount === 1 ? 'problem' : 'problems'} found, nothing was changed.`,
      problems,
    };
  }
  return { ok: true, backup: { schemaVersion: CURRENT_SCHEMA_VERSION, tables, settings, meta } };
}
