/**
 * The toolbar popup: the portfolio at a glance for managers. It paints from the views stored for every filter
 * (lib/portfolio/popup-view-cache.ts: one small record, prepared by the background after each rescoring and after
 * overrides change) when they still fit; otherwise it reads the digest the background keeps (one large record) and
 * stores new views.
 * Without a current digest (rescoring has not run since data arrived) it builds and stores one.
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
import { countOpenRuns } from '@/lib/db/playbook-runs';
import { POPUP_VIEWS_KEY, readStoredPopupViews } from '@/lib/db/popup-view';
import { readDigestStamp, readPortfolioDigest, refreshPortfolioDigest } from '@/lib/db/portfolio-digest';
import { loadSettings } from '@/lib/db/settings';
import { FILTER_STORAGE_KEY, parseFilter } from '@/lib/portfolio/filter';
import { accountHref } from '@/lib/portfolio/links';
import { buildPopupView, type AtRiskRow } from '@/lib/portfolio/popup-view';
import { buildStoredPopupViews, popupInputsKey, storedViewFor } from '@/lib/portfolio/popup-view-cache';
import type { PortfolioFilter } from '@/lib/schemas/portfolio';
import { localDay } from '@/lib/scoring/dates';

const db = getDatabase();

/** Everything the popup reads before it can paint, all small records: never the digest itself. */
async function loadPopupBase() {
  const now = new Date();
  const today = localDay(now);
  const [stamp, overrides, settings, latestSnapshot, storedViews] = await Promise.all([
    readDigestStamp(db),
    db.overrides.toArray(),
    loadSettings(db),
    db.snapshots.where('date').belowOrEqual(today).lastKey(),
    readStoredPopupViews(db),
  ]);
  // A digest that missed a rescoring (the background rebuilds it after each one) counts as none.
  const current = stamp !== undefined && stamp.snapshotDate === (latestSnapshot ?? null) ? stamp : undefined;
  return { today, stamp: current, overrides, settings, inputsKey: popupInputsKey(overrides, settings), storedViews };
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
  const base = useLiveQuery(loadPopupBase, []);
  const [filter, setFilter] = useState<PortfolioFilter | null>(null);
  useEffect(() => {
    void browser.storage.local.get(FILTER_STORAGE_KEY).then((items) => setFilter(parseFilter(items[FILTER_STORAGE_KEY])));
  }, []);
  const changeFilter = (next: PortfolioFilter) => {
    setFilter(next);
    void browser.storage.local.set({ [FILTER_STORAGE_KEY]: next });
  };

  const stored = useMemo(
    () =>
      base && filter
        ? storedViewFor(base.storedViews, { digestBuiltAt: base.stamp?.builtAt, today: base.today, filter, inputsKey: base.inputsKey })
        : undefined,
    [base, filter],
  );
  // The whole digest is read only when the stored views do not fit (an override or the settings changed, a new digest).
  const digestNeeded = base?.stamp !== undefined && filter !== null && stored === undefined;
  const digest = useLiveQuery(async () => (digestNeeded ? ((await readPortfolioDigest(db)) ?? null) : undefined), [digestNeeded]);
  const current = base && digest && digest.builtAt === base.stamp?.builtAt ? digest : undefined;
  const built = useMemo(
    () =>
      base && filter && current
        ? buildPopupView({ digest: current, overrides: base.overrides, settings: base.settings, filter, today: base.today })
        : undefined,
    [base, filter, current],
  );
  useEffect(() => {
    // After the paint: every filter's view, so the next opening and filter changes need no digest.
    if (!built || !base || !current) return;
    const { overrides, settings, today } = base;
    void db.meta.put({ key: POPUP_VIEWS_KEY, value: buildStoredPopupViews({ digest: current, overrides, settings, today }) });
  }, [built, base, current]);
  const view = stored ?? built;

  // Read once the numbers are on screen (or there are none to show), so they do not compete with the headline
  // reads: a large portfolio has thousands of open runs, and IndexedDB counts by walking the records.
  const shown = view !== undefined;
  const countNow = shown || (base !== undefined && (base.stamp === undefined || digest === null));
  const currentUser = base?.settings.currentUser;
  const runs = useLiveQuery(async () => {
    if (!shown) return undefined;
    const now = new Date();
    const mine = currentUser?.trim() ? countOpenRuns(db, { now, owner: currentUser }) : null;
    return { portfolio: await countOpenRuns(db, { now }), mine: await mine };
  }, [shown, currentUser]);
  const accountCount = useLiveQuery(async () => (countNow ? db.accounts.count() : undefined), [countNow]);

  const empty = accountCount === 0;
  // No current digest, or one built before accounts were imported or removed: build it (numbers shown meanwhile are the old ones).
  const needsDigest =
    base !== undefined &&
    accountCount !== undefined &&
    accountCount > 0 &&
    (base.stamp === undefined || digest === null || (view !== undefined && view.totalAccounts !== accountCount));
  const [rebuildError, setRebuildError] = useState<string | null>(null);
  useEffect(() => {
    if (!needsDigest) return;
    rebuildDigest().catch((error: unknown) => setRebuildError(error instanceof Error ? error.message : String(error)));
  }, [needsDigest]);
  // A digest of an empty portfolio while accounts exist (built before the first import) has no numbers to show.
  const showNumbers = view !== undefined && base?.stamp !== undefined && !empty && view.totalAccounts > 0;
  useEffect(() => {
    if (showNumbers || empty) markReady();
  }, [showNumbers, empty]);

  const panelUrl = browser.runtime.getURL('/panel.html');
  const hrefOf = (row: AtRiskRow) => accountHref(row, base?.settings.salesforceInstanceUrl ?? '', panelUrl);

  return (
    <main className="w-[560px] space-y-2.5 px-3 py-2.5 text-sm text-slate-800">
      <header className="flex items-center justify-between gap-2">
        <div className="flex items-center gap-3">
          <h1 className="text-base font-semibold tracking-tight text-teal-700">Sightline</h1>
          {view && filter && !empty ? <FilterBar filter={filter} onChange={changeFilter} /> : null}
        </div>
        <div className="flex items-center gap-2 whitespace-nowrap text-xs text-slate-500">
          {view && view.demoAccounts > 0 ? (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900" data-testid="demo-marker" title="Fictional accounts from the demo generator">
              Demo data
            </span>
          ) : null}
          <span data-testid="account-count">
            {accountCount !== undefined ? `${formatCount(accountCount)} accounts` : view ? `${formatCount(view.totalAccounts)} accounts` : 'Loading…'}
          </span>
        </div>
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
            : view && view.totalAccounts > 0
              ? 'Updating the numbers for accounts added or removed since the last rescoring…'
              : 'Computing the portfolio from your data…'}
        </p>
      ) : null}

      {showNumbers && view && base?.stamp ? (
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
                {view.noArr > 0 ? <span title="Active accounts with no ARR recorded">{` · ${formatCount(view.noArr)} without ARR`}</span> : null}
              </span>
            }
          >
            <BandBar bands={view.bands} />
          </Section>
          <Section title="Metrics vs targets" aside={<span className="text-[11px] text-slate-500">retention 12 mo · others 90 d</span>}>
            <MetricTiles rows={view.metrics} />
          </Section>
          <div className="grid grid-cols-[3fr_2fr] gap-5">
            <Section title="Renewals">
              <RenewalsTable rows={view.renewals} overdue={view.overdue} />
            </Section>
            <Section title="Playbooks">
              {runs ? <RunsSummary portfolio={runs.portfolio} mine={runs.mine} /> : <p className="text-xs text-slate-500">Counting open runs…</p>}
            </Section>
          </div>
          <Section title="Top at-risk accounts" aside={<span className="text-[11px] text-slate-500">by ARR · score · 30 d · renewal</span>}>
            <AtRiskList rows={view.atRisk} hrefOf={hrefOf} />
          </Section>
          <footer className="flex items-center justify-between border-t border-slate-100 pt-2 text-xs">
            <span className="text-[11px] text-slate-500" data-testid="digest-age">
              {base.stamp.snapshotDate ? `As of ${format(base.stamp.builtAt, 'd MMM HH:mm')}` : 'Not scored yet: scores appear after rescoring'}
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
