/**
 * Where the badge goes in the Zendesk agent workspace. Zendesk keeps several ticket workspaces in the DOM at once
 * (one per open tab) and hides all but the current one, so only visible candidates count. The list runs from the
 * most specific place (beside the ticket subject) to the most general; when none is shown the badge floats.
 */
import type { BadgeAnchor } from '../../content/page-session';
import { isShown } from '../dom/deep-query';
import type { ZendeskRoute } from './route';

const ANCHORS_BY_ROUTE: Record<ZendeskRoute['kind'], [selector: string, place: BadgeAnchor['place']][]> = {
  ticket: [
    ['[data-test-id="ticket-breadcrumbs"]', 'inside'],
    ['[data-test-id="ticket-pane-header"]', 'inside'],
  ],
  user: [['[data-test-id="user-profile-name"]', 'inside']],
  organization: [['[data-test-id="organization-name"]', 'inside']],
};

export function findZendeskAnchor(route: ZendeskRoute, root: ParentNode = document): BadgeAnchor | null {
  for (const [selector, place] of ANCHORS_BY_ROUTE[route.kind]) {
    for (const element of root.querySelectorAll(selector)) {
      if (isShown(element)) return { element, place };
    }
  }
  return null;
}

/** Height of the agent workspace's fixed top bar; the panel docks below it. */
export const ZENDESK_TOP_BAR_PX = 48;
