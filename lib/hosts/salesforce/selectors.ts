/**
 * Where the badge goes on a Salesforce record page: beside the record's title in the highlights panel
 * (Lightning, SLDS page header) or the Classic page title. Lightning renders through web components and keeps
 * several records in the DOM in console apps, so the search walks open shadow roots and takes only what is shown.
 */
import type { BadgeAnchor } from '../../content/page-session';
import { deepQueryAll, isShown } from '../dom/deep-query';

// The title is a <slot> in Lightning (display: contents, so never "shown"): the badge goes into its heading.
const ANCHORS: [selector: string, place: BadgeAnchor['place']][] = [
  ['.slds-page-header_record-home h1', 'inside'],
  ['.slds-page-header h1', 'inside'],
  ['.bPageTitle .pageDescription', 'inside'],
  ['.bPageTitle h2', 'inside'],
];

export function findSalesforceAnchor(root: ParentNode = document): BadgeAnchor | null {
  for (const [selector, place] of ANCHORS) {
    const element = deepQueryAll(root, selector).find(isShown);
    if (element) return { element, place };
  }
  return null;
}

/** Lightning's global header plus navigation bar; the panel docks below them. */
export const SALESFORCE_TOP_BAR_PX = 90;
