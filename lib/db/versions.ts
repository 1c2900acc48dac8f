/**
 * The database's schema history. Every version ever shipped stays here, in order, so a browser holding any
 * earlier version upgrades step by step. Add a version; never edit one that shipped.
 * Indexes exist only for what is queried (see the note on each table).
 */
import type { Transaction } from 'dexie';

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
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
