/**
 * On a Contact, Opportunity or Case page, the customer is the Account the record links to. Lightning's DOM is not
 * a stable interface, so this looks for what every layout has — a link to an Account record — rather than for
 * particular components, and only among what is on screen (console layouts keep other tabs' records in the DOM).
 */
import { deepQueryAll, isShown } from '../dom/deep-query';
import { toSalesforceId18 } from './record-id';

const ACCOUNT_HREF = /\/lightning\/r\/(?:Account\/)?(001[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)\/view|^\/(001[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?:[/?#]|$)/;

/** Account id in an href, canonical 18 characters, or null. */
export function accountIdFromHref(href: string): string | null {
  let path: string;
  try {
    path = new URL(href, 'https://placeholder.invalid').pathname;
  } catch {
    return null;
  }
  const match = ACCOUNT_HREF.exec(path);
  const raw = match?.[1] ?? match?.[2];
  return raw ? toSalesforceId18(raw) : null;
}

/** Where the app's own navigation lives: console workspace tabs and navigation bars link to other records. */
const APP_NAVIGATION = '[role="tablist"], [role="tab"], [role="navigation"], nav';

/** Whether the element sits in the app's navigation, looking through the shadow roots it is inside. */
function inAppNavigation(element: Element): boolean {
  for (let node: Element | null = element; node; ) {
    if (node.closest(APP_NAVIGATION)) return true;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

/**
 * The Account linked from the visible record, or null. When several different accounts are linked on screen
 * (a related list, say), the first in document order wins: Lightning renders the record's own Account field in
 * the highlights panel and details section before related lists. Links in the app's navigation (a console's tab of
 * another Account, opened before this record) are not the record's.
 */
export function findLinkedAccountId(root: ParentNode): string | null {
  for (const link of deepQueryAll<HTMLAnchorElement>(root, 'a[href]')) {
    const id = accountIdFromHref(link.getAttribute('href') ?? '');
    if (id && isShown(link) && !inAppNavigation(link)) return id;
  }
  return null;
}
