/**
 * Sending side (content scripts, extension pages): validates the request before it leaves and the reply when it
 * arrives, so a caller gets either a well-formed response or an Error that says what went wrong.
 */
import { describeZodError, MessageRejectedError } from './errors';
import { messenger } from './messenger';
import { PROTOCOL, type MessageType, type RequestOf, type ResponseOf } from './protocol';

export async function sendMessage<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  const { request, response } = PROTOCOL[type];
  const outgoing = request.safeParse(data);
  if (!outgoing.success) throw new MessageRejectedError(`${type}: ${describeZodError(outgoing.error)}`);
  // The messenger's generic signature cannot follow T through the mapped protocol type, hence the widening.
  const send = messenger.sendMessage as (type: MessageType, data: unknown) => Promise<unknown>;
  const reply = response.safeParse(await send(type, data));
  if (!reply.success) throw new MessageRejectedError(`${type}: unexpected reply: ${describeZodError(reply.error)}`);
  return reply.data as ResponseOf<T>;
}
