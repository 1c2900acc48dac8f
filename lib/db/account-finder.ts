import type { AccountFinder } from '../matching/match-account';
import type { SightlineDatabase } from './database';

/** Matching's lookups, each one indexed query. */
export function databaseAccountFinder(db: SightlineDatabase): AccountFinder {
  return {
    linkedAccountId: async (pageKey) => (await db.pageLinks.get(pageKey))?.accountId,
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
