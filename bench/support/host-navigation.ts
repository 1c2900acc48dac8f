/**
 * Timing an SPA route change on a host page to a painted badge, from inside the page: the clock starts just
 * before `history.pushState` (+ popstate, which the fixture app renders on, as the real workspace does) and stops
 * in the first animation frame after an element matching `selector` carries a non-empty `data-score`.
 */
import type { Page } from 'playwright-core';

export async function timeRouteToBadge(page: Page, path: string, selector: string, timeoutMs = 10_000): Promise<number> {
  return page.evaluate(
    ({ path, selector, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        // No named inner functions: tsx would wrap them in a helper that does not exist in the page.
        const started = performance.now();
        const observer = new MutationObserver(() => {
          const score = document.querySelector(selector)?.getAttribute('data-score');
          if (score === undefined || score === null || score === '') return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no ${selector} with a score within ${timeoutMs} ms after navigating to ${path}`));
        }, timeoutMs);
        observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
        history.pushState({}, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }),
    { path, selector, timeoutMs },
  );
}

export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
