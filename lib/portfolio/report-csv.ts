/**
 * The report as one CSV table an executive can open in a spreadsheet: one row per number, with the section it
 * belongs to, the group (an owner, a segment, a tier, a week…), the measure, its value (blank when it cannot be
 * computed, with the reason in `note`), its unit, and the target where there is one.
 */
import Papa from 'papaparse';
import type { MetricValue } from './compute-metrics';
import { meetsTarget, METRICS } from './definitions';
import type { ReportModel } from './report';
import type { MetricTargets } from '../schemas/settings';

export const REPORT_CSV_COLUMNS = ['section', 'group', 'measure', 'value', 'unit', 'target', 'met', 'note'] as const;
export type ReportCsvRow = Record<(typeof REPORT_CSV_COLUMNS)[number], string>;

const num = (value: number) => String(Math.round(value * 1000) / 1000);

export function reportCsvRows(report: ReportModel, targets: MetricTargets): ReportCsvRow[] {
  const rows: ReportCsvRow[] = [];
  const add = (section: string, group: string, measure: string, value: number | null, unit: string, extra: Partial<ReportCsvRow> = {}) =>
    rows.push({ section, group, measure, value: value === null ? '' : num(value), unit, target: '', met: '', note: '', ...extra });
  const addMetric = (section: string, group: string, measure: string, unit: string, result: MetricValue, extra: Partial<ReportCsvRow> = {}) =>
    add(section, group, measure, result.ok ? result.value : null, unit, { note: result.ok ? result.detail : result.reason, ...extra });
  const period = `${report.period.start} to ${report.period.end}`;

  for (const m of report.metrics) {
    addMetric('Metrics', period, m.definition.label, m.definition.unit, m.result, {
      target: num(m.target),
      met: m.met === null ? '' : m.met ? 'yes' : 'no',
    });
  }
  for (const m of report.metrics) {
    for (const point of m.trend) add('Metric trend', point.label, m.definition.label, point.value, m.definition.unit);
  }
  addMetric('Churn', period, 'Logo churn', '%', report.churn.logo);
  addMetric('Churn', period, 'Dollar churn', '%', report.churn.dollar);
  for (const point of report.churn.trend) {
    add('Churn trend', point.label, 'Logo churn', point.logo, '%');
    add('Churn trend', point.label, 'Dollar churn', point.dollar, '%');
  }
  if (report.churnReasons.ok) {
    for (const r of report.churnReasons.value) {
      add('Churn reasons', r.reason, 'ARR lost', r.arr, 'USD');
      add('Churn reasons', r.reason, 'Accounts lost', r.accounts, 'accounts');
    }
  } else add('Churn reasons', period, 'ARR lost', null, 'USD', { note: report.churnReasons.reason });
  if (report.cohorts.ok) {
    for (const c of report.cohorts.value) {
      add('Cohort retention', c.cohort, 'Accounts', c.accounts, 'accounts');
      add('Cohort retention', c.cohort, 'Retained', c.retained, 'accounts');
      add('Cohort retention', c.cohort, 'Logo retention', c.retentionPercent, '%');
    }
  } else add('Cohort retention', '', 'Logo retention', null, '%', { note: report.cohorts.reason });
  for (const s of report.sla) {
    add('SLA by tier', s.tier, 'Compliance', s.compliancePercent, '%', {
      note: `${s.met} met, ${s.breached} breached, ${s.running} running of ${s.tickets} tickets`,
    });
  }
  for (const w of report.forecast) {
    add('Renewal forecast', `${w.start} to ${w.end}`, 'ARR due', w.arr, 'USD', { note: `${w.count} accounts` });
    add('Renewal forecast', `${w.start} to ${w.end}`, 'Expected ARR', w.expectedArr, 'USD');
  }
  for (const [section, list] of [['Owners', report.owners], ['Segments', report.segments]] as const) {
    for (const row of list) {
      add(section, row.name, 'Active accounts', row.accounts, 'accounts');
      add(section, row.name, 'ARR', row.arr, 'USD');
      for (const definition of METRICS) {
        const result = row.metrics[definition.key];
        addMetric(section, row.name, definition.label, definition.unit, result, {
          target: num(definition.target(targets)),
          met: result.ok ? (meetsTarget(definition, result.value, targets) ? 'yes' : 'no') : '',
        });
      }
      addMetric(section, row.name, 'Logo churn', '%', row.logoChurn);
    }
  }
  return rows;
}

export function reportCsv(report: ReportModel, targets: MetricTargets): string {
  return Papa.unparse({ fields: [...REPORT_CSV_COLUMNS], data: reportCsvRows(report, targets).map((row) => REPORT_CSV_COLUMNS.map((c) => row[c])) });
}
