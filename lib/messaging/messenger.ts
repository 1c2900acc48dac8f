import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * The extension's one messenger (envelopes, ids and error transport come from @webext-core/messaging). Untyped on
 * purpose: the senders (client.ts, content-client.ts) and the receiver (server.ts) type and validate each message
 * against the protocol maps, and a content script must not depend on the full map, even for types.
 */
export const messenger = defineExtensionMessaging();
