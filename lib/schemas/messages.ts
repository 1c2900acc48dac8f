/**
 * What content scripts may send and what they get back. Content scripts only ever receive these small summaries,
 * never raw records: what the host page could see stays minimal.
 */
import { z } from 'zod';
import { Band, Plan, TierName } from './common';
import { Ticket } from './ticket';

/** Keys a host page offers for finding its customer. At least one must be present. */
export const PageKeys = z
  .object({
    /** Salesforce record id of an Account, 15 or 18 characters. */
    sfId: z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'expected a 15- or 18-character Salesforce id').optional(),
    zendeskOrgId: z.string().regex(/^\d{1,20}$/, 'expected a numeric Zendesk organization id').optional(),
    email: z.string().trim().toLowerCase().email('expected an email address').max(320).optional(),
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,63}$/, 'expected a domain name like acme.com')
      .optional(),
    name: z.string().trim().min(1).max(300).optional(),
  })
  .strict()
  .refine((keys) => Object.values(keys).some((v) => v !== undefined), { message: 'at least one page key is needed' });
export type PageKeys = z.infer<typeof PageKeys>;

/** How an account was found for a page: by Salesforce id, Zendesk organization, a known contact's email,
 * the email's domain, the account name, or the user's own earlier choice for that page key. */
export const MatchMethod = z.enum(['sf-id', 'zendesk-org', 'contact-email', 'email-domain', 'name', 'chosen']);
export type MatchMethod = z.infer<typeof MatchMethod>;

export const AccountSummary = z.object({
  accountId: z.string(),
  name: z.string(),
  /** The score shown: an active override's score, else the computed one; null when there is no data. */
  score: z.number().int().min(0).max(100).nullable(),
  band: Band,
  /** The computed score when an override replaces it. */
  computedScore: z.number().int().min(0).max(100).nullable(),
  overridden: z.boolean(),
  /** Score change against the snapshot 7 and 30 days ago; null when there is no snapshot that old. */
  trend7: z.number().int().nullable(),
  trend30: z.number().int().nullable(),
  /** Some input behind the score is older than the stale-input age. */
  stale: z.boolean(),
  plan: Plan.nullable(),
  tier: TierName.nullable(),
  demo: z.boolean(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const LookupAccountResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('matched'),
    method: MatchMethod,
    /** The page key value that matched (the id, the domain, …), shown in the badge's tooltip. */
    matchedOn: z.string(),
    account: AccountSummary,
  }),
  z.object({ status: z.literal('no-match'), reason: z.string() }),
]);
export type LookupAccountResponse = z.infer<typeof LookupAccountResponse>;

/** A Zendesk ticket page's id, asked about before the page's own API read (see lookupKnownTicket). */
export const LookupTicketRequest = z.object({ zendeskTicketId: z.number().int().positive() }).strict();
/** The account of a ticket Sightline already holds, as lookupAccount answers for its stored keys; `unknown` otherwise. */
export const LookupTicketResponse = z.union([LookupAccountResponse, z.object({ status: z.literal('unknown') })]);
export type LookupTicketResponse = z.infer<typeof LookupTicketResponse>;

export const PingResponse = z.object({ startedAt: z.number(), schemaVersion: z.number().int() });

/** What a Zendesk ticket page showed about its ticket, recorded against the matched account. */
export const RecordTicketRequest = z
  .object({
    accountId: z.string().min(1).max(100),
    ticket: Ticket.pick({
      zendeskId: true,
      subject: true,
      createdAt: true,
      status: true,
      priority: true,
      satisfaction: true,
      requesterEmail: true,
      organizationId: true,
      firstReplyMinutes: true,
    }).strict(),
  })
  .strict();
export type RecordTicketRequest = z.infer<typeof RecordTicketRequest>;
export const RecordTicketResponse = z.object({ recorded: z.boolean() });
