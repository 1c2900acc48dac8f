import { HOST_PAGES } from '@/lib/content/host-pages';
import { loadSessionAfterPageLoad } from '@/lib/content/session-loader';

/** The loader only: the Zendesk session (entrypoints/zendesk-session) is injected once the page has loaded. */
export default defineContentScript({
  matches: [...HOST_PAGES.zendesk.matches],
  main: loadSessionAfterPageLoad,
});
