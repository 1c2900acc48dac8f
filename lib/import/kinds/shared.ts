/** Pieces several import kinds share: the columns that name an account, and word → enum lookups. */
import type { FieldSpec } from '../fields';
import { normalizeHeader } from '../fields';
import type { AccountRef, RowValues } from '../kind-spec';
import { normalizeDomain } from '../domains';

export function field(type: FieldSpec['type'], label: string, aliases: readonly string[], extra: Partial<FieldSpec> = {}): FieldSpec {
  return { type, label, aliases, ...extra };
}

/** Columns through which a row names its account (see account-links.ts for how they resolve). */
export const ACCOUNT_REF_FIELDS = {
  accountKey: field('text', 'Account ID', ['account id', 'accountid', 'account_id', 'sightline account id', 'salesforce account id', 'account external id', 'customer id'], {
    hint: 'Sightline, Salesforce or external account id',
  }),
  accountName: field('text', 'Account name', ['account name', 'account', 'organization', 'organization name', 'organization_name', 'company', 'company name', 'customer', 'customer name']),
  organizationId: field('digits', 'Zendesk organization ID', ['organization id', 'organization_id', 'zendesk organization id', 'org id']),
} as const;

export const ACCOUNT_REF_GROUP = {
  label: 'the account (Account ID, Account name or Organization)',
  fields: ['accountKey', 'accountName', 'organizationId'],
} as const;

export function accountRefOf(values: RowValues, emailOrDomain: string | undefined): AccountRef {
  return {
    key: values.text('accountKey'),
    name: values.text('accountName'),
    zendeskOrgId: values.text('organizationId'),
    domain: emailOrDomain ? normalizeDomain(emailOrDomain) : undefined,
  };
}

/** Looks a word up among spellings, ignoring case, spaces and punctuation ("Mid Market" = "mid-market"). */
export function lookupWord<T extends string>(text: string, spellings: Readonly<Record<string, T>>): T | undefined {
  return spellings[normalizeHeader(text)];
}

export function describeNamespacedKey(key: string, names: Readonly<Record<string, string>>): string {
  const colon = key.indexOf(':');
  const namespace = key.slice(0, colon);
  return `${names[namespace] ?? namespace} ${key.slice(colon + 1)}`;
}
