/**
 * querySelectorAll that also looks inside open shadow roots. Salesforce Lightning renders records through
 * web components, so a plain query from the document misses most of the page.
 */
export function deepQueryAll<E extends Element = Element>(root: ParentNode, selector: string, limit = 10_000): E[] {
  const found: E[] = [];
  // Breadth-first: the light DOM first, then shadow roots in the order they appear.
  const pending: ParentNode[] = [root];
  for (let next = 0; next < pending.length && found.length < limit; next++) {
    const scope = pending[next]!;
    found.push(...(scope.querySelectorAll(selector) as NodeListOf<E>));
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot) pending.push(element.shadowRoot);
    }
  }
  return found.slice(0, limit);
}

/** Whether a person can see the element: hidden console tabs and collapsed panes do not count. */
export function isShown(element: Element): boolean {
  if (typeof element.checkVisibility === 'function') return element.checkVisibility();
  return element.getClientRects().length > 0;
}
