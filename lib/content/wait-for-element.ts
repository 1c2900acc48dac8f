/**
 * Resolves with the first element `find` returns, checking again whenever the DOM changes, or null after
 * `timeoutMs` or when `signal` aborts. Host pages are SPAs that render late; this never keeps an observer alive
 * after it is done. `throttleMs` checks at most that often (for long waits on busy pages).
 */
export function waitForElement(
  find: () => Element | null,
  { signal, timeoutMs, throttleMs = 0 }: { signal: AbortSignal; timeoutMs: number; throttleMs?: number },
): Promise<Element | null> {
  const found = find();
  if (found || signal.aborted) return Promise.resolve(found);
  return new Promise((resolve) => {
    let pendingCheck: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: Element | null) => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(pendingCheck);
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => finish(null);
    const check = () => {
      pendingCheck = undefined;
      const element = find();
      if (element) finish(element);
    };
    const observer = new MutationObserver(() => {
      if (throttleMs === 0) check();
      else pendingCheck ??= setTimeout(check, throttleMs);
    });
    const timer = setTimeout(() => finish(find()), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
}
