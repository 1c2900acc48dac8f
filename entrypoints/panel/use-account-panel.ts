import { startOfTomorrow } from 'date-fns';
import { useEffect, useState } from 'react';
import { subscribePanel } from '@/lib/messaging/panel-port';
import type { AccountPanel, PanelSubscribe } from '@/lib/schemas/panel';

export type PanelState =
  | { status: 'loading' }
  /** `reconnecting`: the background restarted; the last panel stays on screen until the new one arrives. */
  | { status: 'ready'; panel: AccountPanel; reconnecting: boolean }
  | { status: 'missing' }
  | { status: 'error'; message: string };

/** Bumps at each local midnight: the background builds the panel for "today", so a new day needs a new build. */
function useDay(): number {
  const [day, setDay] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setDay((d) => d + 1), startOfTomorrow().getTime() - Date.now() + 1000);
    return () => clearTimeout(timer);
  }, [day]);
  return day;
}

/** The account's view model, live from the background through the panel port. */
export function useAccountPanel(request: PanelSubscribe): PanelState {
  const [state, setState] = useState<PanelState>({ status: 'loading' });
  const day = useDay();
  // One subscription per distinct request (and day), however often the caller rebuilds the object.
  const key = JSON.stringify(request);
  useEffect(() => {
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
  }, [key, day]);
  return state;
}
