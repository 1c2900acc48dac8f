/**
 * The one map of every message to the background: its request and response schemas, and who may send it (the
 * content scripts' part is ./content-protocol.ts, kept apart so their bundles stay light). Both sides validate
 * against it: the background on arrival, the sender on the reply. `from: 'extension-page'` messages
 * (the panel's writes) are refused unless they come from one of the extension's own pages: a content script, and
 * so anything the host page can influence, can only look up and record.
 */
import type { z } from 'zod';
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
import { CONTENT_PROTOCOL, type MessageSpec } from './content-protocol';

export const PROTOCOL = {
  ...CONTENT_PROTOCOL,

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
} as const satisfies Record<string, MessageSpec>;

export type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<Protocol[T]['response']>;

/** Larger requests are refused before parsing: no page key needs more. */
export const MAX_REQUEST_BYTES = 16 * 1024;

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(PROTOCOL, type);
}
