import { toSalesforceId18 } from '../hosts/salesforce/record-id';
import { pageLinkKeys, type AccountFinder } from '../matching/match-account';
import type { PageKeys } from '../schemas/messages';
import type { Account } from '../schemas/records';
import type { SightlineDatabase } from './database';

/**
 * Matching's lookups, each one indexed query. Given the page's `keys`, the lookups matching asks first (remembered
 * choices, Salesforce id, Zendesk organization, contact email) start at once instead of one after another, each only
 * after the one before found nothing: a badge lookup then waits for one round of IndexedDB requests, not four. Those
 * are indexed gets, cheap when unneeded; domain and name lookups (which read several records) still wait their turn.
 */
export function databaseAccountFinder(db: SightlineDatabase, keys?: PageKeys): AccountFinder {
  const pageLinks = keys ? pageLinkKeys(keys) : [];
  let batch: Promise<Map<string, string | undefined>> | undefined;
  const batched = () =>
    (batch ??= db.pageLinks.bulkGet(pageLinks).then((links) => new Map(pageLinks.map((key, i) => [key, links[i]?.accountId]))));
  /** Each lookup's promise by its argument, so a lookup started early is the one matching gets. */
  const started = new Map<string, Promise<Account | undefined>>();
  const once = (lookup: string, arg: string, read: () => Promise<Account | undefined>) => {
    const key = `${lookup}:${arg}`;
    let promise = started.get(key);
    if (!promise) started.set(key, (promise = read()));
    return promise;
  };
  const finder: AccountFinder = {
    linkedAccountId: async (pageKey) => {
      const known = await batched();
      return known.has(pageKey) ? known.get(pageKey) : (await db.pageLinks.get(pageKey))?.accountId;
    },
    byId: (id) => once('id', id, () => db.accounts.get(id)),
    bySalesforceId: (id18) => once('sf', id18, () => db.accounts.where('sfId').equals(id18).first()),
    byZendeskOrg: (orgId) => once('org', orgId, () => db.accounts.where('zendeskOrgId').equals(orgId).first()),
    byContactEmail: (email) =>
      once('email', email, async () => {
        const contact = await db.contacts.where('email').equals(email).first();
        return contact?.accountId ? db.accounts.get(contact.accountId) : undefined;
      }),
    byDomain: (domain) => db.accounts.where('domains').equals(domain).toArray(),
    byName: (name) => db.accounts.where('name').equalsIgnoreCase(name.trim()).toArray(),
  };
  if (keys) {
    // Failures surface where matching awaits these; unawaited ones (matching stopped earlier) must not go unhandled.
    const quiet = (promise: Promise<unknown>) => void promise.catch(() => undefined);
    if (pageLinks.length) quiet(batched());
    const id18 = keys.sfId ? toSalesforceId18(keys.sfId) : null;
    if (id18) quiet(finder.bySalesforceId(id18));
    if (keys.zendeskOrgId) quiet(finder.byZendeskOrg(keys.zendeskOrgId));
    if (keys.email) quiet(finder.byContactEmail(keys.email.toLowerCase()));
  }
  return finder;
}
