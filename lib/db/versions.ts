/**
 * The database's schema history. Every version ever shipped stays here, in order, so a browser holding any
 * earlier version upgrades step by step. Add a version; never edit one that shipped.
 * Indexes exist only for what is queried (see the note on each table).
 */
import type { Transaction } from 'dexie';
import { rebuildAllRollups } from './scoring-rollups';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Rewrites rows of the previous version into this version's shape, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // accounts: matched by Salesforce id, Zendesk org, external id (imports), email domain and name.
      accounts: 'id, sfId, zendeskOrgId, externalId, *domains, name',
      contacts: 'id, accountId, email',
      usage: '[accountId+date]',
      tickets: 'zendeskId, accountId, createdAt',
      nps: 'id, accountId, date',
      meetings: 'id, accountId',
      milestones: '[accountId+key]',
      opportunities: 'id, accountId, closeDate',
      snapshots: 'date',
      overrides: 'accountId',
      runs: 'id, [accountId+templateId], status',
      settings: 'key',
    },
  },
  {
    // v2: the side panel's notes timeline, remembered "pick the right account" choices, and job state
    // (rescoring progress, demo marker) that must outlive a service-worker restart.
    version: 2,
    stores: {
      notes: 'id, accountId',
      pageLinks: 'key',
      meta: 'key',
    },
    upgrade: async (tx) => {
      // v1 kept account domains as typed; v2 matches on lower-case domains only.
      await tx
        .table('accounts')
        .toCollection()
        .modify((account: { domains?: string[] }) => {
          account.domains = [...new Set((account.domains ?? []).map((d) => d.trim().toLowerCase()))];
        });
    },
  },
  {
    // v3: one scoring rollup per account (lib/scoring/rollup.ts), derived from usage, tickets, NPS and meetings, so
    // rescoring reads one record per account. Built here for the data already stored.
    version: 3,
    stores: {
      scoringRollups: 'accountId',
    },
    upgrade: async (tx) => {
      await rebuildAllRollups({
        accounts: tx.table('accounts'),
        usage: tx.table('usage'),
        tickets: tx.table('tickets'),
        nps: tx.table('nps'),
        meetings: tx.table('meetings'),
        scoringRollups: tx.table('scoringRollups'),
      });
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
