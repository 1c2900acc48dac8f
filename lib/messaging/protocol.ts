/**
 * The one map of every message to the background: its request and response schemas, and who may send it. Both
 * sides validate against it: the background on arrival, the sender on the reply. `from: 'extension-page'` messages
 * (the panel's writes) are refused unless they come from one of the extension's own pages: a content script, and
 * so anything the host page can influence, can only look up and record.
 */
import { z } from 'zod';
import {
  LookupAccountResponse,
  PageKeys,
  PingResponse,
  RecordTicketRequest,
  RecordTicketResponse,
} from '../schemas/messages';
import {
  AddNoteRequest,
  AddNoteResponse,
  AddRunNoteRequest,
  ClearOverrideRequest,
  CloseRunRequest,
  Done,
  LinkPageKeysRequest,
  LinkPageKeysResponse,
  RunResponse,
  SearchAccountsRequest,
  SearchAccountsResponse,
  SetOverrideRequest,
  SetOverrideResponse,
  SkipStepRequest,
  StartRunRequest,
  StartRunResponse,
  StepRequest,
  StepResponse,
  TickStepRequest,
} from '../schemas/panel-messages';

/** Who may send a message: `content-script` = content scripts and extension pages alike; `extension-page` = only the extension's own pages. */
export type Sender = 'content-script' | 'extension-page';

export const PROTOCOL = {
  /** Find the account behind a host page's keys, with how it matched. */
  lookupAccount: { request: PageKeys, response: LookupAccountResponse, from: 'content-script' },
  /** Keep a ticket seen on a Zendesk page, so first-response and engagement data stay current. */
  recordTicket: { request: RecordTicketRequest, response: RecordTicketResponse, from: 'content-script' },
  /** Liveness and the service worker's start time (tests use it to prove a restart). */
  ping: { request: z.null(), response: PingResponse, from: 'content-script' },

  // The side panel's actions (entrypoints/panel).
  /** Accounts by name, for "no match → pick the right account". */
  searchAccounts: { request: SearchAccountsRequest, response: SearchAccountsResponse, from: 'extension-page' },
  /** Remember the picked account for every key of the page. */
  linkPageKeys: { request: LinkPageKeysRequest, response: LinkPageKeysResponse, from: 'extension-page' },
  addNote: { request: AddNoteRequest, response: AddNoteResponse, from: 'extension-page' },
  /** Set a score override; a refused one comes back with the fields at fault and writes nothing. */
  setOverride: { request: SetOverrideRequest, response: SetOverrideResponse, from: 'extension-page' },
  clearOverride: { request: ClearOverrideRequest, response: Done, from: 'extension-page' },
  /** Start a playbook by hand (kept as it is when one is already open). */
  startRun: { request: StartRunRequest, response: StartRunResponse, from: 'extension-page' },
  tickStep: { request: TickStepRequest, response: StepResponse, from: 'extension-page' },
  untickStep: { request: StepRequest, response: StepResponse, from: 'extension-page' },
  skipStep: { request: SkipStepRequest, response: StepResponse, from: 'extension-page' },
  addRunNote: { request: AddRunNoteRequest, response: RunResponse, from: 'extension-page' },
  closeRun: { request: CloseRunRequest, response: RunResponse, from: 'extension-page' },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType; from: Sender }>;

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
