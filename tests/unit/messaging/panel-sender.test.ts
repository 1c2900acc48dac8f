/**
 * Issue 5 item 6: the panel's writes are refused unless they come from one of the extension's own pages, so a
 * content script (and so anything a host page can influence) can never write. Checked through the real handler
 * registration, with the sender Chrome would report.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROTOCOL, type MessageType } from '@/lib/messaging/protocol';
import { isExtensionPageSender } from '@/lib/messaging/sender';
import { registerHandlers, type Handlers } from '@/lib/messaging/server';

const EXTENSION_ROOT = 'chrome-extension://test-extension-id/';
const PANEL_SENDER = { id: 'test-extension-id', url: `${EXTENSION_ROOT}panel.html?account=acc-1`, origin: 'chrome-extension://test-extension-id' };
const CONTENT_SCRIPT_SENDER = {
  id: 'test-extension-id',
  url: 'https://acme.zendesk.com/agent/tickets/101',
  origin: 'https://acme.zendesk.com',
  tab: { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
  frameId: 0,
};

/** A valid request for every panel message, so only the sender decides. */
const VALID: Partial<Record<MessageType, unknown>> = {
  searchAccounts: { query: 'acme' },
  linkPageKeys: { keys: { email: 'jo@acme.com' }, accountId: 'acc-1' },
  addNote: { accountId: 'acc-1', text: 'hello', at: 1 },
  setOverride: { accountId: 'acc-1', score: 80, reason: 'r', expiresOn: '2030-01-01', locked: false, at: 1 },
  clearOverride: { accountId: 'acc-1' },
  startRun: { accountId: 'acc-1', templateId: 'at-risk', at: 1 },
  tickStep: { runId: 'run-1', stepId: 's1', at: 1 },
  untickStep: { runId: 'run-1', stepId: 's1', at: 1 },
  skipStep: { runId: 'run-1', stepId: 's1', reason: 'n/a', at: 1 },
  addRunNote: { runId: 'run-1', text: 'note', at: 1 },
  closeRun: { runId: 'run-1', outcome: 'ok', nextSteps: 'none', at: 1 },
};

const PANEL_ONLY = (Object.keys(PROTOCOL) as MessageType[]).filter((type) => PROTOCOL[type].from === 'extension-page');

let calls: MessageType[];
let unregister: () => void;

function recordingHandlers(): Handlers {
  const handlers = {} as Record<MessageType, (request: unknown) => Promise<unknown>>;
  for (const type of Object.keys(PROTOCOL) as MessageType[]) {
    handlers[type] = async () => {
      calls.push(type);
      throw new Error(`${type} ran`);
    };
  }
  return handlers as unknown as Handlers;
}

async function send(type: MessageType, sender: object): Promise<{ err?: { message?: string } }> {
  const results = await fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data: VALID[type], timestamp: Date.now() }, sender);
  return results.find((result) => result !== undefined) as { err?: { message?: string } };
}

beforeEach(() => {
  fakeBrowser.reset();
  calls = [];
  unregister = registerHandlers(recordingHandlers());
});
afterEach(() => unregister());

describe('panel-only messages', () => {
  it('are exactly the panel actions', () => {
    expect(PANEL_ONLY.sort()).toEqual(Object.keys(VALID).sort());
  });

  it.each(PANEL_ONLY)('%s is refused from a content script and its handler never runs', async (type) => {
    const reply = await send(type, CONTENT_SCRIPT_SENDER);
    expect(reply.err?.message).toBe(`${type}: only Sightline's own pages may send this message`);
    expect(calls).toEqual([]);
  });

  it.each(PANEL_ONLY)('%s reaches its handler from the panel page', async (type) => {
    const reply = await send(type, PANEL_SENDER);
    expect(reply.err?.message).toBe(`${type} ran`);
    expect(calls).toEqual([type]);
  });

  it('refuses a sender with no URL, or another extension\'s page', async () => {
    expect((await send('addNote', { id: 'test-extension-id' })).err?.message).toMatch(/only Sightline's own pages/);
    expect((await send('addNote', { url: 'chrome-extension://someone-else/panel.html' })).err?.message).toMatch(/only Sightline's own pages/);
    expect(calls).toEqual([]);
  });

  it('still lets a content script look up and record', async () => {
    const reply = await fakeBrowser.runtime.onMessage.trigger(
      { id: 2, type: 'lookupAccount', data: { email: 'jo@acme.com' }, timestamp: Date.now() },
      CONTENT_SCRIPT_SENDER,
    );
    expect(reply.find((r) => r !== undefined)).toMatchObject({ err: { message: 'lookupAccount ran' } });
    expect(calls).toEqual(['lookupAccount']);
  });
});

describe('isExtensionPageSender', () => {
  it('accepts the extension\'s own pages only', () => {
    expect(isExtensionPageSender({ url: `${EXTENSION_ROOT}options.html` }, EXTENSION_ROOT)).toBe(true);
    expect(isExtensionPageSender(PANEL_SENDER, EXTENSION_ROOT)).toBe(true);
    expect(isExtensionPageSender(CONTENT_SCRIPT_SENDER, EXTENSION_ROOT)).toBe(false);
    // A host page cannot dress up as the extension: the origin Chrome reports is the frame's own.
    expect(isExtensionPageSender({ url: `${EXTENSION_ROOT}panel.html`, origin: 'https://evil.example' }, EXTENSION_ROOT)).toBe(false);
    expect(isExtensionPageSender({ url: 'https://test-extension-id/panel.html' }, EXTENSION_ROOT)).toBe(false);
    expect(isExtensionPageSender({ url: 'not a url' }, EXTENSION_ROOT)).toBe(false);
    expect(isExtensionPageSender({}, EXTENSION_ROOT)).toBe(false);
  });

  it('reads the extension root from the runtime by default', () => {
    const getURL = vi.spyOn(fakeBrowser.runtime, 'getURL');
    expect(isExtensionPageSender({ url: `${EXTENSION_ROOT}panel.html` })).toBe(true);
    expect(getURL).toHaveBeenCalledWith('/');
  });
});
