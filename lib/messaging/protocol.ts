/**
 * The one map of every message between content scripts and the background: its request and response schemas.
 * Both sides validate against it: the background on arrival, the sender on the reply.
 */
import { z } from 'zod';
import {
  LookupAccountResponse,
  PageKeys,
  PingResponse,
  RecordTicketRequest,
  RecordTicketResponse,
} from '../schemas/messages';

export const PROTOCOL = {
  /** Find the account behind a host page's keys, with how it matched. */
  lookupAccount: { request: PageKeys, response: LookupAccountResponse },
  /** Keep a ticket seen on a Zendesk page, so first-response and engagement data stay current. */
  recordTicket: { request: RecordTicketRequest, response: RecordTicketResponse },
  /** Liveness and the service worker's start time (tests use it to prove a restart). */
  ping: { request: z.null(), response: PingResponse },
} as const;

export type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<Protocol[T]['response']>;

/** The map in the form @webext-core/messaging types its messenger with. */
export type ProtocolMap = { [T in MessageType]: (data: RequestOf<T>) => ResponseOf<T> };

/** Larger requests are refused before parsing: no page key needs more. */
export const MAX_REQUEST_BYTES = 16 * 1024;

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(PROTOCOL, type);
}
