/**
 * The toolbar popup: the portfolio at a glance for managers. It reads the digest the background keeps after each
 * rescoring (one record) plus the small live tables (overrides, settings, open runs), so it paints quickly at any
 * portfolio size. Without a current digest (rescoring has not run since data arrived) it builds and stores one.
 * Speed contract: once the headline numbers are painted it sets <html data-ready="true"> and marks
 * `sightline:ready` (the playbook-run counts follow when read).
 */
import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { AtRiskList } from '@/components/portfolio/AtRiskList';
import { BandBar } from '@/components/portfolio/BandBar';
import { FilterBar } from '@/components/portfolio/FilterBar';
import { formatCount, formatMoney } from '@/components/portfolio/format';
import { MetricTiles } from '@/components/portfolio/MetricTiles';
import { RenewalsTable } from '@/components/portfolio/RenewalsTable';
import { RunsSummary } from '@/components/portfolio/RunsSummary';
import { getDatabase } from '@/lib/db/database';
import { readPortfolioDigest, refreshPortfolioDigest } from '@/lib/db/portfolio-digest';
import { loadSettings } from '@/lib/db/settings';
import { ownerKey } from '@/lib/portfolio/digest';
import { parseFilter } from '@/lib/portfolio/filter';
import { accountHref } from '@/lib/portfolio/links';
import { buildPopupView, type AtRiskRow } from '@/lib/portfolio/popup-view';
import { countRuns } from '@/lib/portfolio/runs';
import type { PortfolioFilter } from '@/lib/schemas/portfolio';
import { localDay } from '@/lib/scoring/dates';

const db = getDatabase();
const FILTER_KEY = 'sightline:portfolio-filter';

async function loadPopupData() {
  const now = new Date();
  const today = localDay(now);
  const [digest, overrides, settings, latestSnapshot] = await Promise.all([
    readPortfolioDigest(db),
    db.overrides.toArray(),
    loadSettings(db),
    db.snapshots.where('date').belowOrEqual(today).lastKey(),
  ]);
  // A digest that missed a rescoring (the background rebuilds it after each one).
  const stale = digest !== undefined && digest.snapshotDate !== (latestSnapshot ?? null);
  return { today, digest: stale ? undefined : digest, overrides, settings };
}

/**
 * Without a current digest the popup builds one from the tables (slow for large portfolios) and stores it, so the
 * next opening is quick; the background replaces it after its next rescoring.
 */
async function rebuildDigest(): Promise<void> {
  const now = new Date();
  await refreshPortfolioDigest(db, await loadSettings(db), localDay(now), now.getTime());
}

function markReady() {
  if (document.documentElement.dataset.ready === 'true') return;
  document.documentElement.dataset.ready = 'true';
  performance.mark('sightline:ready');
}

function Section({ title, children, aside }: { title: string; children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <section className="space-y-1.5">
      <h2 className="flex items-baseline justify-between text-[11px] font-semibold uppercase tracking-wide text-slate-500">
        <span>{title}</span>
        {aside ? <span className="font-normal normal-case tracking-normal">{aside}</span> : null}
      </h2>
      {children}
    </section>
  );
}

export function App() {
  const data = useLiveQuery(loadPopupData, []);
  // Read after the headline data, so they do not hold up its read: a large portfolio has thousands of open runs,
  // and IndexedDB counts by walking the records (~1 ms per 1,000 accounts).
  const loaded = data !== undefined;
  const openRuns = useLiveQuery(async () => (loaded ? db.runs.where('status').equals('open').toArray() : undefined), [loaded]);
  const accountCount = useLiveQuery(async () => (loaded ? db.accounts.count() : undefined), [loaded]);
  const [filter, setFilter] = useState<PortfolioFilter | null>(null);
  useEffect(() => {
    void browser.storage.local.get(FILTER_KEY).then((items) => setFilter(parseFilter(items[FILTER_KEY])));
  }, []);
  const changeFilter = (next: PortfolioFilter) => {
    setFilter(next);
    void browser.storage.local.set({ [FILTER_KEY]: next });
  };

  const view = useMemo(
    () =>
      data?.digest && filter
        ? buildPopupView({ digest: data.digest, overrides: data.overrides, settings: data.settings, filter, today: data.today })
        : undefined,
    [data, filter],
  );
  const runs = useMemo(() => {
    if (!data?.digest || !openRuns) return undefined;
    const me = ownerKey(data.settings.currentUser);
    const { ids, owners } = data.digest.accounts;
    const mine = new Set(me && openRuns.length > 0 ? ids.filter((_, i) => ownerKey(owners[i]) === me) : []);
    return {
      portfolio: countRuns(openRuns, data.today),
      mine: me ? countRuns(openRuns, data.today, (id) => mine.has(id)) : null,
    };
  }, [data, openRuns]);

  const empty = accountCount === 0;
  // No current digest, or one built before accounts were imported or removed: build it (numbers shown meanwhile are the old ones).
  const needsDigest =
    data !== undefined && accountCount !== undefined && accountCount > 0 && (data.digest === undefined || data.digest.accounts.ids.length !== accountCount);
  const [rebuildError, setRebuildError] = useState<string | null>(null);
  useEffect(() => {
    if (!needsDigest) return;
    rebuildDigest().catch((error: unknown) => setRebuildError(error instanceof Error ? error.message : String(error)));
  }, [needsDigest]);
  // A digest of an empty portfolio while accounts exist (built before the first import) has no numbers to show.
  const showNumbers = view !== undefined && data?.digest !== undefined && !empty && data.digest.accounts.ids.length > 0;
  useEffect(() => {
    if (showNumbers || empty) markReady();
  }, [showNumbers, empty]);

  const panelUrl = browser.runtime.getURL('/panel.html');
  const hrefOf = (row: AtRiskRow) => accountHref(row, data?.settings.salesforceInstanceUrl ?? '', panelUrl);

  return (
    <main className="w-[400px] space-y-3 p-3 text-sm text-slate-800">
      <header className="space-y-1.5">
        <div className="flex items-center justify-between">
          <h1 className="text-base font-semibold tracking-tight text-teal-700">Sightline</h1>
          <div className="flex items-center gap-2 text-xs text-slate-500">
            {view && view.demoAccounts > 0 ? (
              <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900" data-testid="demo-marker" title="Fictional accounts from the demo generator">
                Demo data
              </span>
            ) : null}
            <span data-testid="account-count">
              {accountCount !== undefined ? `${formatCount(accountCount)} accounts` : data?.digest ? `${formatCount(data.digest.accounts.ids.length)} accounts` : 'Loading…'}
            </span>
          </div>
        </div>
        {view && filter && !empty ? <FilterBar filter={filter} onChange={changeFilter} /> : null}
      </header>

      {empty ? (
        <section className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3 text-xs" data-testid="empty-state">
          <p className="font-medium text-slate-800">No accounts yet.</p>
          <p className="text-slate-600">
            Import your Salesforce and Zendesk exports (accounts first, then usage, tickets, NPS…) on the options page, or load the
            demo portfolio there to look around with fictional data.
          </p>
          <button type="button" className="rounded bg-teal-700 px-3 py-1 font-medium text-white hover:bg-teal-800" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
            Open options to import or load the demo
          </button>
        </section>
      ) : null}

      {needsDigest ? (
        <p className="text-xs text-slate-600" data-testid="digest-building" role="status">
          {rebuildError
            ? `Could not compute the portfolio: ${rebuildError}`
            : data?.digest && data.digest.accounts.ids.length > 0
              ? 'Updating the numbers for accounts added or removed since the last rescoring…'
              : 'Computing the portfolio from your data…'}
        </p>
      ) : null}

      {showNumbers && view && data?.digest ? (
        <>
          {view.selectionProblem ? (
            <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="selection-problem">
              {view.selectionProblem}
            </p>
          ) : null}
          <Section
            title="Health"
            aside={
              <span className="text-[11px] text-slate-500" data-testid="selection-summary">
                {formatCount(view.accounts)} active · {formatMoney(view.arr)} ARR
                {view.churned ? ` · ${formatCount(view.churned)} churned` : ''}
              </span>
            }
          >
            <BandBar bands={view.bands} />
            {view.noArr > 0 ? <p className="text-[11px] text-slate-500">{formatCount(view.noArr)} active accounts have no ARR recorded.</p> : null}
          </Section>
          <Section title="Metrics vs targets" aside={<span className="text-[11px] text-slate-500">retention 12 mo · others 90 d</span>}>
            <MetricTiles rows={view.metrics} />
          </Section>
          <Section title="Renewals">
            <RenewalsTable rows={view.renewals} overdue={view.overdue} />
          </Section>
          <Section title="Top at-risk accounts" aside={<span className="text-[11px] text-slate-500">by ARR · score · 30 d · renewal</span>}>
            <AtRiskList rows={view.atRisk} hrefOf={hrefOf} />
          </Section>
          <Section title="Playbooks">
            {runs ? <RunsSummary portfolio={runs.portfolio} mine={runs.mine} /> : <p className="text-xs text-slate-500">Counting open runs…</p>}
          </Section>
          <footer className="flex items-center justify-between border-t border-slate-100 pt-2 text-xs">
            <span className="text-[11px] text-slate-500" data-testid="digest-age">
              {data.digest.snapshotDate ? `As of ${format(data.digest.builtAt, 'd MMM HH:mm')}` : 'Not scored yet: scores appear after rescoring'}
            </span>
            <span className="flex gap-3">
              <a href="/report.html" target="_blank" rel="noreferrer" className="font-medium text-teal-700 hover:underline" data-testid="open-report">
                Open report
              </a>
              <button type="button" className="text-slate-600 hover:underline" onClick={() => void browser.runtime.openOptionsPage()}>
                Options
              </button>
            </span>
          </footer>
        </>
      ) : null}
    </main>
  );
}
