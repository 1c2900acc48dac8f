import { databaseAccountFinder } from '@/lib/db/account-finder';
import { summarizeAccount } from '@/lib/db/account-summary';
import type { SightlineDatabase } from '@/lib/db/database';
import { loadSettings } from '@/lib/db/settings';
import { recordSeenTicket } from '@/lib/db/tickets';
import { CURRENT_SCHEMA_VERSION } from '@/lib/db/versions';
import { matchAccount } from '@/lib/matching/match-account';
import type { Handlers } from '@/lib/messaging/server';

export function createHandlers(db: SightlineDatabase, startedAt: number): Handlers {
  return {
    async lookupAccount(keys) {
      const settings = await loadSettings(db);
      const match = await matchAccount(keys, databaseAccountFinder(db), settings.personalDomains);
      if (match.status === 'no-match') return match;
      return {
        status: 'matched',
        method: match.method,
        matchedOn: match.matchedOn,
        account: await summarizeAccount(db, match.account, settings, new Date()),
      };
    },
    async recordTicket(request) {
      return { recorded: await recordSeenTicket(db, request) };
    },
    async ping() {
      return { startedAt, schemaVersion: CURRENT_SCHEMA_VERSION };
    },
  };
}
