import { startPageSession } from '@/lib/content/page-session';
import { zendeskAdapter } from './zendesk-adapter';

export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  main(ctx) {
    startPageSession(ctx, zendeskAdapter);
  },
});
