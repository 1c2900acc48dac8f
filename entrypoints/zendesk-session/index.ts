import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageSession } from '@/lib/content/page-session';
import { zendeskAdapter } from './zendesk-adapter';

/**
 * Sightline on a Zendesk page: injected by the background into the page's content-script world once the page has
 * loaded (lib/content/host-pages.ts). The context is named after the host, so a newer session injected into the
 * same page (after an extension update) invalidates this one, and it removes its badge and panel.
 */
export default defineUnlistedScript(() => {
  startPageSession(new ContentScriptContext('zendesk'), zendeskAdapter);
});
