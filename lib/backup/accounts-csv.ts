/**
 * Accounts as a CSV for spreadsheets and other tools, with each account's score from the latest daily health
 * snapshot. Column names are ones the accounts import reads, so the file can be edited and imported back.
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with ' (CSV injection).
 */
import Papa from 'papaparse';
import type { Band } from '../schemas/common';
import type { Account, HealthSnapshot } from '../schemas/records';
import type { Settings } from '../schemas/settings';

export const ACCOUNT_CSV_COLUMNS = [
  'Sightline ID',
  'Salesforce ID',
  'Zendesk Organization ID',
  'External ID',
  'Account Name',
  'Domains',
  'Owner',
  'Segment',
  'Plan',
  'ARR',
  'Seats',
  'Start Date',
  'Renewal Date',
  'Status',
  'Churn Date',
  'Churn Reason',
  'Health Score',
  'Health Band',
  'Score Date',
] as const;

function bandOf(score: number | undefined, bands: Settings['bands']): Band {
  if (score === undefined) return 'unknown';
  if (score >= bands.healthy) return 'healthy';
  if (score >= bands.atRisk) return 'at-risk';
  return 'critical';
}

export function accountsCsv(accounts: readonly Account[], latest: HealthSnapshot | undefined, settings: Pick<Settings, 'bands'>): string {
  const scoreOf = new Map<string, number>();
  if (latest) latest.accountIds.forEach((id, index) => {
    const score = latest.scores[index];
    if (score !== undefined && score >= 0) scoreOf.set(id, score);
  });
  const rows = accounts.map((account) => {
    const score = scoreOf.get(account.id);
    return [
      account.id,
      account.sfId,
      account.zendeskOrgId,
      account.externalId,
      account.name,
      account.domains.join('; '),
      account.owner,
      account.segment,
      account.plan,
      account.arr,
      account.seats,
      account.startDate,
      account.renewalDate,
      account.status,
      account.churnDate,
      account.churnReason,
      score,
      bandOf(score, settings.bands),
      score === undefined ? undefined : latest?.date,
    ];
  });
  // The byte-order mark makes Excel read the file as UTF-8 (accents intact); Sightline's import skips it.
  return `\ufeff${Papa.unparse({ fields: [...ACCOUNT_CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}
