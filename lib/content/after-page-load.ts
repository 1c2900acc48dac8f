/**
 * Runs a content script's work once the host page has loaded, so Sightline adds nothing to the page's own load:
 * the work starts in a task after the load event. A page whose load never ends (a hanging image) gets the work
 * after `maxWaitMs` anyway.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const MAX_WAIT_MS = 3000;

export function afterPageLoad(ctx: ContentScriptContext, work: () => void, maxWaitMs = MAX_WAIT_MS): void {
  let started = false;
  const start = () => {
    if (started || ctx.isInvalid) return;
    started = true;
    work();
  };
  if (document.readyState === 'complete') return start();
  // A task after the load event, so the listeners the host runs on load finish first.
  ctx.addEventListener(window, 'load', () => ctx.setTimeout(start, 0), { once: true });
  ctx.setTimeout(start, maxWaitMs);
}
