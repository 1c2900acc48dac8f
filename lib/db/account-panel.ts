/**
 * Everything the side panel (and the account detail page) shows about one account, read in one pass and validated
 * as the AccountPanel view model. Reads only, so the background can run it inside a Dexie liveQuery and post every
 * new result to the open panels. The panel computes an SLA's time left from the due time with its own clock.
 */
import Dexie from 'dexie';
import type { z } from 'zod';
import { assessJourney } from '../lifecycle/journey';
import { matchAccount } from '../matching/match-account';
import type { PageKeys } from '../schemas/messages';
import { AccountPanel, type ScorePoint } from '../schemas/panel';
import type { Account, Ticket } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { assessAccount } from '../scoring/account-health';
import { addDaysIso, localDay } from '../scoring/dates';
import { TREND_OFFSETS, TREND_TOLERANCE_DAYS } from '../scoring/trend';
import { tierForPlan } from '../sla/tier';
import { databaseAccountFinder } from './account-finder';
import { loadScoringInputs } from './account-summary';
import type { SightlineDatabase } from './database';
import { notesOf } from './notes';
import { readTemplates } from './playbook-templates';
import { runsForAccount } from './playbook-runs';
import { scoreHistory } from './score-history';

/** Days of snapshots behind the sparkline: the span the longest trend (Δ 30 d) may read, so the trend comes from it. */
export const HISTORY_DAYS = Math.max(...TREND_OFFSETS) + TREND_TOLERANCE_DAYS;
/** Notes sent to the panel, newest first; older ones are counted, not sent (the port message stays small). */
export const NOTES_SHOWN = 200;
/** A new override's suggested expiry. */
const DEFAULT_OVERRIDE_DAYS = 30;

export interface PanelRequest {
  accountId: string;
  ticketId?: number;
  keys?: PageKeys;
}

/** The view model, or null when there is no such account (deleted, or a stale link). */
export async function loadAccountPanel(
  db: SightlineDatabase,
  { accountId, ticketId, keys }: PanelRequest,
  settings: Settings,
  now: Date,
): Promise<AccountPanel | null> {
  const account = await db.accounts.get(accountId);
  if (!account) return null;
  const today = localDay(now);
  // The score's inputs as the badge reads them (lib/db/account-summary.ts), so both always agree; the trend's
  // earlier scores come from the sparkline's history, which is kept between runs instead of re-read.
  const [inputs, past, milestones, ticket, runs, templates, notes] = await Promise.all([
    loadScoringInputs(db, account, settings, today),
    scoreHistory(db, accountId, addDaysIso(today, -HISTORY_DAYS), today),
    db.milestones.where('[accountId+key]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey], true, true).toArray(),
    ticketId === undefined ? undefined : db.tickets.get(ticketId),
    runsForAccount(db, accountId),
    readTemplates(db),
    notesOf(db, accountId),
  ]);
  const health = assessAccount({ ...inputs, pastScores: past }, settings, today);
  const history: ScorePoint[] = [...past, { date: today, score: health.computedScore }];
  const openTemplates = new Set(runs.filter((run) => run.status === 'open').map((run) => run.templateId));

  // Typed as the schema's input first, so the engine's types are checked against the view model at compile time.
  const model: z.input<typeof AccountPanel> = {
    account,
    match: await howItMatched(db, account, keys ?? (ticket ? ticketKeys(ticket) : undefined), settings),
    health,
    history,
    journey: assessJourney(account.startDate, milestones, today, settings.targets.timeToValueDays),
    tier: tierForPlan(account.plan, settings),
    ticket:
      ticketId === undefined ? null : ticket ? { status: 'recorded', ticket } : { status: 'not-recorded', zendeskId: ticketId },
    runs,
    startable: templates
      .filter((template) => !openTemplates.has(template.id))
      .map(({ id, name, description }) => ({ id, name, description })),
    notes: notes.slice(0, NOTES_SHOWN),
    olderNotes: Math.max(0, notes.length - NOTES_SHOWN),
    currentUser: settings.currentUser,
    defaultOverrideExpiry: addDaysIso(today, DEFAULT_OVERRIDE_DAYS),
    generatedAt: now.getTime(),
  };
  return AccountPanel.parse(model);
}

/** A recorded ticket's requester and organization: the keys its Zendesk page offers. */
export function ticketKeys(ticket: Ticket): PageKeys | undefined {
  if (!ticket.requesterEmail && !ticket.organizationId) return undefined;
  return {
    ...(ticket.organizationId ? { zendeskOrgId: ticket.organizationId } : {}),
    ...(ticket.requesterEmail?.includes('@') ? { email: ticket.requesterEmail.toLowerCase() } : {}),
  };
}

/** How the page's keys find this account; null when they are unknown or lead elsewhere. */
async function howItMatched(db: SightlineDatabase, account: Account, keys: PageKeys | undefined, settings: Settings) {
  if (!keys || Object.keys(keys).length === 0) return null;
  const match = await matchAccount(keys, databaseAccountFinder(db, keys), settings.personalDomains);
  return match.status === 'matched' && match.account.id === account.id ? { method: match.method, matchedOn: match.matchedOn } : null;
}
