/**
 * The report page: the portfolio over a chosen period, for digging in and for sharing with executives (CSV export
 * and a printable layout). Reads the records once per period choice (a report is a picture of a moment; "Refresh"
 * reads them again). Speed contract as the popup: <html data-ready="true"> and the `sightline:ready` mark once the
 * numbers are painted.
 */
import { useEffect, useMemo, useState } from 'react';
import { BAND_COLOR, BAND_LABEL, formatMoney, formatPercent } from '@/components/portfolio/format';
import { BarChart } from '@/components/report/BarChart';
import { BreakdownTable } from '@/components/report/BreakdownTable';
import { LineChart } from '@/components/report/LineChart';
import { MetricCard } from '@/components/report/MetricCard';
import { ChurnReasonsTable, CohortTable, SlaTable } from '@/components/report/ReportTables';
import { getDatabase } from '@/lib/db/database';
import { loadSettings } from '@/lib/db/settings';
import type { Period } from '@/lib/metrics/result';
import { lastDays } from '@/lib/portfolio/compute-metrics';
import { CHURN_FORMULAS, FORECAST_FORMULA } from '@/lib/portfolio/definitions';
import { BANDS } from '@/lib/portfolio/popup-view';
import { buildReport, type ReportModel } from '@/lib/portfolio/report';
import { reportCsv } from '@/lib/portfolio/report-csv';
import type { Settings } from '@/lib/schemas/settings';
import { localDay } from '@/lib/scoring/dates';
import { loadReportRecords } from './load';

const db = getDatabase();
const PRESETS = [
  { id: '30', label: 'Last 30 days', days: 30 },
  { id: '90', label: 'Last 90 days', days: 90 },
  { id: '365', label: 'Last 12 months', days: 365 },
] as const;

type Loaded = { report: ReportModel; settings: Settings; accounts: number };

function Section({ title, formula, children, testId }: { title: string; formula?: string; children: React.ReactNode; testId: string }) {
  return (
    <section className="break-inside-avoid space-y-2" data-testid={testId}>
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500" title={formula}>
        <span className={formula ? 'cursor-help underline decoration-slate-300 decoration-dotted' : ''}>{title}</span>
      </h2>
      {children}
    </section>
  );
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function App() {
  const today = localDay(new Date());
  const [preset, setPreset] = useState<string>('365');
  const [custom, setCustom] = useState<Period>(() => lastDays(today, 365));
  const period = useMemo(() => {
    const found = PRESETS.find((p) => p.id === preset);
    return found ? lastDays(today, found.days) : custom;
  }, [preset, custom, today]);
  const [loaded, setLoaded] = useState<Loaded | { error: string } | undefined>(undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoaded(undefined);
    void (async () => {
      try {
        const [settings, records] = await Promise.all([loadSettings(db), loadReportRecords(db, period, today)]);
        const report = buildReport(records, settings, period, today, Date.now());
        if (!cancelled) setLoaded({ report, settings, accounts: records.accounts.length });
      } catch (error) {
        if (!cancelled) setLoaded({ error: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [period, today, generation]);

  useEffect(() => {
    if (loaded === undefined || document.documentElement.dataset.ready === 'true') return;
    document.documentElement.dataset.ready = 'true';
    performance.mark('sightline:ready');
  }, [loaded]);

  const report = loaded && 'report' in loaded ? loaded.report : undefined;
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6 text-sm text-slate-800 print:max-w-none print:p-0">
      <header className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 pb-3">
        <div>
          <h1 className="text-xl font-semibold text-teal-700">Portfolio report</h1>
          <p className="text-xs text-slate-500" data-testid="report-period">
            {period.start} to {period.end}
            {loaded && 'accounts' in loaded ? ` · ${loaded.accounts.toLocaleString('en-US')} accounts` : ''}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-2 print:hidden">
          <label className="flex flex-col text-xs text-slate-600">
            Period
            <select className="rounded border border-slate-300 px-2 py-1" value={preset} onChange={(e) => setPreset(e.target.value)} data-testid="report-preset">
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
              <option value="custom">Custom…</option>
            </select>
          </label>
          {preset === 'custom' ? (
            <>
              <label className="flex flex-col text-xs text-slate-600">
                From
                <input type="date" className="rounded border border-slate-300 px-1 py-0.5" value={custom.start} data-testid="report-start" onChange={(e) => setCustom({ ...custom, start: e.target.value })} />
              </label>
              <label className="flex flex-col text-xs text-slate-600">
                To
                <input type="date" className="rounded border border-slate-300 px-1 py-0.5" value={custom.end} data-testid="report-end" onChange={(e) => setCustom({ ...custom, end: e.target.value })} />
              </label>
            </>
          ) : null}
          <button type="button" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50" onClick={() => setGeneration((g) => g + 1)}>
            Refresh
          </button>
          <button
            type="button"
            className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-50"
            disabled={!report}
            data-testid="report-csv"
            onClick={() => report && loaded && 'settings' in loaded && download(reportCsv(report, loaded.settings.targets), `sightline-report-${period.start}-${period.end}.csv`)}
          >
            Export CSV
          </button>
          <button type="button" className="rounded bg-teal-700 px-3 py-1 font-medium text-white hover:bg-teal-800" data-testid="report-print" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>

      {loaded === undefined ? <p className="text-slate-500">Computing the report…</p> : null}
      {loaded && 'error' in loaded ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          The report could not be computed: {loaded.error}
        </p>
      ) : null}
      {report?.problem ? (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-amber-900" data-testid="report-problem">
          {report.problem}
        </p>
      ) : null}

      {report ? (
        <>
          <Section title="Metrics vs targets" testId="report-metrics">
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
              {report.metrics.map((metric) => (
                <MetricCard key={metric.definition.key} metric={metric} />
              ))}
            </div>
            <p className="text-[11px] text-slate-500">Each point of a trend is the metric computed over that month (or week, for periods under 60 days). Hover a name for its formula.</p>
          </Section>

          <div className="grid grid-cols-1 gap-6 md:grid-cols-2 print:grid-cols-2">
            <Section title="Logo vs dollar churn" testId="report-churn">
              <p className="flex gap-6">
                <span title={CHURN_FORMULAS.logo} data-testid="report-logo-churn" data-value={report.churn.logo.ok ? report.churn.logo.value : ''}>
                  <span className="text-xs text-slate-500">Logo churn</span>
                  <br />
                  <strong className="text-lg tabular-nums">{report.churn.logo.ok ? formatPercent(report.churn.logo.value) : 'n/a'}</strong>
                </span>
                <span title={CHURN_FORMULAS.dollar} data-testid="report-dollar-churn" data-value={report.churn.dollar.ok ? report.churn.dollar.value : ''}>
                  <span className="text-xs text-slate-500">Dollar churn</span>
                  <br />
                  <strong className="text-lg tabular-nums">{report.churn.dollar.ok ? formatPercent(report.churn.dollar.value) : 'n/a'}</strong>
                </span>
              </p>
              {!report.churn.dollar.ok ? <p className="text-xs text-slate-600">{report.churn.dollar.reason}</p> : null}
              <LineChart
                title="Logo and dollar churn by month"
                labels={report.churn.trend.map((p) => p.label)}
                series={[
                  { name: 'Logo churn', color: '#7c3aed', values: report.churn.trend.map((p) => p.logo) },
                  { name: 'Dollar churn', color: '#dc2626', values: report.churn.trend.map((p) => p.dollar) },
                ]}
                format={formatPercent}
                width={360}
              />
              <p className="flex gap-3 text-[11px]">
                <span className="text-violet-600">● logo</span>
                <span className="text-red-600">● dollar</span>
              </p>
            </Section>
            <Section title="Churn reasons by ARR" testId="report-churn-reasons">
              <ChurnReasonsTable result={report.churnReasons} />
            </Section>
          </div>

          <Section title="Weekly renewal forecast (next 13 weeks)" formula={FORECAST_FORMULA} testId="report-forecast">
            <BarChart
              title="ARR due and expected ARR per week"
              mode="overlay"
              format={formatMoney}
              bars={report.forecast.map((w) => ({
                label: w.start.slice(5),
                parts: [
                  { name: 'ARR due', color: '#cbd5e1', value: w.arr },
                  { name: 'Expected', color: '#0f766e', value: w.expectedArr },
                ],
              }))}
            />
            <p className="text-[11px] text-slate-500">
              Grey: ARR due that week; green: expected after health weighting. Total due {formatMoney(report.forecast.reduce((s, w) => s + w.arr, 0))}, expected{' '}
              {formatMoney(report.forecast.reduce((s, w) => s + w.expectedArr, 0))}.
              {report.overdueRenewals.count > 0 ? ` ${report.overdueRenewals.count} renewal dates have passed (${formatMoney(report.overdueRenewals.arr)}), not shown.` : ''}
            </p>
          </Section>

          <Section title="Health over time" testId="report-health">
            <BarChart
              title="Accounts per health band"
              mode="stack"
              format={(v) => String(v)}
              bars={report.health.map((h) => ({ label: h.date.slice(5), parts: BANDS.map((b) => ({ name: BAND_LABEL[b], color: BAND_COLOR[b], value: h.counts[b] })) }))}
            />
            <p className="text-[11px] text-slate-500">
              Computed scores of the daily snapshots (overrides not counted), the latest of each month or week. {report.health.length === 0 ? 'No snapshot in this period.' : ''}
            </p>
          </Section>

          <div className="grid grid-cols-1 gap-6 md:grid-cols-2 print:grid-cols-2">
            <Section title="Cohort retention by start quarter" testId="report-cohorts">
              <CohortTable result={report.cohorts} />
            </Section>
            <Section title="First-response SLA by tier" testId="report-sla">
              <SlaTable rows={report.sla} />
            </Section>
          </div>

          <Section title="By owner" testId="report-owners">
            <BreakdownTable rows={report.owners} groupLabel="Owner" testId="owners" />
          </Section>
          <Section title="By segment" testId="report-segments">
            <BreakdownTable rows={report.segments} groupLabel="Segment" testId="segments" />
          </Section>
        </>
      ) : null}
    </main>
  );
}
