/** Small builders for scoring tests: every field a test does not care about has a plain, valid value. */
import type { Account, Meeting, NpsResponse, Ticket, UsageDay } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/schemas/settings';

export const TODAY = '2025-06-15';

export function makeAccount(fields: Partial<Account> = {}): Account {
  return {
    id: 'acc-1',
    name: 'Acme',
    domains: ['acme.com'],
    arr: 12_000,
    startDate: '2024-01-01',
    status: 'active',
    plan: 'Professional',
    seats: 10,
    segment: 'Mid-Market',
    ...fields,
  };
}

export function makeUsage(date: string, fields: Partial<UsageDay> = {}): UsageDay {
  return { accountId: 'acc-1', date, logins: 0, assessments: 0, reports: 0, activeUsers: 0, usersInvited: 0, featuresUsed: 0, ...fields };
}

let ticketId = 1;
/** A ticket created at noon UTC of `date`. */
export function makeTicket(date: string, fields: Partial<Ticket> = {}): Ticket {
  return {
    zendeskId: ticketId++,
    accountId: 'acc-1',
    createdAt: Date.parse(`${date}T12:00:00Z`),
    firstReplyMinutes: 30,
    solvedAt: null,
    status: 'open',
    priority: 'normal',
    satisfaction: 'unoffered',
    ...fields,
  };
}

export function makeNps(date: string, score: number, id = `nps-${date}`): NpsResponse {
  return { id, accountId: 'acc-1', date, score };
}

export function makeMeeting(date: string, fields: Partial<Meeting> = {}): Meeting {
  return { id: `m-${date}-${fields.type ?? 'check-in'}`, accountId: 'acc-1', date, type: 'check-in', attended: true, ...fields };
}

export function makeSettings(fields: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...fields };
}
