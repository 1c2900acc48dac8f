/**
 * What a host page's manifest content script does: once the page has loaded, ask the background to inject the
 * page's session script (see ./host-pages.ts for why the two are apart). It must stay small: it is parsed and run
 * on every host page, before that page's load event.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { requestPageSession } from '../messaging/session-request';
import { afterPageLoad } from './after-page-load';

export function loadSessionAfterPageLoad(ctx: ContentScriptContext): void {
  afterPageLoad(ctx, () => {
    // A worker that cannot answer (extension updated or removed meanwhile) leaves the page as it is, silently:
    // nothing of Sightline's may surface in the host page's console.
    requestPageSession().catch(() => undefined);
  });
}
