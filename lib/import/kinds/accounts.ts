/**
 * Accounts from Salesforce account reports ("Account ID", "Account Name", "Website", "Account Owner", "Type", …),
 * Zendesk organization exports, or any CSV/JSON with an account id. The Sightline id derives from the natural
 * key — `sf:<18-char id>`, `zd:<organization id>`, `ext:<external id>` — so re-importing updates in place.
 */
import { toSalesforceId18 } from '../../hosts/salesforce/record-id';
import { Account, AccountStatus } from '../../schemas/records';
import type { Segment, Plan } from '../../schemas/common';
import type { ImportKindSpec, RowProblem } from '../kind-spec';
import { describeNamespacedKey, field, lookupWord } from './shared';

const SEGMENTS: Record<string, Segment> = {
  smb: 'SMB', small: 'SMB', smallbusiness: 'SMB', smallmediumbusiness: 'SMB',
  midmarket: 'Mid-Market', mm: 'Mid-Market', mid: 'Mid-Market', midsize: 'Mid-Market', commercial: 'Mid-Market',
  enterprise: 'Enterprise', ent: 'Enterprise', large: 'Enterprise', strategic: 'Enterprise',
};
const PLANS: Record<string, Plan> = {
  free: 'Free', starter: 'Starter', basic: 'Starter', professional: 'Professional', pro: 'Professional', enterprise: 'Enterprise',
};
/** Status or Salesforce account Type words that mean the customer left. */
const CHURNED = /churn|former|cancel|inactive|terminated|lost|closed/i;
/** Sightline ids as this extension writes them (e.g. in its own CSV export). */
const SIGHTLINE_ID = /^(sf|zd|ext|demo-)[:a-z]/i;

export const accountsKind: ImportKindSpec<Account> = {
  kind: 'accounts',
  fields: {
    accountKey: field('text', 'Account ID', ['account id', 'accountid', 'id', 'account_id', 'record id', 'customer id'], {
      hint: 'a Salesforce id (001…) becomes the Salesforce ID, anything else the External ID',
    }),
    id: field('text', 'Sightline ID', ['sightline id', 'sightlineid']),
    sfId: field('sfId', 'Salesforce ID', ['salesforce id', 'salesforce account id', 'sfdc id', 'sf id', 'sfid', 'account id 18', '18 digit account id', 'account id casesafe']),
    zendeskOrgId: field('digits', 'Zendesk organization ID', ['zendesk organization id', 'zendesk org id', 'zendeskorgid', 'organization id', 'organization_id', 'org id']),
    externalId: field('text', 'External ID', ['external id', 'externalid', 'external_id', 'customer number', 'account number']),
    name: field('text', 'Account name', ['account name', 'name', 'company', 'company name', 'customer', 'customer name', 'organization', 'organization name'], { required: true }),
    website: field('domains', 'Website', ['website', 'web site', 'url', 'homepage', 'company website']),
    domains: field('domains', 'Domains', ['domains', 'domain', 'domain names', 'domain_names', 'email domain', 'email domains']),
    owner: field('text', 'Owner', ['account owner', 'owner', 'csm', 'customer success manager', 'account manager', 'owner name', 'account owner name']),
    segment: field('text', 'Segment', ['segment', 'customer segment', 'market segment', 'size segment']),
    plan: field('text', 'Plan', ['plan', 'product tier', 'subscription plan', 'edition', 'package', 'tier']),
    arr: field('number', 'ARR', ['arr', 'arr converted', 'annual recurring revenue', 'current arr', 'arr usd'], { hint: 'no column: 0 for new accounts' }),
    seats: field('int', 'Seats', ['seats', 'licenses', 'licences', 'seat count', 'number of seats', 'users purchased']),
    startDate: field('date', 'Start date', ['start date', 'startdate', 'customer since', 'contract start date', 'onboarding date', 'start', 'created date', 'created at'], {
      hint: 'no column: today for new accounts',
    }),
    renewalDate: field('date', 'Renewal date', ['renewal date', 'renewaldate', 'next renewal date', 'contract end date', 'end date']),
    status: field('text', 'Status', ['status', 'account status', 'customer status', 'type', 'account type'], { hint: 'churned/former/cancelled → churned' }),
    churnDate: field('date', 'Churn date', ['churn date', 'churndate', 'churned date', 'churned on', 'cancellation date']),
    churnReason: field('text', 'Churn reason', ['churn reason', 'churnreason', 'cancellation reason', 'reason for churn']),
  },
  requiredGroups: [
    { label: 'an account id (Account ID, Salesforce ID, Zendesk organization ID, External ID or Sightline ID)', fields: ['accountKey', 'id', 'sfId', 'zendeskOrgId', 'externalId'] },
  ],
  account: 'none',
  schema: Account,
  recordKeys: Object.keys(Account.shape),
  primaryKeyFields: ['id'],
  identityKeys: ['id', 'sfId', 'zendeskOrgId', 'externalId'],
  indirectKeys: { website: ['domains'] },
  defaults: (mapped, context) => ({
    ...(mapped.has('arr') ? {} : { arr: 0 }),
    ...(mapped.has('startDate') ? {} : { startDate: context.today }),
    ...(mapped.has('status') || mapped.has('churnDate') ? {} : { status: 'active' }),
    ...(mapped.has('website') || mapped.has('domains') ? {} : { domains: [] }),
  }),
  build(values, context) {
    const problems: RowProblem[] = [];
    const draft: Record<string, unknown> = {};

    let id = values.text('id');
    let sfId = values.text('sfId');
    let externalId = values.text('externalId');
    const key = values.text('accountKey');
    if (key) {
      const asSalesforce = key.startsWith('001') ? toSalesforceId18(key) : null;
      if (SIGHTLINE_ID.test(key)) id ??= key;
      else if (asSalesforce) sfId ??= asSalesforce;
      else externalId ??= key;
    }
    const zendeskOrgId = values.text('zendeskOrgId');
    id ??= sfId ? `sf:${sfId}` : zendeskOrgId ? `zd:${zendeskOrgId}` : externalId ? `ext:${externalId}` : undefined;
    if (!id) problems.push({ message: 'the row has no account id' });
    Object.assign(draft, { id, sfId, zendeskOrgId, externalId });

    draft.name = values.text('name');
    if (values.isMapped('website') || values.isMapped('domains')) {
      const domains = [...(values.list('website') ?? []), ...(values.list('domains') ?? [])];
      draft.domains = [...new Set(domains)].filter((domain) => !context.personalDomains.has(domain));
    }
    draft.owner = values.text('owner');
    const segmentText = values.text('segment');
    if (segmentText) {
      draft.segment = lookupWord(segmentText, SEGMENTS);
      if (!draft.segment) problems.push({ field: 'segment', message: `"${segmentText}" is not a segment (SMB, Mid-Market, Enterprise)` });
    }
    const planText = values.text('plan');
    if (planText) {
      draft.plan = lookupWord(planText, PLANS);
      if (!draft.plan) problems.push({ field: 'plan', message: `"${planText}" is not a plan (Free, Starter, Professional, Enterprise)` });
    }
    draft.arr = values.number('arr');
    draft.seats = values.number('seats');
    draft.startDate = values.text('startDate');
    draft.renewalDate = values.text('renewalDate');
    draft.churnDate = values.text('churnDate');
    draft.churnReason = values.text('churnReason');
    const statusText = values.text('status');
    if (values.isMapped('status') || values.isMapped('churnDate')) {
      const churned = (statusText !== undefined && CHURNED.test(statusText)) || draft.churnDate !== undefined;
      draft.status = churned ? AccountStatus.enum.churned : AccountStatus.enum.active;
    }
    return { draft, problems };
  },
  matchBy: 'natural-keys',
  primaryKey: (account) => account.id,
  naturalKeys: (account) =>
    [
      `id:${account.id}`,
      account.sfId && `sf:${account.sfId}`,
      account.zendeskOrgId && `zd:${account.zendeskOrgId}`,
      account.externalId && `ext:${account.externalId}`,
    ].filter((key): key is string => Boolean(key)),
  describeKey: (key) => describeNamespacedKey(key, { id: 'Sightline ID', sf: 'Salesforce ID', zd: 'Zendesk organization', ext: 'External ID' }),
};
