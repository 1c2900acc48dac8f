/**
 * Starts Sightline's session in host pages (lib/content/host-pages.ts) by injecting the host's session script into
 * the page's content-script world:
 * - once a host page's top document has loaded (webNavigation.onCompleted, filtered to host pages so other sites
 *   never wake the worker); a page whose load never ends (a hanging image) gets it SLOW_LOAD_MS after its
 *   DOMContentLoaded instead; either way once per document;
 * - on install and update, into matching tabs that were already open: the browser reports no load for them, and
 *   after an update their old session is cut off from the extension. A newly injected session invalidates the
 *   orphaned one (both name their context after the host), which then removes its badge and panel: the page ends
 *   with exactly one of each.
 */
import { browser, type Browser } from 'wxt/browser';
import { HOST_NAMES, HOST_PAGES, hostOfUrl, navigationUrlFilters, type HostName } from '@/lib/content/host-pages';

const SLOW_LOAD_MS = 3000;

type FrameDetails = Pick<Browser.webNavigation.WebNavigationFramedCallbackDetails, 'tabId' | 'frameId' | 'parentFrameId' | 'url'> & {
  /** Chrome pins the document; Firefox reports none. */
  documentId?: string;
};

function inject(host: HostName, target: Browser.scripting.InjectionTarget): Promise<unknown> {
  return browser.scripting.executeScript({ target, files: [HOST_PAGES[host].sessionScript] });
}

/**
 * Top documents between their DOMContentLoaded and their load report, by `tabId:frameId`: `waiting` for the
 * slow-load timer, or `started` (the timer, or the install-time injection, gave them their session before the load
 * ended). An entry ends with the load report; a frame's next document starts over at its own DOMContentLoaded. In
 * memory only: a worker that restarts mid-load at worst injects a session twice, which the newer one's
 * invalidation of the older makes harmless.
 */
const loading = new Map<string, { state: 'waiting'; timer: ReturnType<typeof setTimeout> } | { state: 'started' }>();
const documentKey = (details: FrameDetails) => `${details.tabId}:${details.frameId}`;
/** Top documents of host pages only; parentFrameId -1 is the tab's top document (a prerendered one included). */
const isHostTopDocument = (details: FrameDetails) => details.parentFrameId === -1 && hostOfUrl(details.url) !== null;

/** Injects the session into exactly this document. */
async function injectInto(details: FrameDetails): Promise<boolean> {
  const host = hostOfUrl(details.url);
  if (!host) return false;
  const { tabId } = details;
  const target = details.documentId ? { tabId, documentIds: [details.documentId] } : { tabId, frameIds: [details.frameId] };
  try {
    await inject(host, target);
    return true;
  } catch {
    // The document went away (closed, navigated) before the injection: nothing to show there.
    return false;
  }
}

/** The load report: the document gets its session unless the slow-load timer or the install already gave it one. */
export async function onDocumentLoaded(details: FrameDetails): Promise<boolean> {
  if (!isHostTopDocument(details)) return false;
  const key = documentKey(details);
  const entry = loading.get(key);
  loading.delete(key);
  if (entry?.state === 'waiting') clearTimeout(entry.timer);
  if (entry?.state === 'started') return false;
  return injectInto(details);
}

/** DOMContentLoaded: if the load report has not come SLOW_LOAD_MS later (a hanging image), inject anyway. */
function onDocumentReady(details: FrameDetails): void {
  if (!isHostTopDocument(details)) return;
  const key = documentKey(details);
  const previous = loading.get(key);
  if (previous?.state === 'waiting') clearTimeout(previous.timer);
  const timer = setTimeout(() => {
    loading.set(key, { state: 'started' });
    void injectInto(details);
  }, SLOW_LOAD_MS);
  loading.set(key, { state: 'waiting', timer });
}

/** Registers the navigation listeners; call synchronously at worker start so a load that wakes the worker is seen. */
export function setupPageSessions(): void {
  const filters = { url: navigationUrlFilters() };
  browser.webNavigation.onDOMContentLoaded.addListener(onDocumentReady, filters);
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
        if (tab.status === 'loading') loading.set(`${tab.id}:0`, { state: 'started' });
        return inject(host, { tabId: tab.id });
      }),
    );
  });
  await Promise.allSettled(jobs);
}
