/** Product usage per account and day (logins, assessments, reports, …), keyed by account and date. */
import { UsageDay } from '../../schemas/records';
import type { ImportKindSpec } from '../kind-spec';
import { ACCOUNT_REF_FIELDS, ACCOUNT_REF_GROUP, accountRefOf, field } from './shared';

const COUNTS = ['logins', 'assessments', 'reports', 'activeUsers', 'usersInvited', 'featuresUsed'] as const;

export const usageKind: ImportKindSpec<UsageDay> = {
  kind: 'usage',
  fields: {
    ...ACCOUNT_REF_FIELDS,
    date: field('date', 'Date', ['date', 'day', 'usage date', 'activity date', 'event date'], { required: true }),
    logins: field('int', 'Logins', ['logins', 'login count', 'sessions', 'log ins']),
    assessments: field('int', 'Assessments', ['assessments', 'assessments completed', 'assessment count']),
    reports: field('int', 'Reports', ['reports', 'reports generated', 'report count']),
    activeUsers: field('int', 'Active users', ['active users', 'activeusers', 'users active', 'dau']),
    usersInvited: field('int', 'Users invited', ['users invited', 'usersinvited', 'invited users', 'invites']),
    featuresUsed: field('int', 'Features used', ['features used', 'featuresused', 'distinct features']),
  },
  requiredGroups: [ACCOUNT_REF_GROUP, { label: 'at least one usage count (Logins, Assessments, Reports, …)', fields: COUNTS }],
  account: 'required',
  schema: UsageDay,
  recordKeys: Object.keys(UsageDay.shape),
  primaryKeyFields: ['accountId', 'date'],
  identityKeys: ['accountId', 'date'],
  defaults: (mapped) => Object.fromEntries(COUNTS.filter((count) => !mapped.has(count)).map((count) => [count, 0])),
  build(values) {
    const draft: Record<string, unknown> = { date: values.text('date') };
    for (const count of COUNTS) draft[count] = values.number(count);
    return { draft, problems: [], accountRef: accountRefOf(values, undefined) };
  },
  matchBy: 'primary-key',
  primaryKey: (day) => [day.accountId, day.date],
  naturalKeys: (day) => [`day:${day.accountId}|${day.date}`],
  describeKey: (key) => `account and date ${key.slice(4).replace('|', ' on ')}`,
};
