import { RECORD_KINDS } from '../schemas/records';

/** What can be imported. Each kind fills the database table of the same name. */
export const IMPORT_KINDS = RECORD_KINDS;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  accounts: 'Accounts',
  contacts: 'Contacts',
  usage: 'Product usage (per account and day)',
  tickets: 'Support tickets',
  nps: 'NPS responses',
  meetings: 'Meetings',
  milestones: 'Journey milestones',
  opportunities: 'Opportunities',
};

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}
