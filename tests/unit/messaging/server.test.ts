import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage } from '@/lib/messaging/client';
import { MAX_REQUEST_BYTES } from '@/lib/messaging/protocol';
import { parseRequest, registerHandlers, type Handlers } from '@/lib/messaging/server';

/** The panel's messages are not under test here (tests/unit/messaging/panel-sender.test.ts covers who may send them). */
const notUsed = async (): Promise<never> => {
  throw new Error('not used in this test');
};

const handlers: Handlers = {
  searchAccounts: notUsed,
  linkPageKeys: notUsed,
  addNote: notUsed,
  setOverride: notUsed,
  clearOverride: notUsed,
  startRun: notUsed,
  tickStep: notUsed,
  untickStep: notUsed,
  skipStep: notUsed,
  addRunNote: notUsed,
  closeRun: notUsed,
  lookupKnownTicket: notUsed,
  async lookupAccount(keys) {
    return { status: 'no-match', reason: `looked up ${Object.keys(keys).join(',')}` };
  },
  async recordTicket() {
    return { recorded: false };
  },
  async ping() {
    return { startedAt: 1, schemaVersion: 2 };
  },
};

describe('parseRequest', () => {
  it('accepts well-formed page keys and normalises them', () => {
    expect(parseRequest('lookupAccount', { email: ' Jo@Acme.COM ' })).toEqual({ email: 'jo@acme.com' });
  });

  it('names the offending field', () => {
    expect(() => parseRequest('lookupAccount', { sfId: 'nope' })).toThrow(/lookupAccount: sfId: expected a 15- or 18-character/);
    expect(() => parseRequest('lookupAccount', { domain: 'not a domain' })).toThrow(/domain: expected a domain name/);
  });

  it('rejects unknown fields, empty requests and wrong types', () => {
    expect(() => parseRequest('lookupAccount', { email: 'a@b.co', extra: 1 })).toThrow(/lookupAccount/);
    expect(() => parseRequest('lookupAccount', {})).toThrow(/at least one page key/);
    expect(() => parseRequest('lookupAccount', 'acme.com')).toThrow(/lookupAccount/);
    expect(() => parseRequest('lookupAccount', null)).toThrow(/lookupAccount/);
  });

  it('refuses oversized requests before parsing them', () => {
    expect(() => parseRequest('lookupAccount', { name: 'x'.repeat(MAX_REQUEST_BYTES) })).toThrow(/more than the 16384 allowed/);
  });
});

describe('registerHandlers', () => {
  let unregister: () => void;
  beforeEach(() => {
    fakeBrowser.reset();
    unregister = registerHandlers(handlers);
  });
  afterEach(() => {
    unregister();
    vi.restoreAllMocks();
  });

  it('answers a valid message through the typed client', async () => {
    await expect(sendMessage('lookupAccount', { domain: 'acme.com' })).resolves.toEqual({
      status: 'no-match',
      reason: 'looked up domain',
    });
  });

  it('replies to an unknown message type with an error instead of silence', async () => {
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'dropTables', data: null, timestamp: 1 });
    expect(reply).toMatchObject({ err: { message: 'unknown message type "dropTables"' } });
  });

  it('replies to a message with no envelope', async () => {
    await expect(fakeBrowser.runtime.sendMessage('hello')).resolves.toMatchObject({ err: { message: 'unknown message type null' } });
  });

  it('rejects a malformed request with the reason and keeps serving', async () => {
    const bad = await fakeBrowser.runtime.sendMessage({ id: 1, type: 'lookupAccount', data: { sfId: 42 }, timestamp: 1 });
    expect(bad).toMatchObject({ err: { message: expect.stringContaining('lookupAccount: sfId') } });
    await expect(sendMessage('ping', null)).resolves.toEqual({ startedAt: 1, schemaVersion: 2 });
  });

  it('checks requests on the sending side too', async () => {
    await expect(sendMessage('lookupAccount', { email: 'not-an-email' })).rejects.toThrow(/email: expected an email address/);
  });

  it("sends in the caller's task, not a microtask later (a host page's route change goes on rendering meanwhile)", async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const pending = sendMessage('lookupAccount', { domain: 'acme.com' });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'lookupAccount', data: { domain: 'acme.com' }, timestamp: expect.any(Number) });
    await expect(pending).resolves.toMatchObject({ status: 'no-match' });
  });

  it("throws the handler's error on the sending side, and says so when no reply comes", async () => {
    await expect(sendMessage('lookupKnownTicket', { zendeskTicketId: 1 })).rejects.toThrow('not used in this test');
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce(undefined);
    await expect(sendMessage('ping', null)).rejects.toThrow('No response');
  });

  it('refuses a reply that does not fit the protocol', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce({ res: { startedAt: 'soon' } });
    await expect(sendMessage('ping', null)).rejects.toThrow(/ping: unexpected reply: startedAt/);
  });
});
