import { databaseAccountFinder } from '@/lib/db/account-finder';
import { ticketKeys } from '@/lib/db/account-panel';
import { startSummaryReads, summarizeAccount } from '@/lib/db/account-summary';
import type { SightlineDatabase } from '@/lib/db/database';
import { addNote } from '@/lib/db/notes';
import { clearOverride, setOverride } from '@/lib/db/overrides';
import { linkPageKeys, searchAccounts } from '@/lib/db/page-links';
import { addPlaybookRunNote, closePlaybookRun, skipStep, startRun, tickStep, untickStep } from '@/lib/db/playbook-runs';
import { readTemplate } from '@/lib/db/playbook-templates';
import { readTransaction } from '@/lib/db/read-transaction';
import { loadSettings } from '@/lib/db/settings';
import { cachedSettings } from '@/lib/db/settings-cache';
import { recordSeenTicket } from '@/lib/db/tickets';
import { CURRENT_SCHEMA_VERSION } from '@/lib/db/versions';
import { matchAccount } from '@/lib/matching/match-account';
import { MessageRejectedError } from '@/lib/messaging/errors';
import { localDay } from '@/lib/scoring/dates';
import type { LookupAccountResponse, PageKeys } from '@/lib/schemas/messages';
import type { Settings } from '@/lib/schemas/settings';
import type { Handlers } from '@/lib/messaging/server';

/** Who does what the panel asks: the person this browser belongs to (options → settings). */
async function currentUser(db: SightlineDatabase): Promise<string> {
  return (await loadSettings(db)).currentUser;
}

/** Every table a badge lookup reads: the whole lookup is one read transaction. */
function lookupTables(db: SightlineDatabase) {
  return [db.tickets, db.pageLinks, db.accounts, db.contacts, db.scoringRollups, db.usage, db.nps, db.meetings, db.overrides, db.snapshots];
}

/**
 * The account behind a page's keys and the summary the badge shows; call inside a lookupTables transaction.
 * `likelyAccountId` (a stored ticket's account) lets the summary's reads start alongside matching.
 */
async function lookUpKeys(db: SightlineDatabase, keys: PageKeys, settings: Settings, likelyAccountId?: string): Promise<LookupAccountResponse> {
  const now = new Date();
  const early = likelyAccountId ? startSummaryReads(db, likelyAccountId, localDay(now)) : undefined;
  const match = await matchAccount(keys, databaseAccountFinder(db, keys), settings.personalDomains);
  if (match.status === 'no-match') return match;
  return {
    status: 'matched',
    method: match.method,
    matchedOn: match.matchedOn,
    account: await summarizeAccount(db, match.account, settings, now, early),
  };
}

export function createHandlers(db: SightlineDatabase, startedAt: number): Handlers {
  return {
    // Every badge asks: settings come from memory (read before the transaction, which must not wait on anything else).
    async lookupAccount(keys) {
      const settings = await cachedSettings(db);
      return readTransaction(db, lookupTables(db), () => lookUpKeys(db, keys, settings));
    },
    async lookupKnownTicket({ zendeskTicketId }) {
      const settings = await cachedSettings(db);
      return readTransaction(db, lookupTables(db), async () => {
        const ticket = await db.tickets.get(zendeskTicketId);
        const keys = ticket && ticketKeys(ticket);
        if (!keys || Object.keys(keys).length === 0) return { status: 'unknown' as const };
        return lookUpKeys(db, keys, settings, ticket.accountId);
      });
    },
    async recordTicket(request) {
      return { recorded: await recordSeenTicket(db, request) };
    },
    async ping() {
      return { startedAt, schemaVersion: CURRENT_SCHEMA_VERSION };
    },
    async searchAccounts({ query }) {
      const accounts = await searchAccounts(db, query);
      return { accounts: accounts.map((a) => ({ id: a.id, name: a.name, hint: a.domains[0] ?? a.segment ?? '' })) };
    },
    async linkPageKeys({ keys, accountId }) {
      if (!(await db.accounts.get(accountId))) throw new MessageRejectedError(`linkPageKeys: no account "${accountId}"`);
      return { linked: await linkPageKeys(db, keys, accountId) };
    },
    async addNote({ accountId, text, at }) {
      return addNote(db, { accountId, author: await currentUser(db), text }, at);
    },
    async setOverride({ at, ...draft }) {
      const result = await setOverride(db, draft, { settings: await loadSettings(db), at });
      return { issues: result.ok ? [] : result.issues };
    },
    async clearOverride({ accountId }) {
      await clearOverride(db, accountId);
      return { ok: true };
    },
    async startRun({ accountId, templateId, at }) {
      const template = await readTemplate(db, templateId);
      if (!template) throw new MessageRejectedError(`startRun: no playbook "${templateId}"`);
      if (!(await db.accounts.get(accountId))) throw new MessageRejectedError(`startRun: no account "${accountId}"`);
      const result = await startRun(db, { accountId, template, by: await currentUser(db), now: new Date(at) });
      return { outcome: result.outcome, runId: result.outcome === 'suppressed' ? null : result.run.id };
    },
    async tickStep({ runId, stepId, at, note }) {
      return tickStep(db, runId, stepId, { by: await currentUser(db), at, ...(note ? { note } : {}) });
    },
    async untickStep({ runId, stepId, at }) {
      return untickStep(db, runId, stepId, { at });
    },
    async skipStep({ runId, stepId, at, reason }) {
      return skipStep(db, runId, stepId, { by: await currentUser(db), at, reason });
    },
    async addRunNote({ runId, text, at }) {
      return { run: await addPlaybookRunNote(db, runId, { author: await currentUser(db), text, at }) };
    },
    async closeRun({ runId, outcome, nextSteps, at }) {
      return { run: await closePlaybookRun(db, runId, { outcome, nextSteps, by: await currentUser(db), at }) };
    },
  };
}
