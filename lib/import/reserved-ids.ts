/**
 * Demo data owns its own id ranges (lib/demo/ids.ts): string ids starting with `demo-`, Zendesk tickets above
 * DEMO_TICKET_ID_BASE. An imported record in those ranges would mix real data into demo data, and "Remove demo
 * data" (a key-range delete) would silently delete it. So imports refuse such rows, naming the id and its column.
 */
import { DEMO_ID_PREFIX, DEMO_TICKET_ID_BASE, DEMO_TICKET_ID_SPAN } from '../demo/ids';

export interface ReservedIdProblem {
  /** The record key holding the reserved id: `id`, `accountId` or `zendeskId`. */
  recordKey: 'id' | 'accountId' | 'zendeskId';
  message: string;
}

export const isDemoId = (id: string): boolean => id.startsWith(DEMO_ID_PREFIX);

const isDemoTicketId = (id: number): boolean => id > DEMO_TICKET_ID_BASE && id <= DEMO_TICKET_ID_BASE + DEMO_TICKET_ID_SPAN;

/** The first reserved id in a validated record, or undefined. */
export function findReservedId(record: Readonly<Record<string, unknown>>): ReservedIdProblem | undefined {
  const { id, accountId, zendeskId } = record;
  if (typeof id === 'string' && isDemoId(id)) {
    return { recordKey: 'id', message: `"${id}": ids starting with "${DEMO_ID_PREFIX}" are reserved for demo data; give the record another id` };
  }
  if (typeof zendeskId === 'number' && isDemoTicketId(zendeskId)) {
    return {
      recordKey: 'zendeskId',
      message: `ticket ${zendeskId} is in the range reserved for demo tickets (${DEMO_TICKET_ID_BASE + 1}–${DEMO_TICKET_ID_BASE + DEMO_TICKET_ID_SPAN})`,
    };
  }
  if (typeof accountId === 'string' && isDemoId(accountId)) {
    return {
      recordKey: 'accountId',
      message: `belongs to the demo account ${accountId}: imports never add to demo data (remove the demo data, or link the row to a real account)`,
    };
  }
  return undefined;
}

/**
 * Imported records that match stored demo records by a natural key (a real CRM's external id CUST-100001 is also
 * a demo account's): merging would turn the team's data into demo data, which "Remove demo data" deletes.
 */
export class DemoTwinError extends Error {
  constructor(readonly twins: readonly { key: string; demoId: string }[]) {
    const [first] = twins;
    super(
      `${twins.length === 1 ? 'A row matches demo data' : `${twins.length} rows match demo data`}: ` +
        `${first?.key} is the demo record ${first?.demoId}${twins.length > 1 ? ', …' : ''}. ` +
        'Imports never change demo data: remove the demo data (Demo data → Remove demo data), then import again. Nothing was written.',
    );
    this.name = 'DemoTwinError';
  }
}
