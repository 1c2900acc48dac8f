/**
 * Finds the customer behind a Salesforce record page: an Account page by its own id, a Contact, Opportunity or
 * Case page by the Account it links to (read from the visible record, which may render after the URL changes).
 */
import { PageReadError, type HostAdapter, type PageRead } from '@/lib/content/page-session';
import { waitForElement } from '@/lib/content/wait-for-element';
import { findLinkedAccountId } from '@/lib/hosts/salesforce/account-link';
import { parseSalesforceRoute, type SalesforceRoute } from '@/lib/hosts/salesforce/route';
import { findSalesforceAnchor, SALESFORCE_TOP_BAR_PX } from '@/lib/hosts/salesforce/selectors';

const LINK_WAIT_MS = 6000;

export const salesforceAdapter: HostAdapter<SalesforceRoute> = {
  host: 'salesforce',
  topBarHeightPx: SALESFORCE_TOP_BAR_PX,
  recognize: (url) => parseSalesforceRoute(url),
  targetKey: (route) => route.id18,
  findAnchor: () => findSalesforceAnchor(),

  async read(route, signal): Promise<PageRead> {
    if (route.object === 'Account') return { keys: { sfId: route.id18 }, label: `account ${route.id18}` };
    let accountId: string | null = null;
    await waitForElement(
      () => {
        accountId = findLinkedAccountId(document);
        return accountId ? document.documentElement : null;
      },
      { signal, timeoutMs: LINK_WAIT_MS },
    );
    if (signal.aborted) throw new PageReadError('cancelled');
    const label = `this ${route.object.toLowerCase()}`;
    if (!accountId) return { keys: null, label };
    return { keys: { sfId: accountId }, label };
  },
};
