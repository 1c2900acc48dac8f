/**
 * Where the badge goes in the Zendesk agent workspace. Zendesk keeps several ticket workspaces in the DOM at once
 * (one per open tab) and hides all but the current one, so only visible candidates count. The list runs from the
 * most specific place (beside the ticket subject) to the most general; when none is shown the badge floats.
 */
import { isShown } from '../dom/deep-query';
import type { ZendeskRoute } from './route';

const ANCHORS_BY_ROUTE: Record<ZendeskRoute['kind'], string[]> = {
  ticket: ['[data-test-id="omni-header-subject"]', '[data-test-id="ticket-pane-header"] h1', '[data-test-id="ticket-pane-header"]'],
  user: ['[data-test-id="user-profile-name"]', '[data-test-id="user-pane-header"]'],
  organization: ['[data-test-id="organization-name"]', '[data-test-id="organization-pane-header"]'],
};

export function findZendeskAnchor(route: ZendeskRoute, root: ParentNode = document): Element | null {
  for (const selector of ANCHORS_BY_ROUTE[route.kind]) {
    for (const candidate of root.querySelectorAll(selector)) {
      if (isShown(candidate)) return candidate;
    }
  }
  return null;
}

/** Height of the agent workspace's fixed top bar; the panel docks below it. */
export const ZENDESK_TOP_BAR_PX = 48;
