/**
 * Starts Sightline's session in host pages (lib/content/host-pages.ts): the session script is injected into a
 * page's content-script world
 * - when the page's loader content script asks, once the page has loaded (`startPageSession`);
 * - on install and update, into matching tabs that were already open: the browser runs manifest content scripts
 *   only in pages loaded afterwards, and after an update the old session is cut off from the extension. A newly
 *   injected session invalidates the orphaned one (both name their context after the host), which then removes
 *   its badge and panel: the page ends with exactly one of each.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser, type Browser } from 'wxt/browser';
import { HOST_NAMES, HOST_PAGES, hostOfUrl, type HostName } from '@/lib/content/host-pages';

function inject(host: HostName, target: Browser.scripting.InjectionTarget): Promise<unknown> {
  return browser.scripting.executeScript({ target, files: [HOST_PAGES[host].sessionScript] });
}

/**
 * The handler of `startPageSession`: injects the session for the sender's own page (judged by the sender's URL,
 * never by anything the message says) into exactly the document that asked. Anything else is refused with false.
 */
export async function startSessionFor(sender: Runtime.MessageSender): Promise<boolean> {
  const host = hostOfUrl(sender.url);
  const tabId = sender.tab?.id;
  if (!host || tabId === undefined) return false;
  // documentIds pins the document (a page navigated away meanwhile gets nothing); Firefox has frame ids only.
  const target: Browser.scripting.InjectionTarget = sender.documentId ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [sender.frameId ?? 0] };
  await inject(host, target);
  return true;
}

/** Injects each host's session into the open tabs it matches; a tab that refuses (discarded, closing) is skipped. */
export async function injectIntoOpenTabs(): Promise<void> {
  const jobs = HOST_NAMES.map(async (host) => {
    const tabs = await browser.tabs.query({ url: [...HOST_PAGES[host].matches] });
    const tabIds = tabs.flatMap((tab) => (tab.id === undefined || tab.discarded ? [] : [tab.id]));
    await Promise.allSettled(tabIds.map((tabId) => inject(host, { tabId })));
  });
  await Promise.allSettled(jobs);
}

export function setupInjectionOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
  });
}
