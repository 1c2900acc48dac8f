import { getDatabase } from '@/lib/db/database';
import { registerHandlers } from '@/lib/messaging/server';
import { setupCommands } from './commands';
import { createHandlers } from './handlers';
import { setupPageSessions } from './page-sessions';
import { setupPanelFeed } from './panel-feed';
import { setupRescoring } from './rescoring';

/** When this service-worker instance started; tests read it through `ping` to prove a restart. */
const startedAt = Date.now();

export default defineBackground(() => {
  // Listeners are registered synchronously on every start: a worker woken by a message must find them in place.
  registerHandlers(createHandlers(getDatabase(), startedAt));
  setupPanelFeed(getDatabase());
  setupRescoring(getDatabase());
  setupCommands();
  setupPageSessions();
});
