/**
 * Background → content script messages (see lib/schemas/tab-messages.ts). A messenger of its own, so the
 * content scripts never listen to the content-script → background protocol and vice versa.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { describeZodError, MessageRejectedError } from './errors';
import { PanelCommand, PanelCommandResult } from '../schemas/tab-messages';

interface TabProtocolMap {
  panelCommand(data: PanelCommand): PanelCommandResult;
}

const tabMessenger = defineExtensionMessaging<TabProtocolMap>();

/** Sends a panel command to the top frame of a tab; rejects when no Sightline content script runs there. */
export async function sendPanelCommand(tabId: number, command: PanelCommand): Promise<PanelCommandResult> {
  const outgoing = PanelCommand.safeParse(command);
  if (!outgoing.success) throw new MessageRejectedError(`panelCommand: ${describeZodError(outgoing.error)}`);
  const reply = PanelCommandResult.safeParse(await tabMessenger.sendMessage('panelCommand', outgoing.data, { tabId, frameId: 0 }));
  if (!reply.success) throw new MessageRejectedError(`panelCommand: unexpected reply: ${describeZodError(reply.error)}`);
  return reply.data;
}

/** Content-script side: answers panel commands that pass validation. Returns a function that stops listening. */
export function onPanelCommand(handler: (command: PanelCommand) => PanelCommandResult): () => void {
  const stop = tabMessenger.onMessage('panelCommand', ({ data }) => {
    const parsed = PanelCommand.safeParse(data);
    if (!parsed.success) throw new MessageRejectedError(`panelCommand: ${describeZodError(parsed.error)}`);
    return handler(parsed.data);
  });
  return () => {
    // An orphaned content script (the extension was updated, disabled or removed) may have no runtime left to
    // unregister from; its listener went with the old extension, and throwing would land in the host's console.
    if (browser.runtime?.onMessage) stop();
  };
}
