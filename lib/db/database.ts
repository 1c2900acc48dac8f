/**
 * The Sightline database. Opened only in the extension origin (background, popup, options): a content script
 * that opened it would get the host site's IndexedDB instead, and the side panel, an extension iframe inside a host
 * page, a storage-partitioned one. The panel gets its data from the background (lib/messaging/panel-port.ts).
 * tests/unit/architecture.test.ts fails the build if a content script or the panel imports this folder.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Account,
  Contact,
  HealthSnapshot,
  Meeting,
  Milestone,
  Note,
  NpsResponse,
  Opportunity,
  Override,
  PageLink,
  PlaybookRun,
  ScoringRollup,
  Ticket,
  UsageDay,
} from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { SCHEMA_VERSIONS } from './versions';

export const DATABASE_NAME = 'sightline';

export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/** Small named records that must survive a service-worker restart (job progress, demo marker). */
export interface MetaRow {
  key: string;
  value: unknown;
}

export class SightlineDatabase extends Dexie {
  accounts!: EntityTable<Account, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  usage!: Table<UsageDay, [string, string]>;
  tickets!: EntityTable<Ticket, 'zendeskId'>;
  nps!: EntityTable<NpsResponse, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  milestones!: Table<Milestone, [string, string]>;
  opportunities!: EntityTable<Opportunity, 'id'>;
  snapshots!: EntityTable<HealthSnapshot, 'date'>;
  overrides!: EntityTable<Override, 'accountId'>;
  runs!: EntityTable<PlaybookRun, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  notes!: EntityTable<Note, 'id'>;
  pageLinks!: EntityTable<PageLink, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** Derived from usage, tickets, nps and meetings (lib/db/scoring-rollups.ts); not team data, never in a backup. */
  scoringRollups!: EntityTable<ScoringRollup, 'accountId'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

/** Tables that hold the team's data (everything a backup contains besides settings). */
export const DATA_TABLES = [
  'accounts',
  'contacts',
  'usage',
  'tickets',
  'nps',
  'meetings',
  'milestones',
  'opportunities',
  'snapshots',
  'overrides',
  'runs',
  'notes',
  'pageLinks',
] as const satisfies readonly (keyof SightlineDatabase)[];
export type DataTableName = (typeof DATA_TABLES)[number];

let shared: SightlineDatabase | undefined;

/** The one database connection of this extension context. */
export function getDatabase(): SightlineDatabase {
  shared ??= new SightlineDatabase();
  return shared;
}
