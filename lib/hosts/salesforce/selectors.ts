/**
 * Where the badge goes on a Salesforce record page: beside the record's title in the highlights panel
 * (Lightning, SLDS page header) or the Classic page title. Lightning renders through web components and keeps
 * several records in the DOM in console apps, so the search walks open shadow roots and takes only what is shown.
 */
import { deepQueryAll, isShown } from '../dom/deep-query';

const ANCHORS = [
  'records-highlights2 .slds-page-header__title',
  '.slds-page-header__title',
  '.bPageTitle .pageDescription',
  '.bPageTitle h2',
];

export function findSalesforceAnchor(root: ParentNode = document): Element | null {
  for (const selector of ANCHORS) {
    const shown = deepQueryAll(root, selector).find(isShown);
    if (shown) return shown;
  }
  return null;
}

/** Lightning's global header plus navigation bar; the panel docks below them. */
export const SALESFORCE_TOP_BAR_PX = 90;
