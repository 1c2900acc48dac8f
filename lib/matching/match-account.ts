/**
 * Page keys → account. Tries the most specific key first and says how it matched, so the badge can tell the user
 * ("matched by email domain acme.com") and a wrong guess is easy to spot and correct.
 */
import type { MatchMethod, PageKeys } from '../schemas/messages';
import type { Account } from '../schemas/records';
import { toSalesforceId18 } from '../hosts/salesforce/record-id';

/** Where matching looks things up; the database implements it, tests use plain arrays. */
export interface AccountFinder {
  /** The account a user picked earlier for this page key, if any. */
  linkedAccountId(pageKey: string): Promise<string | undefined>;
  byId(id: string): Promise<Account | undefined>;
  bySalesforceId(id18: string): Promise<Account | undefined>;
  byZendeskOrg(orgId: string): Promise<Account | undefined>;
  byContactEmail(email: string): Promise<Account | undefined>;
  byDomain(domain: string): Promise<Account[]>;
  byName(name: string): Promise<Account[]>;
}

export type MatchResult =
  | { status: 'matched'; account: Account; method: MatchMethod; matchedOn: string }
  | { status: 'no-match'; reason: string };

/** The keys under which a user's "this is the right account" choice is remembered, most specific first. */
export function pageLinkKeys(keys: PageKeys): string[] {
  const sfId = keys.sfId ? toSalesforceId18(keys.sfId) : null;
  return [
    sfId && `sf:${sfId}`,
    keys.zendeskOrgId && `zendesk-org:${keys.zendeskOrgId}`,
    keys.email && `email:${keys.email.toLowerCase()}`,
    keys.domain && `domain:${keys.domain.toLowerCase()}`,
    keys.name && `name:${keys.name.toLowerCase()}`,
  ].filter((key): key is string => Boolean(key));
}

export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(at + 1).toLowerCase() : undefined;
}

export async function matchAccount(
  keys: PageKeys,
  finder: AccountFinder,
  personalDomains: readonly string[],
): Promise<MatchResult> {
  for (const pageKey of pageLinkKeys(keys)) {
    const linked = await finder.linkedAccountId(pageKey);
    const account = linked ? await finder.byId(linked) : undefined;
    if (account) return { status: 'matched', account, method: 'chosen', matchedOn: pageKey.slice(pageKey.indexOf(':') + 1) };
  }

  if (keys.sfId) {
    const id18 = toSalesforceId18(keys.sfId);
    if (!id18) return { status: 'no-match', reason: `"${keys.sfId}" is not a valid Salesforce id` };
    const account = await finder.bySalesforceId(id18);
    if (account) return { status: 'matched', account, method: 'sf-id', matchedOn: id18 };
  }

  if (keys.zendeskOrgId) {
    const account = await finder.byZendeskOrg(keys.zendeskOrgId);
    if (account) return { status: 'matched', account, method: 'zendesk-org', matchedOn: keys.zendeskOrgId };
  }

  if (keys.email) {
    const account = await finder.byContactEmail(keys.email.toLowerCase());
    if (account) return { status: 'matched', account, method: 'contact-email', matchedOn: keys.email.toLowerCase() };
  }

  const personal = new Set(personalDomains.map((d) => d.toLowerCase()));
  const domain = (keys.domain ?? (keys.email ? emailDomain(keys.email) : undefined))?.toLowerCase();
  let ambiguity: string | undefined;
  if (domain && !personal.has(domain)) {
    const accounts = await finder.byDomain(domain);
    if (accounts.length === 1) return { status: 'matched', account: accounts[0]!, method: 'email-domain', matchedOn: domain };
    if (accounts.length > 1) ambiguity = `${accounts.length} accounts use the domain ${domain}`;
  }

  if (keys.name) {
    const accounts = await finder.byName(keys.name);
    if (accounts.length === 1) return { status: 'matched', account: accounts[0]!, method: 'name', matchedOn: keys.name };
    if (accounts.length > 1) ambiguity ??= `${accounts.length} accounts are named "${keys.name}"`;
  }

  if (ambiguity) return { status: 'no-match', reason: `${ambiguity}: pick the right one` };
  if (domain && personal.has(domain) && !keys.sfId && !keys.zendeskOrgId && !keys.name) {
    return { status: 'no-match', reason: `${domain} is a personal email domain, so it cannot identify a customer` };
  }
  return { status: 'no-match', reason: 'no account matches this page' };
}
