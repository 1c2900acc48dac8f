/**
 * The report page's model over a chosen period: the headline metrics with their trend (the period cut into up to
 * 12 months or weeks, each metric computed over each part), logo vs dollar churn, churn reasons by ARR, cohort
 * retention by start quarter, SLA compliance by tier, the weekly renewal forecast, health over time, and per-owner
 * and per-segment breakdowns. Pure: the page reads the records and passes them in.
 */
import { churnReasons, type ChurnReasonRow } from '../metrics/churn-reasons';
import { cohortRetention, type CohortRow } from '../metrics/cohorts';
import { DEFAULT_FORECAST_WEIGHTS } from '../metrics/renewals';
import { periodProblem, type MetricResult, type Period } from '../metrics/result';
import { logoChurn, revenueRetention } from '../metrics/retention';
import type { Band, IsoDate } from '../schemas/common';
import type { Account, HealthSnapshot, Milestone, NpsResponse, Opportunity, Override, Ticket } from '../schemas/records';
import type { Settings, TierName } from '../schemas/settings';
import { addDaysIso, daysBetween } from '../scoring/dates';
import { bandFor } from '../scoring/health';
import { resolveOverride } from '../scoring/override';
import { firstResponseSla } from '../sla/first-response';
import { tierForPlan } from '../sla/tier';
import { computeMetrics, instantRange, type MetricValue } from './compute-metrics';
import { meetsTarget, METRICS, type MetricDefinition, type MetricKey } from './definitions';
import { sliceRecordsByPeriod } from './metric-slices';
import { BANDS } from './popup-view';

export interface ReportRecords {
  accounts: readonly Account[];
  opportunities: readonly Opportunity[];
  nps: readonly NpsResponse[];
  tickets: readonly Ticket[];
  milestones: readonly Milestone[];
  overrides: readonly Override[];
  /** The latest snapshot on or before today (current health), and the ones the health trend shows. */
  snapshot?: HealthSnapshot;
  history: readonly HealthSnapshot[];
}

export interface ReportMetric {
  definition: MetricDefinition;
  target: number;
  result: MetricValue;
  met: boolean | null;
  trend: { label: string; period: Period; value: number | null }[];
}

export interface ChurnPoint {
  label: string;
  logo: number | null;
  dollar: number | null;
}

export interface SlaRow {
  tier: TierName | 'No tier';
  targetHours: number | null;
  tickets: number;
  met: number;
  breached: number;
  running: number;
  /** met / (met + breached) × 100; null when nothing was decided yet. */
  compliancePercent: number | null;
}

export interface ForecastWeek {
  start: IsoDate;
  end: IsoDate;
  count: number;
  arr: number;
  expectedArr: number;
}

export interface BreakdownRow {
  name: string;
  accounts: number;
  arr: number;
  bands: Record<Band, number>;
  metrics: Record<MetricKey, MetricValue>;
  logoChurn: MetricValue;
}

export interface HealthPoint {
  date: IsoDate;
  counts: Record<Band, number>;
}

export interface ReportModel {
  period: Period;
  today: IsoDate;
  /** Why nothing could be computed (a bad period); null when fine. */
  problem: string | null;
  metrics: ReportMetric[];
  churn: { logo: MetricValue; dollar: MetricValue; trend: ChurnPoint[] };
  churnReasons: MetricResult<ChurnReasonRow[]>;
  cohorts: MetricResult<CohortRow[]>;
  sla: SlaRow[];
  forecast: ForecastWeek[];
  overdueRenewals: { count: number; arr: number };
  health: HealthPoint[];
  owners: BreakdownRow[];
  segments: BreakdownRow[];
}

export const FORECAST_WEEKS = 13;
const MAX_TREND_POINTS = 12;

/** The period cut into calendar-length parts: months when it spans 60 days or more, else weeks; at most 12, latest last. */
export function trendParts(period: Period): { label: string; period: Period }[] {
  if (periodProblem(period)) return [];
  const days = daysBetween(period.start, period.end) + 1;
  const parts: { label: string; period: Period }[] = [];
  if (days >= 60) {
    let end = period.end;
    while (end >= period.start && parts.length < MAX_TREND_POINTS) {
      const monthStart = `${end.slice(0, 7)}-01`;
      const start = monthStart < period.start ? period.start : monthStart;
      parts.unshift({ label: end.slice(0, 7), period: { start, end } });
      end = addDaysIso(monthStart, -1);
    }
  } else {
    let end = period.end;
    while (end >= period.start && parts.length < MAX_TREND_POINTS) {
      const weekStart = addDaysIso(end, -6);
      const start = weekStart < period.start ? period.start : weekStart;
      parts.unshift({ label: `wk ${start.slice(5)}`, period: { start, end } });
      end = addDaysIso(start, -1);
    }
  }
  return parts;
}

function percentValue(result: MetricResult<number>): MetricValue {
  return result.ok ? { ok: true, value: result.value, detail: '' } : result;
}

function shownBands(records: ReportRecords, settings: Settings, today: IsoDate): Map<string, Band> {
  const scores = new Map<string, number>();
  const snapshot = records.snapshot;
  if (snapshot) snapshot.accountIds.forEach((id, i) => scores.set(id, snapshot.scores[i] ?? -1));
  const overrides = new Map(records.overrides.map((o) => [o.accountId, o]));
  const bands = new Map<string, Band>();
  for (const a of records.accounts) {
    const raw = scores.get(a.id);
    const computed = raw !== undefined && raw >= 0 ? raw : null;
    const resolved = resolveOverride(overrides.get(a.id), bandFor(computed, settings.bands), today);
    bands.set(a.id, bandFor(resolved.state === 'applied' ? resolved.override.score : computed, settings.bands));
  }
  return bands;
}

function slaRows(records: ReportRecords, settings: Settings, period: Period, now: number): SlaRow[] {
  const range = instantRange(period);
  const accounts = new Map(records.accounts.map((a) => [a.id, a]));
  const rows = new Map<string, SlaRow>();
  for (const ticket of records.tickets) {
    if (!(ticket.createdAt >= range.fromMs && ticket.createdAt < range.toMs)) continue;
    const account = ticket.accountId === undefined ? undefined : accounts.get(ticket.accountId);
    if (!account) continue;
    const tier = tierForPlan(account.plan, settings);
    const key = tier?.name ?? 'No tier';
    let row = rows.get(key);
    if (!row) {
      row = { tier: key, targetHours: tier?.firstResponseHours ?? null, tickets: 0, met: 0, breached: 0, running: 0, compliancePercent: null };
      rows.set(key, row);
    }
    row.tickets++;
    if (!tier) continue;
    const sla = firstResponseSla(ticket, tier, now);
    if (!sla.ok) continue;
    row[sla.sla.state]++;
  }
  const order = ['Premium', 'Priority', 'Standard', 'No tier'];
  return [...rows.values()]
    .map((row) => ({ ...row, compliancePercent: row.met + row.breached > 0 ? (100 * row.met) / (row.met + row.breached) : null }))
    .sort((a, b) => order.indexOf(a.tier) - order.indexOf(b.tier));
}

function weeklyForecast(records: ReportRecords, bands: Map<string, Band>, today: IsoDate) {
  const weeks: ForecastWeek[] = Array.from({ length: FORECAST_WEEKS }, (_, i) => ({
    start: addDaysIso(today, 7 * i),
    end: addDaysIso(today, 7 * i + 6),
    count: 0,
    arr: 0,
    expectedArr: 0,
  }));
  const overdue = { count: 0, arr: 0 };
  for (const a of records.accounts) {
    if (a.status !== 'active' || !a.renewalDate) continue;
    if (a.renewalDate < today) {
      overdue.count++;
      overdue.arr += a.arr;
      continue;
    }
    const week = weeks[Math.floor(daysBetween(today, a.renewalDate) / 7)];
    if (!week) continue;
    week.count++;
    week.arr += a.arr;
    week.expectedArr += a.arr * DEFAULT_FORECAST_WEIGHTS[bands.get(a.id) ?? 'unknown'];
  }
  return { weeks, overdue };
}

/** Some accounts and the rows linked to them: what computeMetrics reads. */
interface RecordGroup {
  accounts: Account[];
  opportunities: Opportunity[];
  nps: NpsResponse[];
  tickets: Ticket[];
  milestones: Milestone[];
}

/** The rows of the report's accounts (rows linked to no account, or to one not in the database, count for none). */
function linkedRecords(records: ReportRecords): RecordGroup {
  return groupRecords(records, () => 'all').get('all') ?? { accounts: [], opportunities: [], nps: [], tickets: [], milestones: [] };
}

/** Accounts and their rows by group, in one pass over each table. */
function groupRecords(records: ReportRecords, groupOf: (a: Account) => string): Map<string, RecordGroup> {
  const groups = new Map<string, RecordGroup>();
  const groupOfAccount = new Map<string, RecordGroup>();
  for (const a of records.accounts) {
    const name = groupOf(a);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { accounts: [], opportunities: [], nps: [], tickets: [], milestones: [] }));
    group.accounts.push(a);
    groupOfAccount.set(a.id, group);
  }
  const groupOfRow = (row: { accountId?: string | undefined }) => (row.accountId === undefined ? undefined : groupOfAccount.get(row.accountId));
  for (const o of records.opportunities) groupOfRow(o)?.opportunities.push(o);
  for (const r of records.nps) groupOfRow(r)?.nps.push(r);
  for (const t of records.tickets) groupOfRow(t)?.tickets.push(t);
  for (const m of records.milestones) groupOfRow(m)?.milestones.push(m);
  return groups;
}

function breakdown(
  records: ReportRecords,
  settings: Settings,
  period: Period,
  bands: Map<string, Band>,
  nameOf: (a: Account) => string,
): BreakdownRow[] {
  const periods = { retention: period, experience: period, onboarding: period };
  return [...groupRecords(records, nameOf).entries()]
    .map(([name, group]) => {
      const active = group.accounts.filter((a) => a.status === 'active');
      const counts = Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;
      for (const a of active) counts[bands.get(a.id) ?? 'unknown']++;
      return {
        name,
        accounts: active.length,
        arr: active.reduce((sum, a) => sum + a.arr, 0),
        bands: counts,
        metrics: computeMetrics(group, periods, settings.targets),
        logoChurn: percentValue(logoChurn(group.accounts, period)),
      };
    })
    .sort((a, b) => b.arr - a.arr || a.name.localeCompare(b.name));
}

/** The latest snapshot on or before each trend part's end, for the health-over-time chart. */
export function healthDates(period: Period, snapshotDates: readonly IsoDate[]): IsoDate[] {
  const sorted = [...snapshotDates].sort();
  const picked = new Set<IsoDate>();
  for (const part of trendParts(period)) {
    const inPart = sorted.filter((d) => d >= part.period.start && d <= part.period.end);
    const last = inPart[inPart.length - 1];
    if (last) picked.add(last);
  }
  return [...picked].sort();
}

export function buildReport(records: ReportRecords, settings: Settings, period: Period, today: IsoDate, now: number): ReportModel {
  const problem = periodProblem(period);
  const bands = shownBands(records, settings, today);
  const base = {
    period,
    today,
    problem: problem ? `cannot compute: ${problem}` : null,
    churnReasons: churnReasons(records.accounts, period),
    cohorts: cohortRetention(records.accounts, today),
    sla: [] as SlaRow[],
    forecast: [] as ForecastWeek[],
    overdueRenewals: { count: 0, arr: 0 },
    health: [] as HealthPoint[],
    owners: [] as BreakdownRow[],
    segments: [] as BreakdownRow[],
  };
  const { weeks, overdue } = weeklyForecast(records, bands, today);
  base.forecast = weeks;
  base.overdueRenewals = overdue;
  base.health = records.history
    .filter((s) => s.date >= period.start && s.date <= period.end)
    .map((s) => {
      const counts = Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;
      for (const score of s.scores) counts[bandFor(score >= 0 ? score : null, settings.bands)]++;
      return { date: s.date, counts };
    });
  if (problem) {
    const none: MetricValue = { ok: false, reason: base.problem! };
    return {
      ...base,
      metrics: METRICS.map((definition) => ({ definition, target: definition.target(settings.targets), result: none, met: null, trend: [] })),
      churn: { logo: none, dollar: none, trend: [] },
    };
  }

  const samePeriods = (p: Period) => ({ retention: p, experience: p, onboarding: p });
  // Indexed once: each trend part then reads only its own rows (lib/portfolio/metric-slices.ts).
  const slice = sliceRecordsByPeriod(linkedRecords(records));
  const values = computeMetrics(slice(samePeriods(period)), samePeriods(period), settings.targets);
  const parts = trendParts(period).map((part) => ({
    ...part,
    values: computeMetrics(slice(samePeriods(part.period)), samePeriods(part.period), settings.targets),
  }));
  const metrics = METRICS.map((definition) => {
    const result = values[definition.key];
    return {
      definition,
      target: definition.target(settings.targets),
      result,
      met: result.ok ? meetsTarget(definition, result.value, settings.targets) : null,
      trend: parts.map((part) => {
        const value = part.values[definition.key];
        return { label: part.label, period: part.period, value: value.ok ? value.value : null };
      }),
    };
  });
  const churnTrend = trendParts(period).map((part) => {
    const { logoChurn: logo, dollarChurn: dollar } = revenueRetention(records.accounts, slice(samePeriods(part.period)).opportunities, part.period);
    return { label: part.label, logo: logo.ok ? logo.value : null, dollar: dollar.ok ? dollar.value : null };
  });
  const churn = revenueRetention(records.accounts, records.opportunities, period);
  return {
    ...base,
    metrics,
    churn: {
      logo: percentValue(churn.logoChurn),
      dollar: percentValue(churn.dollarChurn),
      trend: churnTrend,
    },
    sla: slaRows(records, settings, period, now),
    owners: breakdown(records, settings, period, bands, (a) => a.owner?.trim() || 'No owner'),
    segments: breakdown(records, settings, period, bands, (a) => a.segment ?? 'No segment'),
  };
}

