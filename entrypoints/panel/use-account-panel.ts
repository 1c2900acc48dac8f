import { useEffect, useState } from 'react';
import { subscribePanel } from '@/lib/messaging/panel-port';
import type { AccountPanel, PanelSubscribe } from '@/lib/schemas/panel';

export type PanelState =
  | { status: 'loading' }
  /** `reconnecting`: the background restarted; the last panel stays on screen until the new one arrives. */
  | { status: 'ready'; panel: AccountPanel; reconnecting: boolean }
  | { status: 'missing' }
  | { status: 'error'; message: string };

/** The account's view model, live from the background through the panel port. */
export function useAccountPanel(request: PanelSubscribe): PanelState {
  const [state, setState] = useState<PanelState>({ status: 'loading' });
  // One subscription per distinct request, however often the caller rebuilds the object.
  const key = JSON.stringify(request);
  useEffect(() => {
    setState({ status: 'loading' });
    return subscribePanel(JSON.parse(key) as PanelSubscribe, (event) => {
      setState((previous) => {
        switch (event.type) {
          case 'panel':
            return { status: 'ready', panel: event.panel, reconnecting: false };
          case 'missing':
            return { status: 'missing' };
          case 'error':
            return { status: 'error', message: event.message };
          case 'disconnected':
            return previous.status === 'ready' ? { ...previous, reconnecting: true } : previous;
        }
      });
    });
  }, [key]);
  return state;
}
