import { describeZodError, MessageRejectedError } from './errors';
import type { MessageSpec } from './content-protocol';
import { messenger } from './messenger';

/**
 * Validates the request before it leaves and the reply when it arrives, so a caller gets either a well-formed
 * response or an Error that says what went wrong. `spec` is the message's entry in whichever protocol map the
 * caller bundles (a content script bundles only its own part).
 */
export async function sendChecked(spec: Pick<MessageSpec, 'request' | 'response'>, type: string, data: unknown): Promise<unknown> {
  const outgoing = spec.request.safeParse(data);
  if (!outgoing.success) throw new MessageRejectedError(`${type}: ${describeZodError(outgoing.error)}`);
  // The messenger's generic signature cannot follow the type through the mapped protocol type, hence the widening.
  const send = messenger.sendMessage as (type: string, data: unknown) => Promise<unknown>;
  const reply = spec.response.safeParse(await send(type, data));
  if (!reply.success) throw new MessageRejectedError(`${type}: unexpected reply: ${describeZodError(reply.error)}`);
  return reply.data;
}
