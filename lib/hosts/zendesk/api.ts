/**
 * The parts of Zendesk's REST API (v2) that Sightline reads, as documented by Zendesk, and what they tell us:
 * page keys to find the account, and ticket facts to keep engagement and first-response data fresh.
 * Unknown fields are ignored; missing optional ones are tolerated.
 */
import { z } from 'zod';
import type { PageKeys, RecordTicketRequest } from '../../schemas/messages';
import type { ZendeskRoute } from './route';

const ZendeskId = z.number().int().positive();

const ZendeskUser = z.object({
  id: ZendeskId,
  name: z.string().nullish(),
  email: z.string().nullish(),
  organization_id: ZendeskId.nullish(),
});

const ZendeskOrganization = z.object({
  id: ZendeskId,
  name: z.string().nullish(),
  domain_names: z.array(z.string()).nullish(),
  external_id: z.string().nullish(),
});

const ZendeskTicket = z.object({
  id: ZendeskId,
  subject: z.string().nullish(),
  status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).nullish(),
  requester_id: ZendeskId.nullish(),
  organization_id: ZendeskId.nullish(),
  created_at: z.string().datetime({ offset: true }),
  satisfaction_rating: z.object({ score: z.string() }).nullish(),
});

export const TicketResponse = z.object({
  ticket: ZendeskTicket,
  users: z.array(ZendeskUser).default([]),
  organizations: z.array(ZendeskOrganization).default([]),
});
export const UserResponse = z.object({ user: ZendeskUser });
export const OrganizationResponse = z.object({ organization: ZendeskOrganization });
export const TicketMetricsResponse = z.object({
  ticket_metric: z.object({
    reply_time_in_minutes: z.object({ calendar: z.number().nullish(), business: z.number().nullish() }).nullish(),
    solved_at: z.string().nullish(),
  }),
});

/** What a ticket page tells us about the ticket itself (recorded so data stays fresh without an export). */
export type ZendeskTicketFacts = Omit<RecordTicketRequest['ticket'], 'firstReplyMinutes'>;

export interface ZendeskPageData {
  keys: PageKeys | null;
  /** Label for the badge when nothing matches: who the page is about. */
  label: string;
  ticket?: ZendeskTicketFacts;
}

function satisfactionOf(score: string | undefined): ZendeskTicketFacts['satisfaction'] {
  switch (score) {
    case 'good':
      return 'good';
    case 'bad':
      return 'bad';
    case 'offered':
      return 'offered';
    default:
      return 'unoffered';
  }
}

const Email = z.string().email();

function keysFrom(user: z.infer<typeof ZendeskUser> | undefined, org: z.infer<typeof ZendeskOrganization> | undefined): PageKeys | null {
  const email = user?.email && Email.safeParse(user.email).success ? user.email.toLowerCase() : undefined;
  const orgId = org?.id ?? user?.organization_id ?? undefined;
  const keys: PageKeys = {
    ...(orgId ? { zendeskOrgId: String(orgId) } : {}),
    ...(email ? { email } : {}),
    ...(org?.name ? { name: org.name.slice(0, 300) } : {}),
  };
  const domain = org?.domain_names?.[0]?.toLowerCase();
  if (!email && domain && /^([a-z0-9-]+\.)+[a-z]{2,63}$/.test(domain)) keys.domain = domain;
  return Object.keys(keys).length ? keys : null;
}

/** Interprets the API answer for a route; throws a ZodError when the answer is not shaped like Zendesk's. */
export function readZendeskResponse(route: ZendeskRoute, body: unknown): ZendeskPageData {
  switch (route.kind) {
    case 'ticket': {
      const { ticket, users, organizations } = TicketResponse.parse(body);
      const requester = users.find((u) => u.id === ticket.requester_id);
      const org = organizations.find((o) => o.id === ticket.organization_id);
      const keys = keysFrom(requester, org ?? (ticket.organization_id ? { id: ticket.organization_id } : undefined));
      return {
        keys,
        label: org?.name ?? requester?.email ?? `ticket #${ticket.id}`,
        ticket: {
          zendeskId: ticket.id,
          subject: ticket.subject ?? undefined,
          createdAt: Date.parse(ticket.created_at),
          status: ticket.status,
          priority: ticket.priority ?? null,
          satisfaction: satisfactionOf(ticket.satisfaction_rating?.score),
          requesterEmail: requester?.email?.toLowerCase() ?? undefined,
          organizationId: ticket.organization_id ? String(ticket.organization_id) : undefined,
        },
      };
    }
    case 'user': {
      const { user } = UserResponse.parse(body);
      return { keys: keysFrom(user, user.organization_id ? { id: user.organization_id } : undefined), label: user.name ?? user.email ?? 'this user' };
    }
    case 'organization': {
      const { organization } = OrganizationResponse.parse(body);
      return { keys: keysFrom(undefined, organization), label: organization.name ?? 'this organization' };
    }
  }
}

/** First-reply minutes from a ticket's metrics, null while the ticket has no agent reply yet. */
export function readFirstReplyMinutes(body: unknown): number | null {
  const minutes = TicketMetricsResponse.parse(body).ticket_metric.reply_time_in_minutes?.calendar;
  return typeof minutes === 'number' && minutes >= 0 ? minutes : null;
}
