/**
 * The host pages Sightline works on, and for each the session script that runs there.
 *
 * A host page gets Sightline in two steps so that nothing heavy runs before the page has loaded:
 * - the manifest's content script is a small loader (entrypoints/HOST.content) that waits for the page's load
 *   event and then asks the background to start the page's session;
 * - the background injects the session script (entrypoints/HOST-session: the badge, the panel, the host adapter
 *   and their message schemas) into that same document with `scripting.executeScript`.
 *
 * Evaluating the session's modules (Zod schemas among them) takes tens of milliseconds; had they been in the
 * manifest's content script, every host page's load event would have waited for them.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';

export const HOST_PAGES = {
  zendesk: { matches: ['https://*.zendesk.com/*'], sessionScript: '/zendesk-session.js' },
  salesforce: { matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'], sessionScript: '/salesforce-session.js' },
} as const;

export type HostName = keyof typeof HOST_PAGES;

export const HOST_NAMES = Object.keys(HOST_PAGES) as HostName[];

/** Every host page pattern, for the manifest's host permissions. */
export const ALL_HOST_MATCHES: string[] = HOST_NAMES.flatMap((host) => [...HOST_PAGES[host].matches]);

/** Which host a page URL belongs to, or null when Sightline has no business there (or the URL is not one). */
export function hostOfUrl(url: string | undefined): HostName | null {
  if (!url || !URL.canParse(url)) return null;
  // Given the string: with a URL object the matcher tests `instanceof Location`, which a service worker lacks.
  return HOST_NAMES.find((host) => HOST_PAGES[host].matches.some((pattern) => new MatchPattern(pattern).includes(url))) ?? null;
}
