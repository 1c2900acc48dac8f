/**
 * Issue 5: the background injects a host page's session script once the page's top document has loaded — into
 * exactly that document, once, and only on Zendesk and Salesforce pages —, and on install and update into the
 * matching tabs already open.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebNavigation } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectIntoOpenTabs, setupPageSessions } from '@/entrypoints/background/page-sessions';
import { navigationUrlFilters } from '@/lib/content/host-pages';

const executeScript = vi.fn(async () => []);
/** Each test uses its own tab ids: which documents have a session is the worker's memory, kept across tests. */
let nextTabId = 1;

beforeAll(() => {
  fakeBrowser.reset();
  setupPageSessions();
});

beforeEach(() => {
  executeScript.mockClear();
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(executeScript);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const ZENDESK_TICKET = 'https://acme.zendesk.com/agent/tickets/101';
const LIGHTNING_ACCOUNT = 'https://acme.lightning.force.com/lightning/r/Account/001xx000003DGb2AAG/view';

/** A frame's navigation details; without `documentId` as Firefox reports them (its types claim it is always there). */
function frame(url: string, extra: { frameId?: number; parentFrameId?: number; documentId?: string; tabId?: number } = {}) {
  return {
    tabId: extra.tabId ?? nextTabId++,
    frameId: extra.frameId ?? 0,
    parentFrameId: extra.parentFrameId ?? -1,
    url,
    timeStamp: Date.now(),
    ...(extra.documentId ? { documentId: extra.documentId } : {}),
  } as WebNavigation.OnCompletedDetailsType;
}

async function completed(details: ReturnType<typeof frame>): Promise<void> {
  await fakeBrowser.webNavigation.onCompleted.trigger(details);
  await vi.waitFor(() => undefined);
}

describe('a host page that has loaded', () => {
  it('gets the Zendesk session in exactly the document that loaded', async () => {
    const page = frame(ZENDESK_TICKET, { documentId: 'doc-1' });
    await completed(page);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: page.tabId, documentIds: ['doc-1'] }, files: ['/zendesk-session.js'] });
  });

  it('gets the Salesforce session by frame where the browser reports no document id', async () => {
    const page = frame(LIGHTNING_ACCOUNT);
    await completed(page);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: page.tabId, frameIds: [0] }, files: ['/salesforce-session.js'] });
  });

  it.each([
    ['another site', frame('https://example.com/agent/tickets/101')],
    ['a look-alike host', frame('https://acme.zendesk.com.evil.example/agent/tickets/101')],
    ['plain http', frame('http://acme.zendesk.com/agent/tickets/101')],
    ['an iframe inside a host page', frame(ZENDESK_TICKET, { frameId: 5, parentFrameId: 0 })],
  ])('injects nothing into %s', async (_what, details) => {
    await completed(details);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('injects into each document the tab loads', async () => {
    const page = frame(ZENDESK_TICKET, { documentId: 'doc-a' });
    await completed(page);
    await completed({ ...page, documentId: 'doc-b' });
    expect(executeScript.mock.calls).toEqual([
      [{ target: { tabId: page.tabId, documentIds: ['doc-a'] }, files: ['/zendesk-session.js'] }],
      [{ target: { tabId: page.tabId, documentIds: ['doc-b'] }, files: ['/zendesk-session.js'] }],
    ]);
  });
});

describe('navigation filters', () => {
  it('wake the worker for the host pages only', () => {
    expect(navigationUrlFilters()).toEqual([{ hostSuffix: '.zendesk.com' }, { hostSuffix: '.lightning.force.com' }, { hostSuffix: '.my.salesforce.com' }]);
  });
});

describe('injectIntoOpenTabs', () => {
  it('injects each host session into its open tabs and skips discarded ones; a tab still loading gets no second one', async () => {
    const [zendesk, discarded, lightning] = [nextTabId++, nextTabId++, nextTabId++];
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (info) => {
      const urls = ([] as string[]).concat(info.url ?? []);
      if (urls.includes('https://*.zendesk.com/*')) {
        return [{ id: zendesk, status: 'loading' }, { id: discarded, discarded: true }] as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>;
      }
      if (urls.includes('https://*.lightning.force.com/*')) return [{ id: lightning }] as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>;
      return [];
    });
    await injectIntoOpenTabs();
    expect(query).toHaveBeenCalledTimes(2);
    expect(executeScript.mock.calls).toEqual(
      expect.arrayContaining([
        [{ target: { tabId: zendesk }, files: ['/zendesk-session.js'] }],
        [{ target: { tabId: lightning }, files: ['/salesforce-session.js'] }],
      ]),
    );
    expect(executeScript).toHaveBeenCalledTimes(2);
    // The tab that was still loading at install reports its load afterwards: it has its session already.
    await completed(frame(ZENDESK_TICKET, { tabId: zendesk, documentId: 'doc-open' }));
    expect(executeScript).toHaveBeenCalledTimes(2);
    // Loads after that are new documents: each gets its session, in the loaded tab as in the other.
    await completed(frame(ZENDESK_TICKET, { tabId: zendesk, documentId: 'doc-later' }));
    await completed(frame(LIGHTNING_ACCOUNT, { tabId: lightning, documentId: 'doc-later-sf' }));
    expect(executeScript).toHaveBeenCalledTimes(4);
  });
});
