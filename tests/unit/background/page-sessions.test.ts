/**
 * Issue 5: the background injects a host page's session script into exactly the document whose loader asked, and
 * only into Zendesk and Salesforce pages; on install and update, into the matching tabs already open.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectIntoOpenTabs, startSessionFor } from '@/entrypoints/background/page-sessions';

const executeScript = vi.fn(async () => []);

beforeEach(() => {
  fakeBrowser.reset();
  executeScript.mockClear();
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(executeScript);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function sender(url: string, extra: Partial<Runtime.MessageSender> = {}): Runtime.MessageSender {
  return { url, tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, frameId: 0, ...extra };
}

describe('startSessionFor', () => {
  it('injects the Zendesk session into the asking document', async () => {
    await expect(startSessionFor(sender('https://acme.zendesk.com/agent/tickets/101', { documentId: 'doc-1' }))).resolves.toBe(true);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, documentIds: ['doc-1'] }, files: ['/zendesk-session.js'] });
  });

  it('injects the Salesforce session by frame where the browser gives no document id', async () => {
    const asking = sender('https://acme.lightning.force.com/lightning/r/Account/001xx000003DGb2AAG/view', { frameId: 3 });
    await expect(startSessionFor(asking)).resolves.toBe(true);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: ['/salesforce-session.js'] });
  });

  it.each([
    ['another site', sender('https://example.com/agent/tickets/101')],
    ['an extension page', sender('chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html')],
    ['a sender without a tab', { url: 'https://acme.zendesk.com/agent/tickets/101' }],
  ])('refuses %s and injects nothing', async (_what, from) => {
    await expect(startSessionFor(from)).resolves.toBe(false);
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('injectIntoOpenTabs', () => {
  it('injects each host session into its open tabs and skips discarded ones and other sites', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (info) => {
      const urls = ([] as string[]).concat(info.url ?? []);
      if (urls.includes('https://*.zendesk.com/*')) return [{ id: 1 }, { id: 2, discarded: true }] as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>;
      if (urls.includes('https://*.lightning.force.com/*')) return [{ id: 3 }] as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>;
      return [];
    });
    await injectIntoOpenTabs();
    expect(query).toHaveBeenCalledTimes(2);
    expect(executeScript.mock.calls).toEqual(
      expect.arrayContaining([
        [{ target: { tabId: 1 }, files: ['/zendesk-session.js'] }],
        [{ target: { tabId: 3 }, files: ['/salesforce-session.js'] }],
      ]),
    );
    expect(executeScript).toHaveBeenCalledTimes(2);
  });
});
