import type { AccountFinder } from '../matching/match-account';
import type { SightlineDatabase } from './database';

/**
 * Matching's lookups, each one indexed query. `pageLinks` are the page keys matching will ask about (pageLinkKeys):
 * their remembered choices are read together in one request, on the first question, instead of one after another.
 */
export function databaseAccountFinder(db: SightlineDatabase, pageLinks: readonly string[] = []): AccountFinder {
  let batch: Promise<Map<string, string | undefined>> | undefined;
  const batched = () =>
    (batch ??= db.pageLinks.bulkGet([...pageLinks]).then((links) => new Map(pageLinks.map((key, i) => [key, links[i]?.accountId]))));
  return {
    linkedAccountId: async (pageKey) => {
      const known = await batched();
      return known.has(pageKey) ? known.get(pageKey) : (await db.pageLinks.get(pageKey))?.accountId;
    },
    byId: (id) => db.accounts.get(id),
    bySalesforceId: (id18) => db.accounts.where('sfId').equals(id18).first(),
    byZendeskOrg: (orgId) => db.accounts.where('zendeskOrgId').equals(orgId).first(),
    byContactEmail: async (email) => {
      const contact = await db.contacts.where('email').equals(email).first();
      return contact?.accountId ? db.accounts.get(contact.accountId) : undefined;
    },
    byDomain: (domain) => db.accounts.where('domains').equals(domain).toArray(),
    byName: (name) => db.accounts.where('name').equalsIgnoreCase(name.trim()).toArray(),
  };
}
