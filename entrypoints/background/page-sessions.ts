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
 * Frames whose current document has its session, by `tabId:frameId`. In memory only: it lasts as long as the worker
 * (which sleeps after 30 s without events), and a worker that restarts mid-load at worst injects a session twice,
 * which the newer one's invalidation of the older makes harmless.
 */
const startedFrames = new Set<string>();
const slowLoadTimers = new Map<string, ReturnType<typeof setTimeout>>();
const frameKey = (details: FrameDetails) => `${details.tabId}:${details.frameId}`;

/** A new document in the frame: whatever was started for the previous one no longer counts. */
function forgetFrame(details: FrameDetails): void {
  const key = frameKey(details);
  startedFrames.delete(key);
  clearTimeout(slowLoadTimers.get(key));
  slowLoadTimers.delete(key);
}

/** Injects the session into the frame's current document unless it already has one. Top documents of host pages only. */
export async function startSession(details: FrameDetails): Promise<boolean> {
  const host = hostOfUrl(details.url);
  // parentFrameId -1: the tab's top document (a prerendered one included), not an iframe inside it.
  if (!host || details.parentFrameId !== -1) return false;
  const key = frameKey(details);
  clearTimeout(slowLoadTimers.get(key));
  slowLoadTimers.delete(key);
  if (startedFrames.has(key)) return false;
  startedFrames.add(key);
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

function startAfterSlowLoad(details: FrameDetails): void {
  if (!hostOfUrl(details.url) || details.parentFrameId !== -1) return;
  const key = frameKey(details);
  if (startedFrames.has(key) || slowLoadTimers.has(key)) return;
  slowLoadTimers.set(
    key,
    setTimeout(() => {
      slowLoadTimers.delete(key);
      void startSession(details);
    }, SLOW_LOAD_MS),
  );
}

/** Registers the navigation listeners; call synchronously at worker start so a load that wakes the worker is seen. */
export function setupPageSessions(): void {
  const filters = { url: navigationUrlFilters() };
  browser.webNavigation.onCommitted.addListener(forgetFrame, filters);
  browser.webNavigation.onDOMContentLoaded.addListener(startAfterSlowLoad, filters);
  browser.webNavigation.onCompleted.addListener((details) => void startSession(details), filters);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
  });
}

/** Injects each host's session into the open tabs it matches; a tab that refuses (discarded, closing) is skipped. */
export async function injectIntoOpenTabs(): Promise<void> {
  const jobs = HOST_NAMES.map(async (host) => {
    const tabs = await browser.tabs.query({ url: [...HOST_PAGES[host].matches] });
    const tabIds = tabs.flatMap((tab) => (tab.id === undefined || tab.discarded ? [] : [tab.id]));
    await Promise.allSettled(
      tabIds.map((tabId) => {
        startedFrames.add(`${tabId}:0`);
        return inject(host, { tabId });
      }),
    );
  });
  await Promise.allSettled(jobs);
}
