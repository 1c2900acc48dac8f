import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReport, healthDates, trendParts, type ReportRecords } from '@/lib/portfolio/report';
import { REPORT_CSV_COLUMNS, reportCsv } from '@/lib/portfolio/report-csv';
import type { Account, Ticket } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

const TODAY = '2026-06-30';
const NOW = Date.parse('2026-06-30T12:00:00Z');
const YEAR = { start: '2025-07-01', end: TODAY };

function account(id: string, fields: Partial<Account> = {}): Account {
  return { id, name: id, domains: [], arr: 1000, startDate: '2024-01-01', status: 'active', ...fields };
}
function ticket(id: number, accountId: string, createdAt: string, firstReplyMinutes: number | null): Ticket {
  return { zendeskId: id, accountId, createdAt: Date.parse(createdAt), firstReplyMinutes, solvedAt: null, status: 'open', priority: null, satisfaction: 'unoffered' };
}
function records(fields: Partial<ReportRecords>): ReportRecords {
  return { accounts: [], opportunities: [], nps: [], tickets: [], milestones: [], overrides: [], history: [], ...fields };
}

describe('trend parts', () => {
  it('cuts a year into its 12 calendar months, the first starting with the period', () => {
    const parts = trendParts(YEAR);
    expect(parts).toHaveLength(12);
    expect(parts[0]).toEqual({ label: '2025-07', period: { start: '2025-07-01', end: '2025-07-31' } });
    expect(parts[11]).toEqual({ label: '2026-06', period: { start: '2026-06-01', end: TODAY } });
  });

  it('cuts a short period into weeks ending on its last day', () => {
    const parts = trendParts({ start: '2026-06-01', end: TODAY });
    expect(parts.map((p) => p.period)).toEqual([
      { start: '2026-06-01', end: '2026-06-02' },
      { start: '2026-06-03', end: '2026-06-09' },
      { start: '2026-06-10', end: '2026-06-16' },
      { start: '2026-06-17', end: '2026-06-23' },
      { start: '2026-06-24', end: TODAY },
    ]);
  });

  it('picks the latest snapshot of each part for the health chart', () => {
    expect(healthDates(YEAR, ['2026-06-29', '2026-06-30', '2026-05-02', '2026-05-20', '2024-01-01'])).toEqual(['2026-05-20', TODAY]);
  });
});

describe('report model, hand-computed', () => {
  const accounts = [
    account('p', { plan: 'Enterprise', owner: 'Ana', segment: 'Enterprise', arr: 50_000, renewalDate: '2026-07-02' }),
    account('s', { plan: 'Starter', owner: 'Bo', segment: 'SMB', arr: 5_000, renewalDate: '2026-07-09' }),
    account('g', { owner: 'Bo', segment: 'SMB', arr: 0, status: 'churned', churnDate: '2026-03-01', churnReason: 'Budget cuts' }),
    account('l', { owner: 'Bo', segment: 'SMB', arr: 3_000, status: 'churned', churnDate: '2026-04-01', churnReason: ' budget cuts ' }),
    account('m', { owner: 'Ana', segment: 'Enterprise', arr: 8_000, status: 'churned', churnDate: '2026-05-01', churnReason: 'Moved to competitor' }),
  ];
  const tickets = [
    ticket(1, 'p', '2026-06-01T00:00:00Z', 30), // Premium 1 h: met
    ticket(2, 'p', '2026-06-02T00:00:00Z', 90), // breached
    ticket(3, 'p', '2026-06-30T11:30:00Z', null), // 30 min old at NOW: running
    ticket(4, 's', '2026-06-03T00:00:00Z', 600), // Standard 24 h: met
    ticket(5, 'g', '2026-02-03T00:00:00Z', 5), // no plan: no tier
    ticket(6, 's', '2025-01-01T00:00:00Z', 5), // before the period
  ];
  const snapshot = { date: TODAY, computedAt: 0, accountIds: ['p', 's'], scores: [85, 40] };
  const report = buildReport(records({ accounts, tickets, snapshot, history: [snapshot] }), DEFAULT_SETTINGS, YEAR, TODAY, NOW);

  it('SLA compliance by tier = met ÷ (met + breached)', () => {
    expect(report.sla).toEqual([
      { tier: 'Premium', targetHours: 1, tickets: 3, met: 1, breached: 1, running: 1, compliancePercent: 50 },
      { tier: 'Standard', targetHours: 24, tickets: 1, met: 1, breached: 0, running: 0, compliancePercent: 100 },
      { tier: 'No tier', targetHours: null, tickets: 1, met: 0, breached: 0, running: 0, compliancePercent: null },
    ]);
  });

  it('logo vs dollar churn over the period', () => {
    // Cohort: all five started in 2024 and were active on 2025-07-01; three churned in the year.
    expect(report.churn.logo).toEqual({ ok: true, value: 60, detail: '' });
    // ARR at start 50 000 + 5 000 + 0 + 3 000 + 8 000 = 66 000; lost 11 000.
    expect(report.churn.dollar.ok && report.churn.dollar.value).toBeCloseTo((100 * 11_000) / 66_000, 10);
  });

  it('churn reasons ranked by ARR, spelling variants together', () => {
    expect(report.churnReasons.ok && report.churnReasons.value.map((r) => [r.reason, r.accounts, r.arr])).toEqual([
      ['Moved to competitor', 1, 8_000],
      ['Budget cuts', 2, 3_000],
    ]);
  });

  it('weekly renewal forecast weighted by today’s band', () => {
    expect(report.forecast).toHaveLength(13);
    expect(report.forecast[0]).toEqual({ start: TODAY, end: '2026-07-06', count: 1, arr: 50_000, expectedArr: 50_000 * 0.95 });
    expect(report.forecast[1]).toEqual({ start: '2026-07-07', end: '2026-07-13', count: 1, arr: 5_000, expectedArr: 5_000 * 0.4 });
  });

  it('breaks down by owner and segment, largest ARR first', () => {
    expect(report.owners.map((o) => [o.name, o.accounts, o.arr, o.bands.healthy, o.bands.critical])).toEqual([
      ['Ana', 1, 50_000, 1, 0],
      ['Bo', 1, 5_000, 0, 1],
    ]);
    expect(report.owners[1]!.logoChurn).toEqual({ ok: true, value: (100 * 2) / 3, detail: '' });
    expect(report.segments.map((s) => s.name)).toEqual(['Enterprise', 'SMB']);
  });

  it('health over time counts the snapshot’s computed bands', () => {
    expect(report.health).toEqual([{ date: TODAY, counts: { healthy: 1, 'at-risk': 0, critical: 1, unknown: 0 } }]);
  });

  it('exports one CSV row per number, blank value with the reason when it cannot be computed', () => {
    const parsed = Papa.parse<Record<string, string>>(reportCsv(report, DEFAULT_SETTINGS.targets), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...REPORT_CSV_COLUMNS]);
    const row = (section: string, group: string, measure: string) => parsed.data.find((r) => r.section === section && r.group === group && r.measure === measure);
    expect(row('SLA by tier', 'Premium', 'Compliance')).toMatchObject({ value: '50', unit: '%' });
    expect(row('Churn reasons', 'Moved to competitor', 'ARR lost')).toMatchObject({ value: '8000' });
    expect(row('Owners', 'Bo', 'ARR')).toMatchObject({ value: '5000', unit: 'USD' });
    expect(row('Metrics', `${YEAR.start} to ${YEAR.end}`, 'NPS')).toMatchObject({ value: '', note: 'cannot compute: no NPS responses in the period', target: '50' });
    expect(parsed.data.filter((r) => r.section === 'Owners' && r.measure === 'ARR')).toHaveLength(2);
  });
});

describe('report with a bad period', () => {
  it('a cleared date field gives a reason, not an exception', () => {
    const report = buildReport(records({ accounts: [account('a')] }), DEFAULT_SETTINGS, { start: '', end: TODAY }, TODAY, NOW);
    expect(report.problem).toBe('cannot compute: period start "" is not a valid date');
    expect(healthDates({ start: '', end: TODAY }, [TODAY])).toEqual([]);
  });

  it('says why instead of computing', () => {
    const report = buildReport(records({ accounts: [account('a')] }), DEFAULT_SETTINGS, { start: TODAY, end: '2026-01-01' }, TODAY, NOW);
    expect(report.problem).toBe(`cannot compute: the period ends (2026-01-01) before it starts (${TODAY})`);
    expect(report.metrics.every((m) => !m.result.ok)).toBe(true);
  });

  it('no data: every section explains itself', () => {
    const report = buildReport(records({}), DEFAULT_SETTINGS, YEAR, TODAY, NOW);
    expect(report.metrics[0]!.result).toEqual({ ok: false, reason: 'cannot compute: no accounts in this selection' });
    expect(report.churn.logo).toEqual({ ok: false, reason: 'cannot compute: no accounts were active at the start of the period' });
    expect(report.cohorts).toEqual({ ok: false, reason: `cannot compute: no account started on or before ${TODAY}` });
    expect(report.sla).toEqual([]);
    expect(report.owners).toEqual([]);
  });
});
