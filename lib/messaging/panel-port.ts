/**
 * The panel's live feed: a runtime Port named PANEL_PORT_NAME. The panel connects and sends a PanelSubscribe; the
 * background watches the account (a Dexie liveQuery) and posts a PanelUpdate whenever what the panel shows changed,
 * wherever the change came from. The service worker can stop at any time, which disconnects the port: the panel
 * then connects again and subscribes again. Both ends validate what they receive; only extension pages may
 * subscribe (a content script never gets more than the badge's summary).
 */
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { PanelSubscribe, PanelUpdate } from '../schemas/panel';
import { describeZodError } from './errors';
import { isExtensionPageSender } from './sender';

export const PANEL_PORT_NAME = 'sightline:panel';

/** Starts watching what a subscription asks for, posting each result through `emit`; returns the way to stop. */
export type PanelWatch = (request: PanelSubscribe, emit: (update: PanelUpdate) => void) => () => void;

/** The slice of a runtime Port the server uses (a test passes a stand-in). */
export type PanelPort = Pick<Runtime.Port, 'name' | 'sender' | 'postMessage' | 'disconnect' | 'onMessage' | 'onDisconnect'>;

/** Serves one connected port: checks who it is, then one watch per subscription, stopped when the port goes. */
export function handlePanelPort(port: PanelPort, watch: PanelWatch, extensionRoot?: string): void {
  if (port.name !== PANEL_PORT_NAME) return;
  if (!port.sender || !isExtensionPageSender(port.sender, extensionRoot)) {
    port.disconnect();
    return;
  }
  let stop: (() => void) | undefined;
  const post = (update: PanelUpdate) => {
    try {
      port.postMessage(update);
    } catch {
      // The panel went away between the change and the post; its disconnect stops the watch.
    }
  };
  port.onMessage.addListener((message: unknown) => {
    stop?.();
    stop = undefined;
    const parsed = PanelSubscribe.safeParse(message);
    if (!parsed.success) {
      post({ type: 'error', message: `subscribe: ${describeZodError(parsed.error)}` });
      return;
    }
    stop = watch(parsed.data, post);
  });
  port.onDisconnect.addListener(() => {
    stop?.();
    stop = undefined;
  });
}

/** Call synchronously at service-worker start, like the message handlers. Returns the way to stop serving. */
export function servePanelPorts(watch: PanelWatch): () => void {
  const onConnect = (port: Runtime.Port) => handlePanelPort(port, watch);
  browser.runtime.onConnect.addListener(onConnect);
  return () => browser.runtime.onConnect.removeListener(onConnect);
}

export type PanelFeedEvent = PanelUpdate | { type: 'disconnected' };

/** Waits after a disconnect before connecting again, longer each time it keeps failing (at most 5 s). */
const RECONNECT_DELAYS_MS = [0, 250, 1000, 5000];

/**
 * The panel's side: subscribes and keeps the subscription alive across service-worker restarts. Every update is
 * validated; one that does not fit the view model becomes an 'error' event naming the problem. Returns a stop
 * function.
 */
export function subscribePanel(request: PanelSubscribe, onEvent: (event: PanelFeedEvent) => void): () => void {
  let port: Runtime.Port | undefined;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    if (stopped) return;
    const current = browser.runtime.connect({ name: PANEL_PORT_NAME });
    port = current;
    current.onMessage.addListener((message: unknown) => {
      failures = 0;
      const parsed = PanelUpdate.safeParse(message);
      onEvent(parsed.success ? parsed.data : { type: 'error', message: `the background sent an invalid panel: ${describeZodError(parsed.error)}` });
    });
    current.onDisconnect.addListener(() => {
      if (stopped || port !== current) return;
      onEvent({ type: 'disconnected' });
      const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)]!;
      failures++;
      timer = setTimeout(connect, delay);
    });
    current.postMessage(request);
  };

  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    port?.disconnect();
  };
}
