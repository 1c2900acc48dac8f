/**
 * Opportunities from Salesforce opportunity reports: "Opportunity ID", "Account ID"/"Account Name", "Type",
 * "Amount" (or "Amount (Converted)", preferred: one currency across accounts), "Close Date", "Stage".
 * Type words map to new/renewal/expansion/contraction/churn (Settings.renewalTypeNames name the renewal ones);
 * the stage (or "Won"/"Closed" columns) gives the outcome.
 */
import { toSalesforceId18 } from '../../hosts/salesforce/record-id';
import { Opportunity } from '../../schemas/records';
import { normalizeHeader } from '../fields';
import type { ImportKindSpec, RowProblem } from '../kind-spec';
import { ACCOUNT_REF_FIELDS, ACCOUNT_REF_GROUP, accountRefOf, field } from './shared';

type OpportunityType = Opportunity['type'];

function typeOf(text: string, renewalTypeNames: ReadonlySet<string>): OpportunityType | undefined {
  if (renewalTypeNames.has(text.trim().toLowerCase())) return 'renewal';
  const word = normalizeHeader(text);
  if (/renew|replacement/.test(word)) return 'renewal';
  if (/downgrade|contraction|downsell|reduction/.test(word)) return 'contraction';
  if (/churn|cancel|termination/.test(word)) return 'churn';
  if (/upsell|upgrade|expansion|addon|crosssell/.test(word)) return 'expansion';
  if (/^new|newbusiness|newcustomer|newlogo/.test(word)) return 'new';
  return undefined;
}

export const opportunitiesKind: ImportKindSpec<Opportunity> = {
  kind: 'opportunities',
  fields: {
    opportunityId: field('text', 'Opportunity ID', ['opportunity id', 'opportunityid', 'opportunity_id', 'opp id', 'id']),
    opportunityName: field('text', 'Opportunity name', ['opportunity name', 'opportunity', 'name', 'opp name'], {
      hint: 'without an Opportunity ID, name + account identify it',
    }),
    ...ACCOUNT_REF_FIELDS,
    type: field('text', 'Type', ['type', 'opportunity type', 'opp type'], { required: true }),
    amount: field('number', 'Amount', ['amount converted', 'amount', 'arr', 'value', 'total amount', 'opportunity amount'], { required: true }),
    closeDate: field('date', 'Close date', ['close date', 'closedate', 'expected close date', 'closed date'], { required: true }),
    stage: field('text', 'Stage', ['stage', 'stage name', 'stagename', 'opportunity stage'], { required: true }),
    currency: field('text', 'Currency', ['amount currency', 'currency', 'opportunity currency'], {
      hint: 'only checked: amounts in several currencies need the converted amount',
      collectDistinct: true,
    }),
    won: field('bool', 'Won', ['won', 'is won', 'iswon']),
    closed: field('bool', 'Closed', ['closed', 'is closed', 'isclosed']),
  },
  requiredGroups: [ACCOUNT_REF_GROUP, { label: 'Opportunity ID or Opportunity name', fields: ['opportunityId', 'opportunityName'] }],
  account: 'required',
  schema: Opportunity,
  recordKeys: Object.keys(Opportunity.shape),
  primaryKeyFields: ['id'],
  identityKeys: ['id', 'accountId'],
  indirectKeys: { won: ['outcome'], closed: ['outcome'] },
  defaults: () => ({}),
  build(values, context) {
    const problems: RowProblem[] = [];
    const typeText = values.text('type');
    const type = typeText ? typeOf(typeText, context.renewalTypeNames) : undefined;
    if (typeText && !type) {
      problems.push({ field: 'type', message: `"${typeText}" is not a known opportunity type (new, renewal, expansion, contraction, churn; renewal names are set in Settings)` });
    }
    let amount = values.number('amount');
    // Salesforce often books a contraction or churn as a negative amount; the record keeps the size, `type` the direction.
    if (amount !== undefined && amount < 0 && (type === 'contraction' || type === 'churn')) amount = -amount;
    const stage = values.text('stage');
    const won = values.bool('won');
    const closed = values.bool('closed');
    const stageWord = stage ? normalizeHeader(stage) : '';
    const outcome =
      won === true || /closedwon|^won$/.test(stageWord)
        ? 'won'
        : closed === true || /closedlost|^lost$/.test(stageWord)
          ? 'lost'
          : 'open';
    const rawId = values.text('opportunityId');
    const id18 = rawId?.startsWith('006') ? toSalesforceId18(rawId) : null;
    const draft: Record<string, unknown> = {
      id: id18 ? `sf:${id18}` : rawId ? `ext:${rawId}` : undefined,
      type,
      amount,
      closeDate: values.text('closeDate'),
      stage,
      outcome,
      name: values.text('opportunityName'),
    };
    return { draft, problems, accountRef: accountRefOf(values, undefined) };
  },
  afterLink(draft) {
    draft.id ??= `opp:${String(draft.accountId)}|${String(draft.name ?? '').trim().toLowerCase()}`;
    delete draft.name;
  },
  matchBy: 'primary-key',
  primaryKey: (opportunity) => opportunity.id,
  naturalKeys: (opportunity) => [`id:${opportunity.id}`],
  describeKey: (key) => `opportunity ${key.slice(3)}`,
  fileNotes(distinct, headerOf) {
    const currencies = [...(distinct.get('currency') ?? [])];
    const amountHeader = headerOf('amount') ?? '';
    if (currencies.length < 2 || normalizeHeader(amountHeader).includes('convert')) return [];
    return [
      `Amounts are in ${currencies.length} currencies (${currencies.join(', ')}) and "${amountHeader}" is not converted: ` +
        'totals such as NRR will mix currencies. Export "Amount (Converted)" from Salesforce and map it to Amount.',
    ];
  },
};
