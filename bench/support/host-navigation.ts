/**
 * Timing an SPA route change on a host page to a painted badge, from inside the page: the clock starts just
 * before `history.pushState` (+ popstate, which the fixture app renders on, as the real workspace does) and stops
 * in the first animation frame after an element matching `selector` carries a non-empty `data-score` and is
 * visible (a badge left in a ticket tab the host has hidden does not count).
 * With `hostShows`, the same navigation also times the host page's own view of the route (an element matching its
 * selector with exactly its text, e.g. the ticket's breadcrumb once the host has read its API and rendered), so a
 * report can say how the badge compares with the host's own work.
 */
import type { Page } from 'playwright-core';

export interface RouteTiming {
  /** Route change → badge painted with a score. */
  badgeMs: number;
  /** Route change → the host's own view painted; null without `hostShows`. */
  hostMs: number | null;
}

export async function timeRouteToBadge(
  page: Page,
  path: string,
  selector: string,
  { hostShows, timeoutMs = 10_000 }: { hostShows?: { selector: string; text: string }; timeoutMs?: number } = {},
): Promise<RouteTiming> {
  return page.evaluate(
    ({ path, selector, hostShows, timeoutMs }) =>
      new Promise<RouteTiming>((resolve, reject) => {
        // No named inner functions: tsx would wrap them in a helper that does not exist in the page.
        const started = performance.now();
        const seen = { badge: false, host: !hostShows };
        const done: { badge?: (ms: number) => void; host?: (ms: number) => void } = {};
        const badgePainted = new Promise<number>((r) => {
          done.badge = r;
        });
        const hostPainted = hostShows
          ? new Promise<number>((r) => {
              done.host = r;
            })
          : Promise.resolve(null);
        const observer = new MutationObserver(() => {
          const badge = seen.badge ? null : document.querySelector(selector);
          // Painted means seen: with a score, and not inside a part of the page the host hides.
          if (badge?.getAttribute('data-score') && badge.checkVisibility()) {
            seen.badge = true;
            requestAnimationFrame(() => done.badge!(performance.now() - started));
          }
          if (!seen.host && [...document.querySelectorAll(hostShows!.selector)].some((e) => e.textContent === hostShows!.text)) {
            seen.host = true;
            requestAnimationFrame(() => done.host!(performance.now() - started));
          }
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no ${selector} with a score within ${timeoutMs} ms after navigating to ${path}`));
        }, timeoutMs);
        void Promise.all([badgePainted, hostPainted]).then(([badgeMs, hostMs]) => {
          observer.disconnect();
          clearTimeout(timer);
          resolve({ badgeMs, hostMs });
        });
        observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
        history.pushState({}, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }),
    { path, selector, hostShows, timeoutMs },
  );
}

/** The same SPA navigation, untimed. */
export async function navigateTo(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
