/**
 * Tabs already open when Sightline is installed or updated have no content script (install) or only the old
 * version's, cut off from the extension (update). The browser injects manifest content scripts only into pages
 * loaded afterwards, so on install and update the background injects them into matching open tabs itself. A
 * re-injected script announces itself and WXT's ContentScriptContext invalidates the orphaned one, which then
 * removes its badge and panel: the page ends with exactly one of each.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/** The manifest's content scripts: which pages each runs on and its files. */
function manifestContentScripts(): { matches: string[]; js: ScriptPublicPath[] }[] {
  return (browser.runtime.getManifest().content_scripts ?? []).map((script) => ({
    matches: script.matches ?? [],
    // Built files named by the manifest itself; WXT's type lists the same paths with a leading slash.
    js: (script.js ?? []).map((file) => `/${file.replace(/^\//, '')}` as ScriptPublicPath),
  }));
}

/** Injects every content script into the open tabs it matches; a tab that refuses (discarded, closing) is skipped. */
export async function injectIntoOpenTabs(): Promise<void> {
  const jobs = manifestContentScripts().map(async ({ matches, js }) => {
    if (!matches.length || !js.length) return;
    const tabs = await browser.tabs.query({ url: matches });
    const tabIds = tabs.flatMap((tab) => (tab.id === undefined || tab.discarded ? [] : [tab.id]));
    await Promise.allSettled(tabIds.map((tabId) => browser.scripting.executeScript({ target: { tabId }, files: js })));
  });
  await Promise.allSettled(jobs);
}

export function setupInjectionOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
  });
}
