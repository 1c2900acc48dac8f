import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/** The extension's one messenger (envelopes, ids and error transport come from @webext-core/messaging). */
export const messenger = defineExtensionMessaging<ProtocolMap>();
