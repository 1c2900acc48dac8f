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

/** A Lightning URL shaped like a record page of an object Sightline reads, whose id cannot be used. */
export interface UnreadableSalesforceRecord {
  object: SalesforceRoute['object'];
  /** The id as written in the URL (bounded), so each bad URL is its own page. */
  rawId: string;
  reason: string;
}

const NAMED_RECORD_PATH = /^\/lightning\/r\/(Account|Contact|Opportunity|Case)\/([^/]{1,64})\/view\/?$/;

/**
 * Why a Lightning record URL of an Account, Contact, Opportunity or Case cannot be read (an id of another
 * object, a malformed id), or null when it can be read or is not such a URL. The badge shows the reason rather
 * than nothing, so a person knows Sightline saw the page.
 */
export function unreadableSalesforceRecord(url: string | URL): UnreadableSalesforceRecord | null {
  if (parseSalesforceRoute(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname.endsWith('.lightning.force.com')) return null;
  const match = NAMED_RECORD_PATH.exec(parsed.pathname);
  if (!match) return null;
  const [, object, rawId] = match;
  if (!object || !rawId || !isReadObject(object)) return null;
  const id18 = toSalesforceId18(rawId);
  if (!id18) return { object, rawId, reason: `the address has no valid ${object} id` };
  const actual = salesforceObjectOf(id18);
  const actualName = actual === 'Other' ? 'another kind of record' : `${article(actual)} ${actual}`;
  return { object, rawId, reason: `the address names ${article(object)} ${object} but its id belongs to ${actualName}` };
}

function isReadObject(name: string): name is SalesforceRoute['object'] {
  return OBJECTS.has(name);
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}
