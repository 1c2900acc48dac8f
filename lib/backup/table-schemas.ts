/** The record schema of every table a backup holds: restores validate each record against its table's schema. */
import type { z } from 'zod';
import type { DataTableName } from '../db/database';
import {
  Account,
  Contact,
  HealthSnapshot,
  Meeting,
  Milestone,
  Note,
  NpsResponse,
  Opportunity,
  Override,
  PageLink,
  PlaybookRun,
  Ticket,
  UsageDay,
} from '../schemas/records';

export const TABLE_SCHEMAS: Record<DataTableName, z.ZodType> = {
  accounts: Account,
  contacts: Contact,
  usage: UsageDay,
  tickets: Ticket,
  nps: NpsResponse,
  meetings: Meeting,
  milestones: Milestone,
  opportunities: Opportunity,
  snapshots: HealthSnapshot,
  overrides: Override,
  runs: PlaybookRun,
  notes: Note,
  pageLinks: PageLink,
};
