/**
 * The messages a content script may send to the background, split from the full protocol (./protocol.ts) so a
 * content script's bundle builds only these few schemas: evaluating the panel's message schemas on every host page
 * load cost the page noticeably. The background validates everything against the full protocol, which includes
 * this one.
 */
import { z } from 'zod';
import {
  LookupAccountResponse,
  LookupTicketRequest,
  LookupTicketResponse,
  PageKeys,
  PingResponse,
  RecordTicketRequest,
  RecordTicketResponse,
} from '../schemas/messages';

/** Who may send a message: `content-script` = content scripts and extension pages alike; `extension-page` = only the extension's own pages. */
export type Sender = 'content-script' | 'extension-page';

export type MessageSpec = { request: z.ZodType; response: z.ZodType; from: Sender };

export const CONTENT_PROTOCOL = {
  /** Find the account behind a host page's keys, with how it matched. */
  lookupAccount: { request: PageKeys, response: LookupAccountResponse, from: 'content-script' },
  /**
   * The account of a Zendesk ticket Sightline already holds (imported or seen before), matched by its stored
   * requester and organization: asked at the same time as the page's API read, so the badge need not wait for it.
   */
  lookupKnownTicket: { request: LookupTicketRequest, response: LookupTicketResponse, from: 'content-script' },
  /** Keep a ticket seen on a Zendesk page, so first-response and engagement data stay current. */
  recordTicket: { request: RecordTicketRequest, response: RecordTicketResponse, from: 'content-script' },
  /** Liveness and the service worker's start time (tests use it to prove a restart). */
  ping: { request: z.null(), response: PingResponse, from: 'content-script' },
} as const satisfies Record<string, MessageSpec>;

export type ContentMessageType = keyof typeof CONTENT_PROTOCOL;
export type ContentRequestOf<T extends ContentMessageType> = z.input<(typeof CONTENT_PROTOCOL)[T]['request']>;
export type ContentResponseOf<T extends ContentMessageType> = z.output<(typeof CONTENT_PROTOCOL)[T]['response']>;
