/**
 * Identifiers of demo records. They live in ranges of their own — string ids start with `demo-`, Zendesk ids are
 * above DEMO_TICKET_ID_BASE — so demo data never overwrites a team's real records and can be removed by key range
 * (one IndexedDB operation per table instead of a scan of every row).
 */
import { toSalesforceId18 } from '../hosts/salesforce/record-id';

export const DEMO_ID_PREFIX = 'demo-';
/** Demo tickets are numbered DEMO_TICKET_ID_BASE + 1, + 2, …; real Zendesk ticket numbers stay far below. */
export const DEMO_TICKET_ID_BASE = 900_000_000;
export const DEMO_TICKET_ID_SPAN = 99_999_999;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Stand-in for the org-specific characters of real ids (key prefix, then pod/instance). */
const DEMO_INSTANCE = 'Dm0';
const DEMO_ZENDESK_ORG_BASE = 900_000_000_000;
const DEMO_ZENDESK_USER_BASE = 910_000_000_000;

function base62(value: number, width: number): string {
  let text = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) text = BASE62[rest % 62] + text;
  return text.padStart(width, '0');
}

/** Real ids count up in base 62; scattering the serial (a bijection mod 62^6) gives them their mixed-case look. */
const SCATTER_MODULUS = 62n ** 6n;
const SCATTER_FACTOR = 16_777_259n; // odd and not a multiple of 31, so coprime with 62^6

function salesforceId(keyPrefix: string, serial: number): string {
  const scattered = Number((BigInt(serial) * SCATTER_FACTOR) % SCATTER_MODULUS);
  const id18 = toSalesforceId18(`${keyPrefix}${DEMO_INSTANCE}000${base62(scattered, 6)}`);
  if (!id18) throw new Error(`bad demo Salesforce id for serial ${serial}`);
  return id18;
}

const pad = (n: number) => String(n).padStart(6, '0');

export const demoAccountId = (index: number) => `${DEMO_ID_PREFIX}acc-${pad(index + 1)}`;
export const demoContactId = (accountIndex: number, n: number) => `${DEMO_ID_PREFIX}con-${pad(accountIndex + 1)}-${n}`;
export const demoNpsId = (accountIndex: number, n: number) => `${DEMO_ID_PREFIX}nps-${pad(accountIndex + 1)}-${n}`;
export const demoMeetingId = (accountIndex: number, n: number) => `${DEMO_ID_PREFIX}mtg-${pad(accountIndex + 1)}-${n}`;
export const demoOpportunityId = (accountIndex: number, n: number) => `${DEMO_ID_PREFIX}opp-${pad(accountIndex + 1)}-${n}`;
export const demoExternalId = (index: number) => `CUST-${100_000 + index + 1}`;

/** A valid 18-character Account id (key prefix 001). */
export const demoAccountSfId = (index: number) => salesforceId('001', index + 1);
/** A valid 18-character Contact id (key prefix 003); `serial` is unique across the portfolio. */
export const demoContactSfId = (serial: number) => salesforceId('003', serial);

export const demoZendeskOrgId = (index: number) => String(DEMO_ZENDESK_ORG_BASE + index + 1);
export const demoZendeskUserId = (serial: number) => String(DEMO_ZENDESK_USER_BASE + serial);
