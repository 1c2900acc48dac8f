import { salesforceObjectOf, toSalesforceId18 } from './record-id';

/** A Salesforce record page: which object, its canonical id, and which UI shows it. */
export interface SalesforceRoute {
  object: 'Account' | 'Contact' | 'Opportunity' | 'Case';
  id18: string;
  ui: 'lightning' | 'classic';
}

const OBJECTS = new Set(['Account', 'Contact', 'Opportunity', 'Case']);

/**
 * Lightning: `/lightning/r/Account/001…/view` or the short `/lightning/r/001…/view`.
 * Classic: `https://X.my.salesforce.com/001…` (optionally followed by a path or query).
 * The object is taken from the id's key prefix when the URL does not name it, and the two must agree.
 */
export function parseSalesforceRoute(url: string | URL): SalesforceRoute | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const host = parsed.hostname;
  let named: string | undefined;
  let rawId: string | undefined;
  let ui: SalesforceRoute['ui'];
  if (host.endsWith('.lightning.force.com')) {
    const match = /^\/lightning\/r\/(?:([A-Za-z_]+)\/)?([a-zA-Z0-9]{15,18})\/view\/?$/.exec(parsed.pathname);
    if (!match) return null;
    [, named, rawId] = match;
    ui = 'lightning';
  } else if (host.endsWith('.my.salesforce.com')) {
    rawId = /^\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)(?:\/|$)/.exec(parsed.pathname)?.[1];
    ui = 'classic';
  } else {
    return null;
  }
  const id18 = rawId ? toSalesforceId18(rawId) : null;
  if (!id18) return null;
  const object = salesforceObjectOf(id18);
  if (object === 'Other' || !OBJECTS.has(object)) return null;
  if (named && named !== object) return null; // e.g. /lightning/r/Account/003…: the id is not an Account
  return { object, id18, ui };
}
