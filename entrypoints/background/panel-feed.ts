/**
 * The panel port's server side: each subscription is a Dexie liveQuery over the panel's view model, so a write from
 * anywhere (this worker, an options page importing, another tab's panel) re-posts the panel. Dexie tells which
 * tables and keys a query read and re-runs it only when a write touches them.
 */
import { liveQuery } from 'dexie';
import { loadAccountPanel } from '@/lib/db/account-panel';
import type { SightlineDatabase } from '@/lib/db/database';
import { loadSettings } from '@/lib/db/settings';
import { servePanelPorts } from '@/lib/messaging/panel-port';

/** Call synchronously at worker start: a panel reconnecting after a restart is what wakes the worker. */
export function setupPanelFeed(db: SightlineDatabase): void {
  servePanelPorts((request, emit) => {
    const subscription = liveQuery(async () => loadAccountPanel(db, request, await loadSettings(db), new Date())).subscribe({
      next: (panel) => emit(panel ? { type: 'panel', panel } : { type: 'missing', accountId: request.accountId }),
      error: (error: unknown) => {
        console.error('Sightline: the panel could not be built', error);
        emit({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    });
    return () => subscription.unsubscribe();
  });
}
