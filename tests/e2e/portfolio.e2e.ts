/**
 * The manager's view in real Chromium (issue 7; issue 6 item 5): the popup's empty state, then the demo portfolio
 * loaded through the options page. The popup's numbers are checked against metrics computed HERE, with the
 * definitions of DESIGN.md §3 written out, from the records read back from the database — not with the
 * extension's own aggregation. Filters change the numbers and are remembered; an at-risk account opens its page.
 */
import { addDays, format, parseISO } from 'date-fns';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protocolMessage, readStore, seedRecords, sendRuntimeMessage } from '../../scripts/harness/extension-page';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import type { Account, HealthSnapshot, Milestone, NpsResponse, Opportunity, Override, PlaybookRun, Ticket } from '../../lib/schemas/records';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings';
import { launchForTest } from './support';

const ME = 'Priya Raman';
// Chrome's popup is at most 800 × 600: the popup is 560 wide and must fit 600 high.
const POPUP_SIZE = { width: 560, height: 600 };

let session: ExtensionSession;
let options: Page;
const pageErrors: string[] = [];

interface Records {
  today: string;
  accounts: Account[];
  snapshot: HealthSnapshot;
  overrides: Override[];
  opportunities: Opportunity[];
  nps: NpsResponse[];
  tickets: Ticket[];
  milestones: Milestone[];
  runs: PlaybookRun[];
}
let records: Records;

const iso = (date: Date) => format(date, 'yyyy-MM-dd');
const shift = (day: string, days: number) => iso(addDays(parseISO(day), days));
const median = (values: number[]) => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const norm = (name: string | undefined) => (name ?? '').trim().toLowerCase();

/** The popup's numbers for a selection, from DESIGN.md §3's definitions (default settings: bands 80/50). */
function expected(r: Records, owner: string | null, segment: string | null, experienceDays = 90) {
  const { today } = r;
  const inSelection = (a: Account) => (owner === null || norm(a.owner) === norm(owner)) && (segment === null || a.segment === segment);
  const accounts = r.accounts.filter(inSelection);
  const ids = new Set(accounts.map((a) => a.id));
  const scoreOf = new Map(r.snapshot.accountIds.map((id, i) => [id, r.snapshot.scores[i]!]));
  const band = (score: number | null) => (score === null ? 'unknown' : score >= 80 ? 'healthy' : score >= 50 ? 'at-risk' : 'critical');
  const shown = (a: Account) => {
    const computed = scoreOf.get(a.id) ?? -1;
    const override = r.overrides.find((o) => o.accountId === a.id);
    const own = computed >= 0 ? computed : null;
    // An override applies until it expires; an unlocked one lapses once the computed band moved since it was set.
    const lapsed = override !== undefined && !override.locked && override.computedBandAtSet !== undefined && override.computedBandAtSet !== band(own);
    if (override && override.expiresOn >= today && !lapsed) return override.score;
    return own;
  };
  const active = accounts.filter((a) => a.status === 'active');
  const bands: Record<string, { count: number; arr: number }> = {};
  for (const b of ['healthy', 'at-risk', 'critical', 'unknown']) bands[b] = { count: 0, arr: 0 };
  for (const a of active) {
    const b = bands[band(shown(a))]!;
    b.count++;
    b.arr += a.arr;
  }
  const weight: Record<string, number> = { healthy: 0.95, 'at-risk': 0.7, critical: 0.4, unknown: 0.8 };
  const renewals = [30, 60, 90].map((days) => {
    const due = active.filter((a) => a.renewalDate !== undefined && a.renewalDate >= today && a.renewalDate <= shift(today, days));
    return {
      days,
      count: due.length,
      arr: due.reduce((s, a) => s + a.arr, 0),
      expected: due.reduce((s, a) => s + a.arr * weight[band(shown(a))]!, 0),
    };
  });

  // NPS, CSAT and first response over the last 90 days (the popup; the report's 12 months: 365); ticket days are UTC days.
  const q = { start: shift(today, 1 - experienceDays), end: today };
  const nps = r.nps.filter((n) => ids.has(n.accountId) && n.date >= q.start && n.date <= q.end);
  const npsScore = nps.length ? (100 * (nps.filter((n) => n.score >= 9).length - nps.filter((n) => n.score <= 6).length)) / nps.length : null;
  const from = Date.parse(`${q.start}T00:00:00Z`);
  const to = Date.parse(`${shift(q.end, 1)}T00:00:00Z`);
  const tickets = r.tickets.filter((t) => t.accountId !== undefined && ids.has(t.accountId) && t.createdAt >= from && t.createdAt < to);
  const good = tickets.filter((t) => t.satisfaction === 'good').length;
  const bad = tickets.filter((t) => t.satisfaction === 'bad').length;
  const csat = good + bad ? (100 * good) / (good + bad) : null;
  const frt = median(tickets.flatMap((t) => (t.firstReplyMinutes === null ? [] : [t.firstReplyMinutes])));

  // Time to value: accounts started in the last 365 days, days to their first success milestone.
  const year = { start: shift(today, -364), end: today };
  const success = new Set(['first-gap-identified', 'shared-with-team', 'multi-user-adoption', 'referral-or-case-study']);
  const ttvDays = accounts
    .filter((a) => a.startDate >= year.start && a.startDate <= year.end)
    .flatMap((a) => {
      const dates = r.milestones.filter((m) => m.accountId === a.id && success.has(m.key) && m.date >= a.startDate && m.date <= today).map((m) => m.date).sort();
      return dates.length ? [Math.round((parseISO(dates[0]!).getTime() - parseISO(a.startDate).getTime()) / 86_400_000)] : [];
    });

  // NRR / GRR over the last 365 days: the accounts active at the start, ARR at start rebuilt by undoing won changes since.
  let startArr = 0;
  let kept = 0;
  let net = 0;
  for (const a of accounts) {
    if (a.startDate >= year.start || (a.status === 'churned' && (a.churnDate ?? '') < year.start)) continue;
    const won = r.opportunities.filter((o) => o.accountId === a.id && o.outcome === 'won' && o.closeDate >= year.start);
    const sum = (type: string, inPeriod: boolean) => won.filter((o) => o.type === type && (!inPeriod || o.closeDate <= year.end)).reduce((s, o) => s + o.amount, 0);
    const atStart = Math.max(0, a.arr - sum('expansion', false) + sum('contraction', false) + (a.status === 'churned' ? 0 : sum('churn', false)));
    const churnedInPeriod = a.status === 'churned' && (a.churnDate ?? '') <= year.end;
    const expansion = sum('expansion', true);
    const contraction = sum('contraction', true);
    const churn = churnedInPeriod ? Math.max(0, atStart + expansion - contraction) : sum('churn', true);
    startArr += atStart;
    kept += atStart - Math.min(atStart, contraction + churn);
    net += atStart + expansion - contraction - churn;
  }
  return {
    accounts: active.length,
    bands,
    renewals,
    metrics: {
      nrr: startArr > 0 ? (100 * net) / startArr : null,
      grr: startArr > 0 ? (100 * kept) / startArr : null,
      nps: npsScore,
      csat,
      frt,
      ttv: median(ttvDays),
    } as Record<string, number | null>,
  };
}

async function readRecords(page: Page, today: string): Promise<Records> {
  const snapshots = await readStore<HealthSnapshot>(page, 'snapshots');
  const snapshot = snapshots.filter((s) => s.date <= today).sort((a, b) => (a.date < b.date ? 1 : -1))[0]!;
  return {
    today,
    accounts: await readStore<Account>(page, 'accounts'),
    snapshot,
    overrides: await readStore<Override>(page, 'overrides'),
    opportunities: await readStore<Opportunity>(page, 'opportunities'),
    nps: await readStore<NpsResponse>(page, 'nps'),
    tickets: await readStore<Ticket>(page, 'tickets'),
    milestones: await readStore<Milestone>(page, 'milestones'),
    runs: await readStore<PlaybookRun>(page, 'runs'),
  };
}

/** Polls outside a test (expect.poll is only allowed inside one). */
async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function openPopup(): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`${session.origin}/popup.html`);
  await popup.locator('html[data-ready="true"]').waitFor({ timeout: 30_000 });
  return popup;
}

/**
 * Closes a popup that built its numbers from a digest only once it has stored the views it built (it writes them
 * after the paint): a write still in flight would otherwise land over what the next test seeds.
 */
async function closeOnceViewsStored(popup: Page): Promise<void> {
  type MetaRow = { key: string; value: { builtAt?: number; digestBuiltAt?: number } };
  const storedFor = async () => {
    const meta = new Map((await readStore<MetaRow>(options, 'meta')).map((row) => [row.key, row.value]));
    return meta.get('portfolio:popup-views')?.digestBuiltAt === meta.get('portfolio:digest-stamp')?.builtAt;
  };
  await expect.poll(storedFor, { timeout: 15_000 }).toBe(true);
  await popup.close();
}

async function popupNumbers(popup: Page) {
  const attr = async (testId: string, name: string) => Number(await popup.getByTestId(testId).getAttribute(name));
  const bands: Record<string, { count: number }> = {};
  for (const b of ['healthy', 'at-risk', 'critical', 'unknown']) bands[b] = { count: Number(await popup.getByTestId(`band-count-${b}`).textContent()) };
  const metrics: Record<string, number | null> = {};
  for (const key of ['nrr', 'grr', 'nps', 'csat', 'frt', 'ttv']) {
    const value = popup.getByTestId(`metric-${key}-value`);
    metrics[key] = (await value.count()) ? Number(await value.getAttribute('data-value')) : null;
  }
  const renewals = [];
  for (const days of [30, 60, 90]) {
    renewals.push({
      days,
      count: await attr(`renewals-${days}`, 'data-count'),
      arr: await attr(`renewals-${days}`, 'data-arr'),
      expected: Number((await popup.getByTestId(`renewals-${days}-forecast`).getAttribute('data-expected')) || 0),
    });
  }
  return { bands, metrics, renewals };
}

function expectNumbersMatch(shown: Awaited<ReturnType<typeof popupNumbers>>, want: ReturnType<typeof expected>) {
  for (const b of Object.keys(want.bands)) expect(shown.bands[b]!.count, `band ${b}`).toBe(want.bands[b]!.count);
  for (const [key, value] of Object.entries(want.metrics)) {
    if (value === null) expect(shown.metrics[key], `metric ${key}`).toBeNull();
    else expect(shown.metrics[key], `metric ${key}`).toBeCloseTo(value, 6);
  }
  for (const [i, row] of want.renewals.entries()) {
    expect(shown.renewals[i]!.count, `renewals ${row.days} count`).toBe(row.count);
    expect(shown.renewals[i]!.arr, `renewals ${row.days} ARR`).toBeCloseTo(row.arr, 6);
    expect(shown.renewals[i]!.expected, `renewals ${row.days} forecast`).toBeCloseTo(row.expected, 6);
  }
}

/** Waits for the popup to re-render after a filter change, then compares every number. */
async function showsNumbers(popup: Page, want: ReturnType<typeof expected>): Promise<void> {
  const counts = (bands: Record<string, { count: number }>) => Object.values(bands).map((b) => b.count);
  await expect.poll(async () => counts((await popupNumbers(popup)).bands)).toEqual(counts(want.bands));
  expectNumbersMatch(await popupNumbers(popup), want);
}

beforeAll(async () => {
  session = await launchForTest();
  session.context.on('weberror', (error) => pageErrors.push(String(error.error())));
  options = await session.openExtensionPage('options.html');
  await options.setViewportSize({ width: 1100, height: 1200 });
  await options.getByTestId('account-count').waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('popup without data', () => {
  it('says how to import data or load the demo, and its button opens the options page', async () => {
    const popup = await openPopup();
    await expect(popup.getByTestId('account-count').textContent()).resolves.toBe('0 accounts');
    await expect(popup.getByTestId('empty-state').textContent()).resolves.toMatch(/Import your Salesforce and Zendesk exports.*load the\s+demo/);
    await screenshot(popup, 'portfolio-popup-empty');
    // Chrome focuses an options page that is already open instead of opening another: close ours first.
    await options.close();
    const opened = session.context.waitForEvent('page');
    await popup.getByTestId('open-options').click();
    options = await opened;
    await options.waitForLoadState();
    expect(options.url()).toBe(`${session.origin}/options.html`);
    await options.setViewportSize({ width: 1100, height: 1200 });
    await popup.close();
  });
});

describe('popup with the demo portfolio', () => {
  beforeAll(async () => {
    const today = iso(new Date());
    await seedRecords(options, 'settings', [{ key: 'settings', value: { ...DEFAULT_SETTINGS, currentUser: ME } }]);
    const started = Date.now();
    await options.getByTestId('demo-size').selectOption('500');
    await options.getByTestId('load-demo').click();
    await options.getByTestId('demo-status').filter({ hasText: 'Demo data loaded' }).waitFor({ timeout: 60_000 });
    // The background rescores ~30 s after the data settles, then rebuilds the popup's digest.
    await waitFor('the portfolio digest of the demo data', 150_000, async () => {
      const meta = await readStore<{ key: string; value: { builtAt?: number; snapshotDate?: string } }>(options, 'meta');
      const digest = meta.find((row) => row.key === 'portfolio:digest')?.value;
      return digest !== undefined && (digest.builtAt ?? 0) > started && digest.snapshotDate === today;
    });
    // An override set by hand on the largest healthy account: the popup applies it on top of the computed score.
    const accounts = await readStore<Account>(options, 'accounts');
    const snapshot = (await readStore<HealthSnapshot>(options, 'snapshots')).find((s) => s.date === today)!;
    const score = (id: string) => snapshot.scores[snapshot.accountIds.indexOf(id)] ?? -1;
    const target = accounts.filter((a) => a.status === 'active' && score(a.id) >= 80).sort((a, b) => b.arr - a.arr)[0]!;
    const override: Override = {
      accountId: target.id, score: 35, reason: 'Champion left', expiresOn: shift(today, 30), locked: true, setBy: ME, setAt: Date.now(),
    };
    await seedRecords(options, 'overrides', [override]);
    records = await readRecords(options, today);
  }, 240_000);

  it('paints from the view stored for its filter without reading the digest, and rebuilds it when an override changes', async () => {
    type MetaRow = { key: string; value: { builtAt?: number; digestBuiltAt?: number; filter?: unknown; inputsKey?: string } };
    const meta = async () => new Map((await readStore<MetaRow>(options, 'meta')).map((row) => [row.key, row.value]));
    const before = await meta();
    const digest = before.get('portfolio:digest')!;
    // The background stored the views of every filter right after its rescoring (no popup opened since).
    expect(before.get('portfolio:popup-views')).toMatchObject({ digestBuiltAt: digest.builtAt });

    // The override seeded after that rescoring (straight into IndexedDB, so the worker did not see it) changes the
    // inputs: this opening reads the digest and stores new views.
    const first = await openPopup();
    expectNumbersMatch(await popupNumbers(first), expected(records, null, null));
    await first.close();
    await expect.poll(async () => (await meta()).get('portfolio:popup-views')?.inputsKey).not.toBe(before.get('portfolio:popup-views')?.inputsKey);

    // With the digest unreadable, the same numbers still come, for another filter too: they are the stored views'.
    await seedRecords(options, 'meta', [{ key: 'portfolio:digest', value: { version: 0 } }]);
    const second = await openPopup();
    expectNumbersMatch(await popupNumbers(second), expected(records, null, null));
    await second.getByTestId('filter-segment').selectOption('SMB');
    await showsNumbers(second, expected(records, null, 'SMB'));
    await second.getByTestId('filter-segment').selectOption('all');
    await second.close();
    await seedRecords(options, 'meta', [{ key: 'portfolio:digest', value: digest }]);

    // An override lifted: the stored view no longer fits, and the popup shows the numbers without it.
    const lifted = { ...records.overrides[0]!, expiresOn: shift(iso(new Date()), -1) };
    await seedRecords(options, 'overrides', [lifted]);
    const third = await openPopup();
    expectNumbersMatch(await popupNumbers(third), expected({ ...records, overrides: [lifted] }, null, null));
    await third.close();
    await seedRecords(options, 'overrides', records.overrides);
  });

  it("refreshes the stored views in the background when an override is set on an account's page", async () => {
    type MetaRow = { key: string; value: { inputsKey?: string } };
    const viewsKey = async () => (await readStore<MetaRow>(options, 'meta')).find((row) => row.key === 'portfolio:popup-views')?.value.inputsKey;
    // Views that fit the current overrides (this opening stores them if they did not).
    await (await openPopup()).close();
    await expect.poll(viewsKey).toContain(records.overrides[0]!.accountId);
    const before = await viewsKey();

    // The largest critical account, lifted to healthy by hand on its detail page (the panel's form, through the worker).
    const snapshotScore = (id: string) => records.snapshot.scores[records.snapshot.accountIds.indexOf(id)] ?? -1;
    const target = records.accounts
      .filter((a) => a.status === 'active' && snapshotScore(a.id) >= 0 && snapshotScore(a.id) < 50 && !records.overrides.some((o) => o.accountId === a.id))
      .sort((a, b) => b.arr - a.arr)[0]!;
    const detail = await session.openExtensionPage(`panel.html?account=${encodeURIComponent(target.id)}`);
    try {
      await detail.getByTestId('override-open').click();
      await detail.getByTestId('override-score').fill('90');
      await detail.getByTestId('override-reason').fill('Escalation resolved with the CEO');
      await detail.getByTestId('override-save').click();
      await detail.getByTestId('override-state').waitFor();

      await expect.poll(viewsKey, { timeout: 15_000 }).not.toBe(before);
      expect(await viewsKey()).toContain(target.id);
      const overrides = await readStore<Override>(options, 'overrides');
      expect(overrides.find((o) => o.accountId === target.id)).toMatchObject({ score: 90, locked: false, computedBandAtSet: 'critical' });
      const popup = await openPopup();
      expectNumbersMatch(await popupNumbers(popup), expected({ ...records, overrides }, null, null));
      await popup.close();
    } finally {
      await detail.close();
      expect(await sendRuntimeMessage(options, protocolMessage('clearOverride', { accountId: target.id }))).toMatchObject({ res: { ok: true } });
    }
  });

  it('shows the health distribution, metrics, renewals and forecast computed independently from the records', async () => {
    const popup = await openPopup();
    expectNumbersMatch(await popupNumbers(popup), expected(records, null, null));
    await expect(popup.getByTestId('account-count').textContent()).resolves.toBe('500 accounts');
    await expect(popup.getByTestId('demo-marker').isVisible()).resolves.toBe(true);
    await screenshot(popup, 'portfolio-popup');
    await screenshot(popup, 'portfolio-popup-full', { fullPage: true });
    // Everything fits Chrome's popup (at most 800 × 600) without scrolling.
    const size = await popup.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
    expect(size.width).toBeLessThanOrEqual(POPUP_SIZE.width);
    expect(size.height).toBeLessThanOrEqual(POPUP_SIZE.height);
    await popup.close();
    expect(pageErrors).toEqual([]);
  });

  it('shows no numbers from a digest of an empty portfolio (built before the first import) until its own are ready', async () => {
    const meta = await readStore<{ key: string; value: { accounts: Record<string, unknown[]> } }>(options, 'meta');
    const current = meta.find((row) => row.key === 'portfolio:digest')!.value;
    const emptyColumns = Object.fromEntries(Object.keys(current.accounts).map((column) => [column, []]));
    // As then: the digest and the view stored from it are the empty portfolio's.
    await seedRecords(options, 'meta', [
      { key: 'portfolio:digest', value: { ...current, accounts: emptyColumns } },
      { key: 'portfolio:popup-views', value: { version: 0 } },
    ]);
    const popup = await openPopup();
    // Ready only once the rebuilt digest's numbers are on screen, never with the empty one's zeros.
    expectNumbersMatch(await popupNumbers(popup), expected(records, null, null));
    await closeOnceViewsStored(popup);
  });

  it('without a usable digest (one the background has not rebuilt yet) builds it itself, stores it, and shows the same numbers', async () => {
    await seedRecords(options, 'meta', [
      { key: 'portfolio:digest', value: { version: 0 } },
      { key: 'portfolio:popup-views', value: { version: 0 } },
    ]);
    const popup = await openPopup();
    expectNumbersMatch(await popupNumbers(popup), expected(records, null, null));
    const meta = await readStore<{ key: string; value: { version?: number; accounts?: { ids: string[] } } }>(options, 'meta');
    const stored = meta.find((row) => row.key === 'portfolio:digest')?.value;
    expect(stored?.version).toBe(1);
    expect(stored?.accounts?.ids).toHaveLength(500);
    await closeOnceViewsStored(popup);
  });

  it('lists the top at-risk accounts by ARR (the overridden one among them) and opens the detail page on click', async () => {
    const popup = await openPopup();
    const scoreOf = new Map(records.snapshot.accountIds.map((id, i) => [id, records.snapshot.scores[i]!]));
    const overridden = records.overrides[0]!;
    const shown = (a: Account) => (a.id === overridden.accountId ? overridden.score : (scoreOf.get(a.id) ?? -1));
    const risky = records.accounts
      .filter((a) => a.status === 'active' && shown(a) >= 0 && shown(a) < 80)
      .sort((a, b) => b.arr - a.arr || shown(a) - shown(b) || a.name.localeCompare(b.name))
      .slice(0, 5)
      .map((a) => a.id);
    expect(risky).toContain(overridden.accountId);
    const rows = popup.getByTestId('at-risk-account');
    await expect(rows.evaluateAll((links) => links.map((l) => l.getAttribute('data-account-id')))).resolves.toEqual(risky);

    const opened = session.context.waitForEvent('page');
    await rows.first().click();
    const page = await opened;
    expect(page.url()).toBe(`${session.origin}/panel.html?account=${encodeURIComponent(risky[0]!)}`);
    await page.close();
    await popup.close();

    // With the team's Salesforce address set, an account with a Salesforce id opens there instead.
    const instance = 'https://demo.lightning.force.com';
    await seedRecords(options, 'settings', [{ key: 'settings', value: { ...DEFAULT_SETTINGS, currentUser: ME, salesforceInstanceUrl: instance } }]);
    const again = await openPopup();
    const first = records.accounts.find((a) => a.id === risky[0])!;
    expect(first.sfId).toBeTruthy();
    await expect(again.getByTestId('at-risk-account').first().getAttribute('href')).resolves.toBe(`${instance}/lightning/r/Account/${first.sfId}/view`);
    await again.close();
    await seedRecords(options, 'settings', [{ key: 'settings', value: { ...DEFAULT_SETTINGS, currentUser: ME } }]);
  });

  it('counts open playbook runs and overdue steps for the portfolio and my accounts', async () => {
    const popup = await openPopup();
    const runs = await readStore<PlaybookRun>(options, 'runs');
    const mine = new Set(records.accounts.filter((a) => norm(a.owner) === norm(ME)).map((a) => a.id));
    const count = (list: PlaybookRun[]) => ({
      open: list.length,
      overdue: list.reduce((s, run) => s + run.steps.filter((step) => !step.done && !step.skipped && step.dueDate < records.today).length, 0),
    });
    const open = runs.filter((run) => run.status === 'open');
    const all = count(open);
    const my = count(open.filter((run) => mine.has(run.accountId)));
    expect(all.open).toBeGreaterThan(0);
    const shown = async (testId: string) => ({
      open: Number(await popup.getByTestId(testId).getAttribute('data-open')),
      overdue: Number(await popup.getByTestId(testId).getAttribute('data-overdue')),
    });
    await expect(shown('runs-portfolio')).resolves.toEqual(all);
    await expect(shown('runs-mine')).resolves.toEqual(my);
    await popup.close();
  });

  it('filters by owner and segment, and remembers the filter when reopened', async () => {
    const popup = await openPopup();
    const team = expected(records, null, null);

    await popup.getByTestId('filter-segment').selectOption('SMB');
    const smb = expected(records, null, 'SMB');
    expect(smb.accounts).toBeGreaterThan(0);
    expect(smb.accounts).toBeLessThan(team.accounts);
    await showsNumbers(popup, smb);

    // The demo's Priya Raman looks after Enterprise accounts only: her SMB selection is empty and says so.
    await popup.getByTestId('filter-owner-mine').click();
    const mineSmb = expected(records, ME, 'SMB');
    expect(mineSmb.accounts).toBe(0);
    await showsNumbers(popup, mineSmb);
    await expect(popup.getByTestId('metric-nps-reason').textContent()).resolves.toBe('n/a: no accounts in this selection');

    await popup.getByTestId('filter-segment').selectOption('Enterprise');
    const mine = expected(records, ME, 'Enterprise');
    expect(mine.accounts).toBeGreaterThan(0);
    expect(mine.accounts).toBeLessThan(expected(records, null, 'Enterprise').accounts);
    await showsNumbers(popup, mine);
    await screenshot(popup, 'portfolio-popup-mine-enterprise');
    await popup.close();

    const reopened = await openPopup();
    await expect(reopened.getByTestId('filter-owner-mine').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(reopened.getByTestId('filter-segment').inputValue()).resolves.toBe('Enterprise');
    expectNumbersMatch(await popupNumbers(reopened), mine);
    await reopened.getByTestId('filter-owner-team').click();
    await reopened.getByTestId('filter-segment').selectOption('all');
    await showsNumbers(reopened, team);
    await reopened.close();
    expect(pageErrors).toEqual([]);
  });

  it('opens the report page, which shows every section with the same metrics over the chosen period', async () => {
    const popup = await openPopup();
    const opened = session.context.waitForEvent('page');
    await popup.getByTestId('open-report').click();
    const report = await opened;
    await report.setViewportSize({ width: 1200, height: 900 });
    expect(report.url()).toBe(`${session.origin}/report.html`);
    await report.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    await popup.close();

    for (const section of ['metrics', 'churn', 'churn-reasons', 'forecast', 'health', 'cohorts', 'sla', 'owners', 'segments']) {
      await expect(report.getByTestId(`report-${section}`).isVisible(), section).resolves.toBe(true);
    }
    // The default period is the last 12 months: every metric over 365 days.
    const year = expected(records, null, null, 365);
    for (const [key, value] of Object.entries(year.metrics)) {
      const shown = await report.getByTestId(`report-metric-${key}`).getAttribute('data-value');
      if (value === null) expect(shown, key).toBe('');
      else expect(Number(shown), key).toBeCloseTo(value, 6);
    }
    await expect(report.getByTestId('report-metric-nrr').locator('h3').locator('..').getAttribute('title')).resolves.toMatch(/^Net revenue retention = /);
    const owners = [...new Set(records.accounts.map((a) => a.owner?.trim() || 'No owner'))].sort();
    await expect(report.getByTestId('owners-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))).resolves.toEqual(
      expect.arrayContaining(owners),
    );
    await expect(report.getByTestId('owners-row').count()).resolves.toBe(owners.length);
    await screenshot(report, 'portfolio-report', { fullPage: true });

    // CSV export: one row per number; the metrics and each owner's active ARR as computed here.
    const download = report.waitForEvent('download');
    await report.getByTestId('report-csv').click();
    const file = await (await download).path();
    const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const metricRows = rows.filter((r) => r.section === 'Metrics');
    expect(metricRows.map((r) => r.measure)).toEqual(['NRR', 'GRR', 'NPS', 'CSAT', 'First response', 'Time to value']);
    const byLabel: Record<string, string> = { NRR: 'nrr', GRR: 'grr', NPS: 'nps', CSAT: 'csat', 'First response': 'frt', 'Time to value': 'ttv' };
    for (const row of metricRows) {
      const want = year.metrics[byLabel[row.measure!]!];
      if (want === null || want === undefined) expect(row.value).toBe('');
      else expect(Number(row.value)).toBeCloseTo(want, 2);
    }
    for (const owner of owners) {
      const arr = records.accounts.filter((a) => a.status === 'active' && (a.owner?.trim() || 'No owner') === owner).reduce((s, a) => s + a.arr, 0);
      expect(Number(rows.find((r) => r.section === 'Owners' && r.group === owner && r.measure === 'ARR')?.value), owner).toBeCloseTo(arr, 2);
    }

    // The printable page: controls hidden, sections kept.
    await report.emulateMedia({ media: 'print' });
    await expect(report.getByTestId('report-csv').isVisible()).resolves.toBe(false);
    await expect(report.getByTestId('report-owners').isVisible()).resolves.toBe(true);
    await screenshot(report, 'portfolio-report-print', { fullPage: true });

    // Another period: the customer-experience metrics follow it (computed independently over the last 90 days).
    await report.emulateMedia({ media: 'screen' });
    await report.getByTestId('report-preset').selectOption('90');
    await expect.poll(() => report.getByTestId('report-period').textContent()).toContain(`${shift(records.today, -89)} to ${records.today}`);
    const quarter = expected(records, null, null, 90);
    for (const key of ['nps', 'csat', 'frt']) {
      const want = quarter.metrics[key];
      const shown = () => report.getByTestId(`report-metric-${key}`).getAttribute('data-value');
      if (want === null || want === undefined) await expect.poll(shown).toBe('');
      else await expect.poll(async () => Number(await shown())).toBeCloseTo(want, 6);
    }
    expect(quarter.metrics.nps).not.toBe(year.metrics.nps);
    await report.close();
    expect(pageErrors).toEqual([]);
  });
});
