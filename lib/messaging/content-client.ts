/**
 * Sending side for content scripts: only the messages they may send, checked both ways against the content
 * scripts' part of the protocol, so their bundles never build the panel's message schemas.
 */
import { sendChecked } from './checked-send';
import { CONTENT_PROTOCOL, type ContentMessageType, type ContentRequestOf, type ContentResponseOf } from './content-protocol';

export async function sendMessage<T extends ContentMessageType>(type: T, data: ContentRequestOf<T>): Promise<ContentResponseOf<T>> {
  return (await sendChecked(CONTENT_PROTOCOL[type], type, data)) as ContentResponseOf<T>;
}
