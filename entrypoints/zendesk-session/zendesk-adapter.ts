/**
 * Reads the customer behind a Zendesk page with the agent's own session from the same-origin API, and records
 * what a ticket page shows about the ticket (so engagement and first-response data stay fresh without an export).
 */
import { PageReadError, type HostAdapter, type PageRead } from '@/lib/content/page-session';
import { readFirstReplyMinutes, readZendeskResponse, type ZendeskTicketFacts } from '@/lib/hosts/zendesk/api';
import { parseZendeskRoute, zendeskApiPath, type ZendeskRoute } from '@/lib/hosts/zendesk/route';
import { findZendeskAnchor, ZENDESK_TOP_BAR_PX } from '@/lib/hosts/zendesk/selectors';
import { sendMessage } from '@/lib/messaging/content-client';

const API_TIMEOUT_MS = 8000;

const WHAT: Record<ZendeskRoute['kind'], string> = { ticket: 'this ticket', user: 'this user', organization: 'this organization' };

async function getJson(path: string, what: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.any([signal, AbortSignal.timeout(API_TIMEOUT_MS)]),
    });
  } catch {
    if (signal.aborted) throw new PageReadError('cancelled');
    throw new PageReadError(`Can't read ${what}: Zendesk did not answer`);
  }
  if (response.status === 401 || response.status === 403) throw new PageReadError(`Can't read ${what}: sign in to Zendesk again`);
  if (response.status === 404) throw new PageReadError(`Can't read ${what}: not found`);
  if (!response.ok) throw new PageReadError(`Can't read ${what}: Zendesk answered ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new PageReadError(`Can't read ${what}: Zendesk sent something other than JSON`);
  }
}

/** Ticket facts seen on the page, keyed by ticket id, kept until the account is known. */
const seenTickets = new Map<number, ZendeskTicketFacts>();

export const zendeskAdapter: HostAdapter<ZendeskRoute> = {
  host: 'zendesk',
  topBarHeightPx: ZENDESK_TOP_BAR_PX,
  recognize: (url) => parseZendeskRoute(url),
  targetKey: (route) => `${route.kind}:${route.id}`,
  findAnchor: (route) => findZendeskAnchor(route),

  async read(route, signal): Promise<PageRead> {
    const body = await getJson(zendeskApiPath(route), WHAT[route.kind], signal);
    let data;
    try {
      data = readZendeskResponse(route, body);
    } catch {
      throw new PageReadError(`Can't read ${WHAT[route.kind]}: unexpected answer from Zendesk`);
    }
    if (data.ticket) seenTickets.set(data.ticket.zendeskId, data.ticket);
    return { keys: data.keys, label: data.label };
  },

  // The panel's SLA view reads the ticket.
  panelParams: (route): Record<string, string> => (route.kind === 'ticket' ? { ticket: route.id } : {}),

  // A ticket Sightline already holds needs no API read to be matched: asked alongside it.
  known: (route) => (route.kind === 'ticket' ? sendMessage('lookupKnownTicket', { zendeskTicketId: Number(route.id) }) : Promise.resolve(null)),

  async afterMatch(route, match, signal) {
    if (route.kind !== 'ticket') return false;
    const facts = seenTickets.get(Number(route.id));
    if (!facts) return false;
    const metrics = await getJson(`/api/v2/tickets/${route.id}/metrics.json`, WHAT.ticket, signal).catch(() => null);
    let firstReplyMinutes: number | null = null;
    try {
      firstReplyMinutes = metrics === null ? null : readFirstReplyMinutes(metrics);
    } catch {
      firstReplyMinutes = null; // metrics are a bonus; the ticket itself is still worth recording
    }
    const { recorded } = await sendMessage('recordTicket', { accountId: match.account.accountId, ticket: { ...facts, firstReplyMinutes } });
    return recorded;
  },
};
