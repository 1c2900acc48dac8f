/**
 * The host pages Sightline works on, and for each the session script that runs there (entrypoints/HOST-session:
 * the badge, the panel, the host adapter and their message schemas).
 *
 * The manifest declares no content scripts. The background injects a page's session with
 * `scripting.executeScript` once the browser reports the page loaded (webNavigation.onCompleted), so Sightline
 * adds nothing to the host page's load: a declared content script, even an empty one, makes the browser set up
 * the extension's script world before the page's load event, and evaluating the session's modules (Zod schemas
 * among them) takes tens of milliseconds more.
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

/**
 * The host patterns as navigation-event URL filters (`https://*.example.com/*` → host suffix `.example.com`), so
 * the browser wakes the background only for host pages. Coarser than the patterns (no scheme check): listeners
 * still ask `hostOfUrl`.
 */
export function navigationUrlFilters(): { hostSuffix: string }[] {
  return ALL_HOST_MATCHES.map((pattern) => {
    const domain = /^https:\/\/\*\.([^/*]+)\/\*$/.exec(pattern)?.[1];
    if (!domain) throw new Error(`host pattern ${pattern} is not of the form https://*.DOMAIN/*`);
    return { hostSuffix: `.${domain}` };
  });
}

/** Each host's patterns, parsed once: the background asks on every host page load. */
const HOST_PATTERNS = HOST_NAMES.map((host) => ({ host, patterns: HOST_PAGES[host].matches.map((pattern) => new MatchPattern(pattern)) }));

/** Which host a page URL belongs to, or null when Sightline has no business there (or the URL is not one). */
export function hostOfUrl(url: string | undefined): HostName | null {
  if (!url || !URL.canParse(url)) return null;
  // Given the string: with a URL object the matcher tests `instanceof Location`, which a service worker lacks.
  return HOST_PATTERNS.find(({ patterns }) => patterns.some((pattern) => pattern.includes(url)))?.host ?? null;
}
