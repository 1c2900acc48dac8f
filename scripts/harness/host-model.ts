/**
 * What the fixture hosts know, derived from a Sightline data set: the Zendesk organizations, users and tickets and
 * the Salesforce records a real helpdesk / CRM would hold for the same customers. Pure, so tests can compute the
 * same ids and URLs the server uses (`zendeskTicketUrl`, `lightningRecordUrl`, …) without talking to it.
 *
 * Derivation rules (stable for a given data set):
 * - an account with `zendeskOrgId` is a Zendesk organization with that id, its domains and `external_id` = sfId;
 * - every contact is a Zendesk user (id = `zendeskUserId`, else derived from the email) in its account's organization;
 * - every ticket is a Zendesk ticket; a requester email that is no contact becomes a user of its own;
 * - an account with `sfId` is a Salesforce Account; contacts, opportunities and tickets of such accounts become
 *   Contact / Opportunity / Case records whose Account lookup points at it (ids derived when the data has none).
 */
import { toSalesforceId18 } from '../../lib/hosts/salesforce/record-id';
import type { Account, Contact, Opportunity, Ticket } from '../../lib/schemas/records';

/** Any subset of a portfolio (`generateDemoPortfolio`'s result fits as it is; extra tables are ignored). */
export interface HostDataset {
  accounts?: readonly Account[];
  contacts?: readonly Contact[];
  tickets?: readonly Ticket[];
  opportunities?: readonly Opportunity[];
}

export interface ZendeskOrganization {
  id: number;
  name: string;
  domainNames: string[];
  externalId: string | null;
  createdAt: string;
}

export interface ZendeskUser {
  id: number;
  name: string;
  email: string;
  organizationId: number | null;
  createdAt: string;
}

export interface ZendeskTicket {
  id: number;
  subject: string;
  status: Ticket['status'];
  priority: Ticket['priority'];
  requesterId: number;
  organizationId: number | null;
  createdAt: number;
  solvedAt: number | null;
  firstReplyMinutes: number | null;
  satisfaction: Ticket['satisfaction'];
}

export type SalesforceObject = 'Account' | 'Contact' | 'Opportunity' | 'Case';

export interface SalesforceField {
  label: string;
  value: string;
  /** A lookup field: the 18-character id of the record it links to. */
  lookupId?: string;
}

export interface SalesforceRecord {
  /** Canonical 18-character id. */
  id: string;
  object: SalesforceObject;
  name: string;
  /** The Account this record belongs to (Contact / Opportunity / Case), 18 characters. */
  accountId?: string;
  fields: SalesforceField[];
}

export interface HostModel {
  zendesk: {
    organizations: Map<number, ZendeskOrganization>;
    users: Map<number, ZendeskUser>;
    /** In data-set order, which is the order the dashboard lists them and neighbouring tabs are chosen. */
    tickets: Map<number, ZendeskTicket>;
  };
  salesforce: {
    /** Keyed by 18-character id, in data-set order (accounts first). */
    records: Map<string, SalesforceRecord>;
  };
}

/**
 * Ticket ids whose API answers misbehave, for bad-input tests. They take precedence over data-set tickets and
 * apply to the ticket, metrics, user and organization endpoints alike.
 */
export const MISBEHAVING_IDS = {
  /** 404 `{"error":"RecordNotFound",…}` */
  notFound: 990404,
  /** 500 with a JSON error body */
  serverError: 990500,
  /** 200 with an HTML body (a login page), `content-type: text/html` */
  html: 990200,
  /** no answer until the server's hang bound (default 10 s), then 504 */
  hang: 990408,
} as const;

/** FNV-1a: a stable hash for deriving ids from text. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A plausible, stable 18-character Salesforce id for a record the data set gives no id ('003', '006', '500'). */
export function derivedSalesforceId(prefix: string, key: string): string {
  let h = hash32(`${prefix}:${key}`);
  let tail = '';
  for (let i = 0; i < 6; i++) {
    tail += BASE62[h % 62];
    h = Math.floor(h / 62);
  }
  return toSalesforceId18(`${prefix}5g0000${tail}`)!;
}

/** A stable Zendesk user id for an email that has none (Zendesk ids are large integers). */
export function derivedZendeskUserId(email: string): number {
  return 361_000_000_000 + hash32(email.toLowerCase());
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const isoDate = (date: string) => `${date}T09:00:00Z`;

function nameFromEmail(email: string): string {
  const local = email.slice(0, email.indexOf('@')).replace(/[._-]+/g, ' ').trim();
  return local.replace(/\b\w/g, (c) => c.toUpperCase()) || email;
}

const currency = (amount: number) => `$${Math.round(amount).toLocaleString('en-US')}`;

export function buildHostModel(dataset: HostDataset): HostModel {
  const accounts = dataset.accounts ?? [];
  const accountsById = new Map(accounts.map((a) => [a.id, a]));
  const organizations = new Map<number, ZendeskOrganization>();
  const users = new Map<number, ZendeskUser>();
  const usersByEmail = new Map<string, ZendeskUser>();
  const tickets = new Map<number, ZendeskTicket>();

  for (const account of accounts) {
    if (!account.zendeskOrgId) continue;
    const id = Number(account.zendeskOrgId);
    organizations.set(id, {
      id,
      name: account.name,
      domainNames: [...account.domains],
      externalId: account.sfId ?? account.externalId ?? null,
      createdAt: isoDate(account.startDate),
    });
  }
  const orgOfAccount = (accountId: string | undefined): number | null => {
    const orgId = accountId ? accountsById.get(accountId)?.zendeskOrgId : undefined;
    return orgId ? Number(orgId) : null;
  };
  const addUser = (email: string, fields: Partial<ZendeskUser>): ZendeskUser => {
    const key = email.toLowerCase();
    const existing = usersByEmail.get(key);
    if (existing) return existing;
    const user: ZendeskUser = {
      id: fields.id ?? derivedZendeskUserId(key),
      name: fields.name ?? nameFromEmail(email),
      email: key,
      organizationId: fields.organizationId ?? null,
      createdAt: fields.createdAt ?? '2020-01-01T09:00:00Z',
    };
    users.set(user.id, user);
    usersByEmail.set(key, user);
    return user;
  };

  for (const contact of dataset.contacts ?? []) {
    addUser(contact.email, {
      id: contact.zendeskUserId ? Number(contact.zendeskUserId) : undefined,
      name: contact.name,
      organizationId: orgOfAccount(contact.accountId),
    });
  }

  for (const ticket of dataset.tickets ?? []) {
    const ticketOrg = ticket.organizationId ? Number(ticket.organizationId) : orgOfAccount(ticket.accountId);
    if (ticketOrg !== null && !organizations.has(ticketOrg)) {
      // A ticket may name an organization no account knows: Zendesk still has it, with no domains.
      organizations.set(ticketOrg, { id: ticketOrg, name: `Organization ${ticketOrg}`, domainNames: [], externalId: null, createdAt: iso(ticket.createdAt) });
    }
    const requester = addUser(ticket.requesterEmail ?? `requester-${ticket.zendeskId}@example.com`, {
      organizationId: ticketOrg,
      createdAt: iso(ticket.createdAt),
    });
    tickets.set(ticket.zendeskId, {
      id: ticket.zendeskId,
      subject: ticket.subject ?? `Ticket ${ticket.zendeskId}`,
      status: ticket.status,
      priority: ticket.priority,
      requesterId: requester.id,
      organizationId: ticketOrg ?? requester.organizationId,
      createdAt: ticket.createdAt,
      solvedAt: ticket.solvedAt,
      firstReplyMinutes: ticket.firstReplyMinutes,
      satisfaction: ticket.satisfaction,
    });
  }

  return { zendesk: { organizations, users, tickets }, salesforce: { records: buildSalesforceRecords(dataset, accountsById) } };
}

function buildSalesforceRecords(dataset: HostDataset, accountsById: Map<string, Account>): Map<string, SalesforceRecord> {
  const records = new Map<string, SalesforceRecord>();
  const sfAccount = (accountId: string | undefined) => {
    const account = accountId ? accountsById.get(accountId) : undefined;
    return account?.sfId ? account : undefined;
  };
  // Derived ids are hashes: on the rare collision, derive again from a salted key rather than lose a record.
  const freshId = (prefix: string, key: string) => {
    let id = derivedSalesforceId(prefix, key);
    for (let salt = 1; records.has(id); salt++) id = derivedSalesforceId(prefix, `${key}#${salt}`);
    return id;
  };
  const lookup = (account: Account | undefined): SalesforceField =>
    account?.sfId ? { label: 'Account Name', value: account.name, lookupId: account.sfId } : { label: 'Account Name', value: '' };

  for (const account of dataset.accounts ?? []) {
    if (!account.sfId) continue;
    records.set(account.sfId, {
      id: account.sfId,
      object: 'Account',
      name: account.name,
      fields: [
        { label: 'Account Name', value: account.name },
        { label: 'Account Owner', value: account.owner ?? '' },
        { label: 'Type', value: account.status === 'churned' ? 'Former Customer' : 'Customer - Direct' },
        { label: 'Website', value: account.domains[0] ? `www.${account.domains[0]}` : '' },
        { label: 'Segment', value: account.segment ?? '' },
        { label: 'Plan', value: account.plan ?? '' },
        { label: 'ARR', value: currency(account.arr) },
        { label: 'Customer Since', value: account.startDate },
        { label: 'Renewal Date', value: account.renewalDate ?? '' },
      ],
    });
  }
  for (const contact of dataset.contacts ?? []) {
    const account = sfAccount(contact.accountId);
    const id = contact.sfId ?? freshId('003', contact.id);
    records.set(id, {
      id,
      object: 'Contact',
      name: contact.name ?? nameFromEmail(contact.email),
      accountId: account?.sfId,
      fields: [
        { label: 'Name', value: contact.name ?? nameFromEmail(contact.email) },
        lookup(account),
        { label: 'Title', value: contact.title ?? '' },
        { label: 'Email', value: contact.email },
      ],
    });
  }
  for (const opportunity of dataset.opportunities ?? []) {
    const account = sfAccount(opportunity.accountId);
    if (!account) continue;
    const id = freshId('006', opportunity.id);
    const name = `${account.name} — ${opportunity.type} ${opportunity.closeDate.slice(0, 7)}`;
    records.set(id, {
      id,
      object: 'Opportunity',
      name,
      accountId: account.sfId,
      fields: [
        { label: 'Opportunity Name', value: name },
        lookup(account),
        { label: 'Type', value: opportunity.type },
        { label: 'Amount', value: currency(opportunity.amount) },
        { label: 'Close Date', value: opportunity.closeDate },
        { label: 'Stage', value: opportunity.stage },
      ],
    });
  }
  for (const ticket of dataset.tickets ?? []) {
    const account = sfAccount(ticket.accountId);
    if (!account) continue;
    const id = freshId('500', String(ticket.zendeskId));
    const caseNumber = String(ticket.zendeskId).padStart(8, '0');
    records.set(id, {
      id,
      object: 'Case',
      name: caseNumber,
      accountId: account.sfId,
      fields: [
        { label: 'Case Number', value: caseNumber },
        lookup(account),
        { label: 'Subject', value: ticket.subject ?? '' },
        { label: 'Status', value: ticket.status },
        { label: 'Priority', value: ticket.priority ?? '' },
        { label: 'Contact Email', value: ticket.requesterEmail ?? '' },
      ],
    });
  }
  return records;
}

/** The record an id in a URL names: 15-character ids are case-sensitive, 18-character ids are not. */
export function findSalesforceRecord(model: HostModel, id: string): SalesforceRecord | undefined {
  const id18 = toSalesforceId18(id);
  return id18 ? model.salesforce.records.get(id18) : undefined;
}

// URLs of the fixture pages (the real hosts' URL shapes; Chromium maps the hosts to the fixture server).

export function zendeskUrl(path: string, subdomain = 'acme'): string {
  return `https://${subdomain}.zendesk.com${path}`;
}
export const zendeskTicketUrl = (id: number, subdomain?: string) => zendeskUrl(`/agent/tickets/${id}`, subdomain);
export const zendeskUserUrl = (id: number, subdomain?: string) => zendeskUrl(`/agent/users/${id}`, subdomain);
export const zendeskOrganizationUrl = (id: number, subdomain?: string) => zendeskUrl(`/agent/organizations/${id}`, subdomain);

/**
 * A Lightning record page. `object` omitted gives the short form `/lightning/r/ID/view`. An org subdomain
 * containing "console" (e.g. `acme-console`) gets the console app layout with workspace tabs.
 */
export function lightningRecordUrl(id: string, object?: SalesforceObject, org = 'acme'): string {
  return `https://${org}.lightning.force.com/lightning/r/${object ? `${object}/` : ''}${id}/view`;
}

/** A Salesforce Classic record page (Classic URLs carry the 15-character id). */
export function classicRecordUrl(id: string, org = 'acme'): string {
  return `https://${org}.my.salesforce.com/${id.slice(0, 15)}`;
}
