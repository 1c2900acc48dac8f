/**
 * Finds the customer behind a Salesforce record page: an Account page by its own id, a Contact, Opportunity or
 * Case page by the Account it links to (read from the visible record, which may render after the URL changes).
 * A record URL Sightline cannot use (an id of another object, a malformed id) gets a badge saying why.
 */
import { PageReadError, type HostAdapter, type PageRead } from '@/lib/content/page-session';
import { waitForElement } from '@/lib/content/wait-for-element';
import { findLinkedAccountId } from '@/lib/hosts/salesforce/account-link';
import {
  parseSalesforceRoute,
  unreadableSalesforceRecord,
  type SalesforceRoute,
  type UnreadableSalesforceRecord,
} from '@/lib/hosts/salesforce/route';
import { findSalesforceAnchor, SALESFORCE_TOP_BAR_PX } from '@/lib/hosts/salesforce/selectors';

const LINK_WAIT_MS = 6000;

type SalesforcePage = { kind: 'record'; route: SalesforceRoute } | { kind: 'unreadable'; record: UnreadableSalesforceRecord };

function recognize(url: URL): SalesforcePage | null {
  const route = parseSalesforceRoute(url);
  if (route) return { kind: 'record', route };
  const record = unreadableSalesforceRecord(url);
  return record ? { kind: 'unreadable', record } : null;
}

export const salesforceAdapter: HostAdapter<SalesforcePage> = {
  host: 'salesforce',
  topBarHeightPx: SALESFORCE_TOP_BAR_PX,
  recognize,
  targetKey: (page) => (page.kind === 'record' ? page.route.id18 : `unreadable:${page.record.object}:${page.record.rawId}`),
  findAnchor: () => findSalesforceAnchor(),

  async read(page, signal): Promise<PageRead> {
    if (page.kind === 'unreadable') throw new PageReadError(`Can't read this record: ${page.record.reason}`);
    const { route } = page;
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
