import { startPageSession } from '@/lib/content/page-session';
import { salesforceAdapter } from './salesforce-adapter';

export default defineContentScript({
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  main(ctx) {
    startPageSession(ctx, salesforceAdapter);
  },
});
