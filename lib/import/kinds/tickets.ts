/**
 * Zendesk tickets, from the CSV export ("Id", "Requester email", "Organization", "Created at", "Status",
 * "Satisfaction Score", "First reply time in minutes", custom fields as "Name [list]") or the JSON exports
 * (mapped to the same column names by zendesk-json.ts). Keyed by the Zendesk ticket id; linked to an account by
 * organization id, organization name or the requester's email domain; an unlinked ticket is kept and reported.
 */
import { Ticket } from '../../schemas/records';
import type { ImportKindSpec, RowProblem } from '../kind-spec';
import { ACCOUNT_REF_FIELDS, field, lookupWord } from './shared';
import { normalizeDomain } from '../domains';

type Status = Ticket['status'];
type Priority = NonNullable<Ticket['priority']>;
type Satisfaction = Ticket['satisfaction'];

const STATUSES: Record<string, Status> = { new: 'new', open: 'open', pending: 'pending', hold: 'hold', onhold: 'hold', solved: 'solved', closed: 'closed' };
const PRIORITIES: Record<string, Priority> = { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' };
const SATISFACTION: Record<string, Satisfaction> = {
  notoffered: 'unoffered', unoffered: 'unoffered', offered: 'offered',
  good: 'good', goodimsatisfied: 'good', bad: 'bad', badimunsatisfied: 'bad',
};

export const ticketsKind: ImportKindSpec<Ticket> = {
  kind: 'tickets',
  fields: {
    zendeskId: field('int', 'Ticket ID', ['id', 'ticket id', 'ticket_id', 'zendesk id', 'zendeskid', 'ticket number'], { required: true }),
    subject: field('text', 'Subject', ['subject', 'ticket subject', 'title']),
    status: field('text', 'Status', ['status', 'ticket status'], { required: true }),
    priority: field('text', 'Priority', ['priority']),
    createdAt: field('datetime', 'Created at', ['created at', 'created_at', 'createdat', 'created', 'date created', 'ticket created'], { required: true }),
    solvedAt: field('datetime', 'Solved at', ['solved at', 'solved_at', 'solvedat', 'resolved at', 'date solved']),
    satisfaction: field('text', 'Satisfaction', ['satisfaction score', 'satisfaction', 'satisfaction rating', 'satisfaction_rating.score', 'csat']),
    firstReplyMinutes: field('number', 'First reply (minutes)', ['first reply time in minutes', 'first reply time', 'firstreplyminutes', 'reply time in minutes']),
    requesterEmail: field('email', 'Requester email', ['requester email', 'requester_email', 'requesteremail', 'email']),
    requesterDomain: field('text', 'Requester domain', ['requester domain', 'requester_domain']),
    ...ACCOUNT_REF_FIELDS,
  },
  requiredGroups: [],
  account: 'optional',
  schema: Ticket,
  recordKeys: Object.keys(Ticket.shape),
  primaryKeyFields: ['zendeskId'],
  identityKeys: ['zendeskId', 'accountId'],
  defaults: (mapped) => ({
    ...(mapped.has('satisfaction') ? {} : { satisfaction: 'unoffered' }),
    ...(mapped.has('firstReplyMinutes') ? {} : { firstReplyMinutes: null }),
    ...(mapped.has('solvedAt') ? {} : { solvedAt: null }),
    ...(mapped.has('priority') ? {} : { priority: null }),
  }),
  build(values) {
    const problems: RowProblem[] = [];
    const statusText = values.text('status');
    const status = statusText ? lookupWord(statusText, STATUSES) : undefined;
    if (statusText && !status) problems.push({ field: 'status', message: `"${statusText}" is not a ticket status (new, open, pending, on-hold, solved, closed)` });
    const priorityText = values.text('priority');
    const priority = priorityText && priorityText !== '-' ? lookupWord(priorityText, PRIORITIES) : undefined;
    if (priorityText && priorityText !== '-' && !priority) problems.push({ field: 'priority', message: `"${priorityText}" is not a priority (low, normal, high, urgent)` });
    const satisfactionText = values.text('satisfaction');
    const satisfaction = satisfactionText ? lookupWord(satisfactionText, SATISFACTION) : 'unoffered';
    if (!satisfaction) problems.push({ field: 'satisfaction', message: `"${satisfactionText}" is not a satisfaction score (Not Offered, Offered, Good, Bad)` });
    const email = values.text('requesterEmail');
    const draft: Record<string, unknown> = {
      zendeskId: values.number('zendeskId'),
      requesterEmail: email,
      organizationId: values.text('organizationId'),
      subject: values.text('subject'),
      createdAt: values.number('createdAt'),
      firstReplyMinutes: values.number('firstReplyMinutes') ?? null,
      solvedAt: values.number('solvedAt') ?? null,
      status,
      priority: priority ?? null,
      satisfaction,
    };
    const domainText = values.text('requesterDomain') ?? email;
    return {
      draft,
      problems,
      accountRef: {
        key: values.text('accountKey'),
        zendeskOrgId: values.text('organizationId'),
        name: values.text('accountName'),
        domain: domainText ? normalizeDomain(domainText) : undefined,
      },
    };
  },
  matchBy: 'primary-key',
  primaryKey: (ticket) => ticket.zendeskId,
  naturalKeys: (ticket) => [`ticket:${ticket.zendeskId}`],
  describeKey: (key) => `ticket ${key.slice(7)}`,
};
