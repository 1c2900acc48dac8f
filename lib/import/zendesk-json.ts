/**
 * Zendesk's JSON shapes, turned into the same named columns as its CSV export so one header mapping serves both:
 * API-style `tickets.json` (`{tickets:[…], users:[…], organizations:[…], metric_sets:[…]}` with sideloads),
 * the NDJSON incremental/full export (one ticket per line, `metric_set` nested), `organizations.json` and
 * `users.json`.
 */
import type { Cell } from './cell';
import { at, isJsonObject, type JsonObject, toCell } from './json-values';

export interface ZendeskSideloads {
  usersById: Map<string, JsonObject>;
  organizationsById: Map<string, JsonObject>;
  metricSetsByTicketId: Map<string, JsonObject>;
}

export const EMPTY_SIDELOADS: ZendeskSideloads = { usersById: new Map(), organizationsById: new Map(), metricSetsByTicketId: new Map() };

function indexBy(list: unknown, key: string): Map<string, JsonObject> {
  const index = new Map<string, JsonObject>();
  if (Array.isArray(list)) for (const item of list) if (isJsonObject(item) && item[key] != null) index.set(String(item[key]), item);
  return index;
}

export function zendeskSideloads(document: JsonObject): ZendeskSideloads {
  return {
    usersById: indexBy(document.users, 'id'),
    organizationsById: indexBy(document.organizations, 'id'),
    metricSetsByTicketId: indexBy(document.metric_sets, 'ticket_id'),
  };
}

/** A ticket as Zendesk's API and exports write it: numeric id, created_at, status. */
export function isZendeskTicket(value: unknown): value is JsonObject {
  return isJsonObject(value) && typeof value.id === 'number' && typeof value.created_at === 'string' && typeof value.status === 'string';
}

function cell(value: unknown): Cell {
  return toCell(value) ?? null;
}

export function zendeskTicketRow(ticket: JsonObject, sideloads: ZendeskSideloads): Map<string, Cell> {
  const metrics = isJsonObject(ticket.metric_set) ? ticket.metric_set : sideloads.metricSetsByTicketId.get(String(ticket.id));
  const requester = sideloads.usersById.get(String(ticket.requester_id));
  const organization = sideloads.organizationsById.get(String(ticket.organization_id));
  const satisfaction = at(ticket, 'satisfaction_rating', 'score');
  return new Map<string, Cell>([
    ['Id', cell(ticket.id)],
    ['Subject', cell(ticket.subject ?? ticket.raw_subject)],
    ['Status', cell(ticket.status)],
    ['Priority', cell(ticket.priority)],
    ['Created at', cell(ticket.created_at)],
    ['Solved at', cell(at(metrics, 'solved_at') ?? ticket.solved_at)],
    ['Requester email', cell(at(requester, 'email') ?? at(ticket, 'requester', 'email') ?? at(ticket, 'via', 'source', 'from', 'address'))],
    ['Organization id', cell(ticket.organization_id)],
    ['Organization', cell(at(organization, 'name') ?? at(ticket, 'organization', 'name'))],
    ['Satisfaction Score', cell(typeof satisfaction === 'string' ? satisfaction : ticket.satisfaction_rating === null ? 'unoffered' : undefined)],
    ['First reply time in minutes', cell(at(metrics, 'reply_time_in_minutes', 'calendar'))],
  ]);
}

export function zendeskOrganizationRow(organization: JsonObject): Map<string, Cell> {
  return new Map<string, Cell>([
    ['Zendesk Organization ID', cell(organization.id)],
    ['Name', cell(organization.name)],
    ['Domains', cell(organization.domain_names)],
    ['External ID', cell(organization.external_id)],
    ['Created Date', cell(organization.created_at)],
  ]);
}

export function zendeskUserRow(user: JsonObject, sideloads: ZendeskSideloads): Map<string, Cell> {
  return new Map<string, Cell>([
    ['Zendesk User ID', cell(user.id)],
    ['Email', cell(user.email)],
    ['Name', cell(user.name)],
    ['Organization id', cell(user.organization_id)],
    ['Organization', cell(at(sideloads.organizationsById.get(String(user.organization_id)), 'name'))],
  ]);
}
