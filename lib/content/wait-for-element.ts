/**
 * Resolves with the first element `find` returns, checking again whenever the DOM changes, or null after
 * `timeoutMs` or when `signal` aborts. Host pages are SPAs that render late; this never keeps an observer alive
 * after it is done.
 */
export function waitForElement(
  find: () => Element | null,
  { signal, timeoutMs }: { signal: AbortSignal; timeoutMs: number },
): Promise<Element | null> {
  const found = find();
  if (found || signal.aborted) return Promise.resolve(found);
  return new Promise((resolve) => {
    const finish = (result: Element | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => finish(null);
    const observer = new MutationObserver(() => {
      const element = find();
      if (element) finish(element);
    });
    const timer = setTimeout(() => finish(find()), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
}
