/**
 * The `toggle-panel` keyboard shortcut (declared in wxt.config.ts). Browser commands reach only the background,
 * so it forwards the command to the active tab's content script, which opens or closes the panel when the page
 * shows a customer and otherwise does nothing.
 */
import { browser, type Browser } from 'wxt/browser';
import { sendPanelCommand } from '@/lib/messaging/tab-messaging';

export const TOGGLE_PANEL_COMMAND = 'toggle-panel';

/** What Chrome and Firefox say when the tab has no Sightline content script (not a Zendesk/Salesforce page). */
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

async function togglePanelIn(tab: Browser.tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  try {
    await sendPanelCommand(tabId, { action: 'toggle' });
  } catch (error) {
    if (error instanceof Error && NO_RECEIVER.test(error.message)) return;
    console.warn('Sightline: the panel shortcut failed:', error);
  }
}

export function setupCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_PANEL_COMMAND) void togglePanelIn(tab);
  });
}
