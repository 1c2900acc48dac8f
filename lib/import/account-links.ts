/**
 * Rows of tickets, contacts, usage, NPS, meetings, milestones and opportunities name their account in whatever
 * way their source knows it: a Sightline or Salesforce account id, a Zendesk organization id or name, an email
 * domain. This resolves such a reference against the stored accounts, most specific key first. Personal email
 * domains never link; a name or domain shared by several accounts does not link either (it is reported).
 */
import { toSalesforceId18 } from '../hosts/salesforce/record-id';
import type { Account } from '../schemas/records';
import type { AccountRef } from './kind-spec';

export type LinkableAccount = Pick<Account, 'id' | 'name' | 'domains' | 'sfId' | 'zendeskOrgId' | 'externalId'>;

export interface AccountLinkIndex {
  ids: Set<string>;
  bySfId: Map<string, string>;
  byZendeskOrg: Map<string, string>;
  byExternalId: Map<string, string>;
  byName: Map<string, string[]>;
  byDomain: Map<string, string[]>;
  size: number;
}

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

export function normalizeAccountName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function buildAccountLinkIndex(accounts: Iterable<LinkableAccount>): AccountLinkIndex {
  const index: AccountLinkIndex = {
    ids: new Set(),
    bySfId: new Map(),
    byZendeskOrg: new Map(),
    byExternalId: new Map(),
    byName: new Map(),
    byDomain: new Map(),
    size: 0,
  };
  for (const account of accounts) {
    index.ids.add(account.id);
    index.size++;
    if (account.sfId) index.bySfId.set(account.sfId, account.id);
    if (account.zendeskOrgId) index.byZendeskOrg.set(account.zendeskOrgId, account.id);
    if (account.externalId) index.byExternalId.set(account.externalId, account.id);
    addTo(index.byName, normalizeAccountName(account.name), account.id);
    for (const domain of account.domains) addTo(index.byDomain, domain.toLowerCase(), account.id);
  }
  return index;
}

export type LinkResult =
  | { linked: true; accountId: string; method: 'id' | 'salesforce-id' | 'zendesk-org' | 'external-id' | 'name' | 'domain' }
  | { linked: false; reason: string };

export function linkAccount(ref: AccountRef, index: AccountLinkIndex, personalDomains: ReadonlySet<string>): LinkResult {
  const tried: string[] = [];
  if (ref.key) {
    const key = ref.key.trim();
    if (index.ids.has(key)) return { linked: true, accountId: key, method: 'id' };
    const id18 = toSalesforceId18(key);
    const bySf = id18 ? index.bySfId.get(id18) : undefined;
    if (bySf) return { linked: true, accountId: bySf, method: 'salesforce-id' };
    const byZendesk = index.byZendeskOrg.get(key);
    if (byZendesk) return { linked: true, accountId: byZendesk, method: 'zendesk-org' };
    const byExternal = index.byExternalId.get(key);
    if (byExternal) return { linked: true, accountId: byExternal, method: 'external-id' };
    tried.push(`no account has the id ${key}`);
  }
  if (ref.sfId) {
    const bySf = index.bySfId.get(ref.sfId);
    if (bySf) return { linked: true, accountId: bySf, method: 'salesforce-id' };
    tried.push(`no account has the Salesforce id ${ref.sfId}`);
  }
  if (ref.zendeskOrgId) {
    const byZendesk = index.byZendeskOrg.get(ref.zendeskOrgId);
    if (byZendesk) return { linked: true, accountId: byZendesk, method: 'zendesk-org' };
    tried.push(`no account has the Zendesk organization ${ref.zendeskOrgId}`);
  }
  if (ref.name) {
    const matches = index.byName.get(normalizeAccountName(ref.name)) ?? [];
    if (matches.length === 1) return { linked: true, accountId: matches[0]!, method: 'name' };
    tried.push(matches.length > 1 ? `${matches.length} accounts are named "${ref.name}"` : `no account is named "${ref.name}"`);
  }
  if (ref.domain) {
    const domain = ref.domain.toLowerCase();
    if (personalDomains.has(domain)) tried.push(`${domain} is a personal email domain`);
    else {
      const matches = index.byDomain.get(domain) ?? [];
      if (matches.length === 1) return { linked: true, accountId: matches[0]!, method: 'domain' };
      tried.push(matches.length > 1 ? `${matches.length} accounts use the domain ${domain}` : `no account uses the domain ${domain}`);
    }
  }
  if (tried.length === 0) return { linked: false, reason: 'the row names no account (no account id, organization, name or email)' };
  return { linked: false, reason: tried.join('; ') };
}
