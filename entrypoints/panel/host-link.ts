/** The panel's one line back to the content script that embeds it (which checks the message's origin and source). */

/** Embedded in a host page (the side panel) rather than open in its own tab (the account detail page). */
export const EMBEDDED = window.parent !== window;

/** Tells the content script that embeds this panel; it checks that the message comes from this iframe. */
export function notifyHost(type: 'sightline:close' | 'sightline:linked' | 'sightline:changed') {
  if (EMBEDDED) window.parent.postMessage({ type }, '*');
}
