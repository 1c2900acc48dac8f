import { deserializeError } from '@aklinker1/zero-serialize-error';
import { browser } from 'wxt/browser';
import type { MessageSpec } from './content-protocol';
import { describeZodError, MessageRejectedError } from './errors';

let nextId = Math.floor(Math.random() * 10_000);

/**
 * Validates the request before it leaves and the reply when it arrives, so a caller gets either a well-formed
 * response or an Error that says what went wrong. `spec` is the message's entry in whichever protocol map the
 * caller bundles (a content script bundles only its own part).
 *
 * The message leaves at once, in the caller's task, in the envelope the background's messenger
 * (@webext-core/messaging, lib/messaging/server.ts) answers: `{ id, type, data, timestamp }` → `{ res }` or `{ err }`.
 * The messenger's own sendMessage sends a microtask later, which at a host page's route change is after the host
 * has done its synchronous routing work: the background then got the badge's lookup 10 ms after the route change
 * instead of 2 ms.
 */
export async function sendChecked(spec: Pick<MessageSpec, 'request' | 'response'>, type: string, data: unknown): Promise<unknown> {
  const outgoing = spec.request.safeParse(data);
  if (!outgoing.success) throw new MessageRejectedError(`${type}: ${describeZodError(outgoing.error)}`);
  const envelope = await browser.runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() });
  const { res, err } = (envelope ?? { err: new Error('No response') }) as { res?: unknown; err?: unknown };
  if (err != null) throw deserializeError(err);
  const reply = spec.response.safeParse(res);
  if (!reply.success) throw new MessageRejectedError(`${type}: unexpected reply: ${describeZodError(reply.error)}`);
  return reply.data;
}
