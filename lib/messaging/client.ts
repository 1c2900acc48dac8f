/** Sending side for extension pages (panel, popup, options): every message of the protocol, checked both ways. */
import { sendChecked } from './checked-send';
import { PROTOCOL, type MessageType, type RequestOf, type ResponseOf } from './protocol';

export async function sendMessage<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  return (await sendChecked(PROTOCOL[type], type, data)) as ResponseOf<T>;
}
