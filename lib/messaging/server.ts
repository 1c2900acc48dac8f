/**
 * Receiving side (background). Every request is size-checked and validated before its handler runs, every reply
 * validated before it leaves. Bad messages get an error reply naming the problem; the worker keeps running.
 */
import { serializeError } from '@aklinker1/zero-serialize-error';
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { describeZodError, MessageRejectedError } from './errors';
import { isExtensionPageSender, type SenderInfo } from './sender';
import { messenger } from './messenger';
import {
  isMessageType,
  MAX_REQUEST_BYTES,
  PROTOCOL,
  type MessageType,
  type ParsedRequestOf,
  type ResponseOf,
} from './protocol';

export type Handlers = {
  [T in MessageType]: (request: ParsedRequestOf<T>, sender: Runtime.MessageSender) => Promise<ResponseOf<T>>;
};

/** Refuses a message its sender may not send (PROTOCOL's `from`); throws MessageRejectedError naming it. */
function checkSender(type: MessageType, sender: SenderInfo): void {
  if (PROTOCOL[type].from === 'extension-page' && !isExtensionPageSender(sender)) {
    throw new MessageRejectedError(`${type}: only Sightline's own pages may send this message`);
  }
}

/** Checks one incoming request against the protocol; throws MessageRejectedError with the reason. */
export function parseRequest<T extends MessageType>(type: T, data: unknown): ParsedRequestOf<T> {
  const size = JSON.stringify(data ?? null).length;
  if (size > MAX_REQUEST_BYTES) {
    throw new MessageRejectedError(`${type}: request is ${size} bytes, more than the ${MAX_REQUEST_BYTES} allowed`);
  }
  const parsed = PROTOCOL[type].request.safeParse(data);
  if (!parsed.success) throw new MessageRejectedError(`${type}: ${describeZodError(parsed.error)}`);
  return parsed.data as ParsedRequestOf<T>;
}

/**
 * Registers every handler; call synchronously at service-worker start so no message is missed.
 * Returns a function that removes them all again.
 */
export function registerHandlers(handlers: Handlers): () => void {
  const removers = (Object.keys(PROTOCOL) as MessageType[]).map((type) => register(type, handlers[type]));
  browser.runtime.onMessage.addListener(rejectUnknownMessages);
  return () => {
    removers.forEach((remove) => remove());
    browser.runtime.onMessage.removeListener(rejectUnknownMessages);
  };
}

function register<T extends MessageType>(type: T, handler: Handlers[T]): () => void {
  const onMessage = messenger.onMessage as (
    type: MessageType,
    listener: (message: { data: unknown; sender: Runtime.MessageSender }) => Promise<unknown>,
  ) => () => void;
  return onMessage(type, async ({ data, sender }) => {
    checkSender(type, sender);
    const request = parseRequest(type, data);
    const reply = PROTOCOL[type].response.safeParse(await handler(request, sender));
    if (!reply.success) throw new Error(`${type}: the background produced an invalid reply: ${describeZodError(reply.error)}`);
    return reply.data;
  });
}

/**
 * The messenger ignores messages it has no listener for, which leaves the sender waiting for a reply that never
 * comes. Anything that is not a known protocol message gets an explicit error instead.
 */
function rejectUnknownMessages(message: unknown): Promise<{ err: unknown }> | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  const timestamp = typeof message === 'object' && message !== null ? (message as { timestamp?: unknown }).timestamp : undefined;
  if (isMessageType(type) && typeof timestamp === 'number') return undefined; // the messenger answers it
  const reason = isMessageType(type)
    ? `malformed "${type}" message: it must come through Sightline's messenger`
    : `unknown message type ${JSON.stringify(typeof type === 'string' ? type.slice(0, 100) : type ?? null)}`;
  return Promise.resolve({ err: serializeError(new MessageRejectedError(reason)) });
}
