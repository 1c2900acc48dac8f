/** Journey milestones reached (DESIGN.md §3), one per account and milestone, with the date reached. */
import { Milestone, MilestoneKey } from '../../schemas/records';
import { normalizeHeader } from '../fields';
import type { ImportKindSpec, RowProblem } from '../kind-spec';
import { ACCOUNT_REF_FIELDS, ACCOUNT_REF_GROUP, accountRefOf, field, lookupWord } from './shared';

type Key = Milestone['key'];
/** The keys themselves plus the wording of DESIGN.md's journey table. */
const KEYS: Record<string, Key> = {
  ...Object.fromEntries(MilestoneKey.options.map((key) => [normalizeHeader(key), key])),
  welcomesequencesent: 'welcome-sent',
  firstassessmentcompleted: 'first-assessment',
  firstfullassessmentcompleted: 'first-full-assessment',
  firstreportgenerated: 'first-report',
  sharedwithteam: 'shared-with-team',
  regularassessmentupdates: 'regular-assessments',
  moresystemsadded: 'more-systems',
  referral: 'referral-or-case-study',
  casestudy: 'referral-or-case-study',
};

export const milestonesKind: ImportKindSpec<Milestone> = {
  kind: 'milestones',
  fields: {
    ...ACCOUNT_REF_FIELDS,
    key: field('text', 'Milestone', ['milestone', 'key', 'milestone key', 'milestone name'], { required: true }),
    date: field('date', 'Date', ['date', 'date reached', 'achieved on', 'reached on', 'completed at', 'achieved'], { required: true }),
  },
  requiredGroups: [ACCOUNT_REF_GROUP],
  account: 'required',
  schema: Milestone,
  recordKeys: Object.keys(Milestone.shape),
  primaryKeyFields: ['accountId', 'key'],
  identityKeys: ['accountId', 'key'],
  defaults: () => ({}),
  build(values) {
    const problems: RowProblem[] = [];
    const keyText = values.text('key');
    const key = keyText ? lookupWord(keyText, KEYS) : undefined;
    if (keyText && !key) problems.push({ field: 'key', message: `"${keyText}" is not a journey milestone (e.g. welcome-sent, first-assessment, shared-with-team)` });
    return { draft: { key, date: values.text('date') }, problems, accountRef: accountRefOf(values, undefined) };
  },
  matchBy: 'primary-key',
  primaryKey: (milestone) => [milestone.accountId, milestone.key],
  naturalKeys: (milestone) => [`milestone:${milestone.accountId}|${milestone.key}`],
  describeKey: (key) => `milestone ${key.slice(10).replace('|', ' ')}`,
};
