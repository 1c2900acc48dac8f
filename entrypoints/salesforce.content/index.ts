import { HOST_PAGES } from '@/lib/content/host-pages';
import { loadSessionAfterPageLoad } from '@/lib/content/session-loader';

/** The loader only: the Salesforce session (entrypoints/salesforce-session) is injected once the page has loaded. */
export default defineContentScript({
  matches: [...HOST_PAGES.salesforce.matches],
  main: loadSessionAfterPageLoad,
});
