/**
 * The one message a host page's loader content script sends: "this page has loaded, start its session". Sent
 * through the messenger directly, without content-client's checks: those would bundle Zod into the loader, which
 * runs on every host page before its load event. The background validates it like every other message
 * (`startPageSession` in ./content-protocol.ts).
 */
import { messenger } from './messenger';

export async function requestPageSession(): Promise<void> {
  const send = messenger.sendMessage as (type: 'startPageSession', data: null) => Promise<unknown>;
  await send('startPageSession', null);
}
