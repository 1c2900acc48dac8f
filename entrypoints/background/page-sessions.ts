/**
 * Starts Sightline's session in host pages (lib/content/host-pages.ts) by injecting the host's session script into
 * the page's content-script world:
 * - once a host page's top document has loaded (webNavigation.onCompleted, filtered to host pages so other sites
 *   never wake the worker). A page whose load hangs (an image that never answers) gets it when the load ends: a
 *   listener for an earlier event (DOMContentLoaded) measurably delayed every host page's own DOMContentLoaded and
 *   load (bench `page-load`, quiet machine: 1.02–1.14×, against 0.98–1.04× without it);
 * - on install and update, into matching tabs that were already open: the browser reports no load for them, and
 *   after an update their old session is cut off from the extension. A newly injected session invalidates the
 *   orphaned one (both name their context after the host), which then removes its badge and panel: the page ends
 *   with exactly one of each.
 */
import { browser, type Browser } from 'wxt/browser';
import { HOST_NAMES, HOST_PAGES, hostOfUrl, navigationUrlFilters, type HostName } from '@/lib/content/host-pages';

type FrameDetails = Pick<Browser.webNavigation.WebNavigationFramedCallbackDetails, 'tabId' | 'frameId' | 'parentFrameId' | 'url'> & {
  /** Chrome pins the document; Firefox reports none. */
  documentId?: string;
};

function inject(host: HostName, target: Browser.scripting.InjectionTarget): Promise<unknown> {
  return browser.scripting.executeScript({ target, files: [HOST_PAGES[host].sessionScript] });
}

/**
 * Tabs given their session at install or update while their page was still loading, by `tabId:frameId`: the load
 * report that follows must not inject a second one. In memory only: a worker that restarts in between at worst
 * injects a session twice, which the newer one's invalidation of the older makes harmless.
 */
const startedBeforeLoad = new Set<string>();
const frameKey = (details: Pick<FrameDetails, 'tabId' | 'frameId'>) => `${details.tabId}:${details.frameId}`;

/** The load report: a host page's top document gets its session (parentFrameId -1: not an iframe inside it). */
export async function onDocumentLoaded(details: FrameDetails): Promise<boolean> {
  const host = hostOfUrl(details.url);
  if (!host || details.parentFrameId !== -1) return false;
  if (startedBeforeLoad.delete(frameKey(details))) return false;
  const { tabId } = details;
  // documentIds pins the document that loaded (one navigated away meanwhile gets nothing); Firefox has frame ids only.
  const target = details.documentId ? { tabId, documentIds: [details.documentId] } : { tabId, frameIds: [details.frameId] };
  try {
    await inject(host, target);
    return true;
  } catch {
    // The document went away (closed, navigated) before the injection: nothing to show there.
    return false;
  }
}

/** Registers the navigation listeners; call synchronously at worker start so a load that wakes the worker is seen. */
export function setupPageSessions(): void {
  const filters = { url: navigationUrlFilters() };
  browser.webNavigation.onCompleted.addListener((details) => void onDocumentLoaded(details), filters);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
  });
}

/** Injects each host's session into the open tabs it matches; a tab that refuses (discarded, closing) is skipped. */
export async function injectIntoOpenTabs(): Promise<void> {
  const jobs = HOST_NAMES.map(async (host) => {
    const tabs = await browser.tabs.query({ url: [...HOST_PAGES[host].matches] });
    const open = tabs.filter((tab): tab is typeof tab & { id: number } => tab.id !== undefined && !tab.discarded);
    await Promise.allSettled(
      open.map((tab) => {
        // A tab still loading will report its load: that report must not inject a second session.
        if (tab.status === 'loading') startedBeforeLoad.add(frameKey({ tabId: tab.id, frameId: 0 }));
        return inject(host, { tabId: tab.id });
      }),
    );
  });
  await Promise.allSettled(jobs);
}
