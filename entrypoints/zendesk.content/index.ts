import { afterPageLoad } from '@/lib/content/after-page-load';

export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  main(ctx) {
    // Imported after the host's load, so evaluating the session's modules (Zod among them) does not slow it.
    afterPageLoad(ctx, () => void import('./session').then(({ startZendeskSession }) => startZendeskSession(ctx)));
  },
});
