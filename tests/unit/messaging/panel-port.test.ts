import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlePanelPort, PANEL_PORT_NAME, subscribePanel, type PanelFeedEvent, type PanelPort, type PanelWatch } from '@/lib/messaging/panel-port';
import type { PanelSubscribe, PanelUpdate } from '@/lib/schemas/panel';

const ROOT = 'chrome-extension://test-extension-id/';

/** A runtime Port stand-in: records what is posted, lets the test deliver messages and disconnect. */
function fakePort(name: string, senderUrl: string | undefined) {
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const posted: unknown[] = [];
  const port = {
    name,
    sender: senderUrl === undefined ? undefined : { url: senderUrl },
    postMessage: (message: unknown) => posted.push(message),
    disconnect: vi.fn(),
    onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
  };
  return {
    port: port as unknown as PanelPort,
    posted,
    disconnect: port.disconnect,
    deliver: (message: unknown) => messageListeners.forEach((l) => l(message)),
    drop: () => disconnectListeners.forEach((l) => l()),
  };
}

function recordingWatch() {
  const requests: PanelSubscribe[] = [];
  const stops: PanelSubscribe[] = [];
  const emitters: ((update: PanelUpdate) => void)[] = [];
  const watch: PanelWatch = (request, emit) => {
    requests.push(request);
    emitters.push(emit);
    return () => stops.push(request);
  };
  return { watch, requests, stops, emitters };
}

describe('handlePanelPort (background)', () => {
  it('disconnects a port from a content script without watching anything', () => {
    const { port, disconnect, deliver } = fakePort(PANEL_PORT_NAME, 'https://acme.zendesk.com/agent/tickets/1');
    const { watch, requests } = recordingWatch();
    handlePanelPort(port, watch, ROOT);
    deliver({ type: 'subscribe', accountId: 'acc-1' });
    expect(disconnect).toHaveBeenCalledOnce();
    expect(requests).toEqual([]);
  });

  it('leaves ports of other names alone', () => {
    const { port, disconnect, deliver } = fakePort('something-else', `${ROOT}panel.html`);
    const { watch, requests } = recordingWatch();
    handlePanelPort(port, watch, ROOT);
    deliver({ type: 'subscribe', accountId: 'acc-1' });
    expect(disconnect).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
  });

  it('watches what the panel subscribes to and posts each update', () => {
    const { port, posted, deliver } = fakePort(PANEL_PORT_NAME, `${ROOT}panel.html?account=acc-1`);
    const { watch, requests, emitters } = recordingWatch();
    handlePanelPort(port, watch, ROOT);
    deliver({ type: 'subscribe', accountId: 'acc-1', ticketId: 201, keys: { email: 'Jo@Acme.com' } });
    expect(requests).toEqual([{ type: 'subscribe', accountId: 'acc-1', ticketId: 201, keys: { email: 'jo@acme.com' } }]);
    emitters[0]!({ type: 'missing', accountId: 'acc-1' });
    expect(posted).toEqual([{ type: 'missing', accountId: 'acc-1' }]);
  });

  it('answers a malformed subscription with the reason and watches nothing', () => {
    const { port, posted, deliver } = fakePort(PANEL_PORT_NAME, `${ROOT}panel.html`);
    const { watch, requests } = recordingWatch();
    handlePanelPort(port, watch, ROOT);
    deliver({ type: 'subscribe', accountId: '', extra: true });
    expect(requests).toEqual([]);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'error', message: expect.stringMatching(/^subscribe: .*accountId/) });
  });

  it('stops the previous watch on a new subscription, and the last one when the port goes', () => {
    const { port, deliver, drop } = fakePort(PANEL_PORT_NAME, `${ROOT}panel.html`);
    const { watch, stops } = recordingWatch();
    handlePanelPort(port, watch, ROOT);
    deliver({ type: 'subscribe', accountId: 'acc-1' });
    deliver({ type: 'subscribe', accountId: 'acc-2' });
    expect(stops.map((r) => r.accountId)).toEqual(['acc-1']);
    drop();
    expect(stops.map((r) => r.accountId)).toEqual(['acc-1', 'acc-2']);
  });
});

describe('subscribePanel (panel)', () => {
  const connected: ReturnType<typeof fakePort>[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    fakeBrowser.reset();
    connected.length = 0;
    // The fake browser has no runtime.connect: each call hands out a new stand-in port.
    Object.assign(fakeBrowser.runtime, {
      connect: ({ name }: { name: string }) => {
        const port = fakePort(name, undefined);
        connected.push(port);
        return port.port;
      },
    });
  });
  afterEach(() => vi.useRealTimers());

  it('subscribes, reconnects after a disconnect, and subscribes again', () => {
    const events: PanelFeedEvent[] = [];
    const request: PanelSubscribe = { type: 'subscribe', accountId: 'acc-1' };
    const stop = subscribePanel(request, (event) => events.push(event));
    expect(connected).toHaveLength(1);
    expect(connected[0]!.posted).toEqual([request]);

    connected[0]!.drop(); // the service worker stopped
    expect(events).toEqual([{ type: 'disconnected' }]);
    vi.runOnlyPendingTimers();
    expect(connected).toHaveLength(2);
    expect(connected[1]!.posted).toEqual([request]);

    stop();
    expect(connected[1]!.disconnect).toHaveBeenCalledOnce();
    connected[1]!.drop();
    vi.runAllTimers();
    expect(connected).toHaveLength(2);
  });

  it('waits longer after each failed reconnect', () => {
    subscribePanel({ type: 'subscribe', accountId: 'acc-1' }, () => undefined);
    connected[0]!.drop();
    vi.advanceTimersByTime(0);
    expect(connected).toHaveLength(2);
    connected[1]!.drop();
    vi.advanceTimersByTime(249);
    expect(connected).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(connected).toHaveLength(3);
  });

  it('passes valid updates on and turns an invalid one into an error naming the problem', () => {
    const events: PanelFeedEvent[] = [];
    subscribePanel({ type: 'subscribe', accountId: 'acc-1' }, (event) => events.push(event));
    connected[0]!.deliver({ type: 'missing', accountId: 'acc-1' });
    connected[0]!.deliver({ type: 'panel', panel: { account: { id: 'acc-1' } } });
    expect(events[0]).toEqual({ type: 'missing', accountId: 'acc-1' });
    expect(events[1]).toMatchObject({ type: 'error', message: expect.stringContaining('the background sent an invalid panel: panel.') });
  });
});
