import { describe, expect, it } from 'vitest';
import { matchAccount, type AccountFinder } from '@/lib/matching/match-account';
import type { Account, Contact } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

function account(overrides: Partial<Account> & Pick<Account, 'id' | 'name'>): Account {
  return { domains: [], arr: 1000, startDate: '2025-01-01', status: 'active', ...overrides };
}

const acme = account({ id: 'a1', name: 'Acme Corp', sfId: '001Dn00000KkD4qIAF', zendeskOrgId: '900', domains: ['acme.com'] });
const globex = account({ id: 'a2', name: 'Globex', domains: ['globex.io', 'shared.net'] });
const initech = account({ id: 'a3', name: 'Initech', domains: ['shared.net'] });
const twinA = account({ id: 'a4', name: 'Twin' });
const twinB = account({ id: 'a5', name: 'twin' });

function finder(accounts: Account[], contacts: Contact[] = [], links: Record<string, string> = {}): AccountFinder {
  return {
    linkedAccountId: async (key) => links[key],
    byId: async (id) => accounts.find((a) => a.id === id),
    bySalesforceId: async (id) => accounts.find((a) => a.sfId === id),
    byZendeskOrg: async (id) => accounts.find((a) => a.zendeskOrgId === id),
    byContactEmail: async (email) => accounts.find((a) => a.id === contacts.find((c) => c.email === email)?.accountId),
    byDomain: async (domain) => accounts.filter((a) => a.domains.includes(domain)),
    byName: async (name) => accounts.filter((a) => a.name.toLowerCase() === name.toLowerCase()),
  };
}

const all = finder([acme, globex, initech, twinA, twinB], [
  { id: 'c1', email: 'pat@gmail.com', accountId: 'a2' },
]);
const personal = DEFAULT_SETTINGS.personalDomains;

describe('matchAccount', () => {
  it('matches a 15-character Salesforce id through its 18-character form', async () => {
    const result = await matchAccount({ sfId: '001Dn00000KkD4q' }, all, personal);
    expect(result).toMatchObject({ status: 'matched', method: 'sf-id', matchedOn: '001Dn00000KkD4qIAF' });
    expect(result.status === 'matched' && result.account.id).toBe('a1');
  });

  it('matches an 18-character id typed in the wrong case', async () => {
    const result = await matchAccount({ sfId: '001DN00000KKD4QIAF' }, all, personal);
    expect(result).toMatchObject({ status: 'matched', method: 'sf-id' });
  });

  it('prefers the Zendesk organization over the email domain', async () => {
    const result = await matchAccount({ zendeskOrgId: '900', email: 'x@globex.io' }, all, personal);
    expect(result).toMatchObject({ status: 'matched', method: 'zendesk-org', matchedOn: '900' });
  });

  it('matches a known contact by exact email, even at a personal domain', async () => {
    const result = await matchAccount({ email: 'pat@gmail.com' }, all, personal);
    expect(result).toMatchObject({ status: 'matched', method: 'contact-email' });
    expect(result.status === 'matched' && result.account.id).toBe('a2');
  });

  it('matches by email domain', async () => {
    const result = await matchAccount({ email: 'Someone@ACME.com' }, all, personal);
    expect(result).toMatchObject({ status: 'matched', method: 'email-domain', matchedOn: 'acme.com' });
  });

  it('never matches a personal email domain, even when an account lists it', async () => {
    const withGmail = finder([account({ id: 'g', name: 'Gmail Fan Club', domains: ['gmail.com'] })]);
    const result = await matchAccount({ email: 'someone@gmail.com' }, withGmail, personal);
    expect(result).toEqual({ status: 'no-match', reason: expect.stringContaining('personal email domain') });
  });

  it('refuses to guess when a domain belongs to several accounts', async () => {
    const result = await matchAccount({ domain: 'shared.net' }, all, personal);
    expect(result).toEqual({ status: 'no-match', reason: expect.stringContaining('2 accounts use the domain shared.net') });
  });

  it('matches by name case-insensitively, and refuses when two accounts share it', async () => {
    expect(await matchAccount({ name: 'acme corp' }, all, personal)).toMatchObject({ method: 'name' });
    expect(await matchAccount({ name: 'TWIN' }, all, personal)).toMatchObject({ status: 'no-match' });
  });

  it('uses the account a user picked for this page key before anything else', async () => {
    const linked = finder([acme, globex], [], { 'domain:shared.net': 'a2', 'email:jo@acme.com': 'a2' });
    expect(await matchAccount({ domain: 'shared.net' }, linked, personal)).toMatchObject({ method: 'chosen', matchedOn: 'shared.net' });
    const byEmail = await matchAccount({ email: 'jo@acme.com' }, linked, personal);
    expect(byEmail.status === 'matched' && byEmail.account.id).toBe('a2');
  });

  it('ignores a remembered choice whose account was deleted', async () => {
    const stale = finder([acme], [], { 'zendesk-org:900': 'gone' });
    expect(await matchAccount({ zendeskOrgId: '900' }, stale, personal)).toMatchObject({ method: 'zendesk-org' });
  });

  it('says so when nothing matches', async () => {
    expect(await matchAccount({ email: 'x@unknown.org' }, all, personal)).toEqual({
      status: 'no-match',
      reason: 'no account matches this page',
    });
  });
});
