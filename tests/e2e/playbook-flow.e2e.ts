/**
 * The playbook flow end to end in Chromium (issue 6 item 6): a usage export imported on the options page drops a
 * Healthy account to At Risk → the background's rescoring and trigger evaluation open an At-risk run that says why
 * → on the account's Zendesk ticket a rep ticks steps in the panel → the popup counts the run → the service worker
 * restarts mid-flow and the run and its ticks survive → a later export drops the account to Critical and the open run
 * is refreshed, not duplicated → closing the run with outcome and next steps records them and the popup's count drops. Expected scores and counts are worked out here from the seeded and imported records.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ping, readStore, seedAccounts, seedRecords } from '../../scripts/harness/extension-page';
import { zendeskTicketUrl } from '../../scripts/harness/host-model';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import { DEFAULT_PLAYBOOK_TEMPLATES } from '../../lib/playbooks/templates';
import type { HealthSnapshot, Milestone, PlaybookRun, UsageDay } from '../../lib/schemas/records';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings';
import { FIXTURE_ACCOUNTS, FIXTURE_CONTACTS, FIXTURE_TICKETS } from '../fixtures/hosts/dataset';
import { acmeUsageCsv, collapsedAcmeUsage, droppedAcmeUsage, healthyAcmeUsage } from '../fixtures/playbook-flow/acme-usage';
import { launchForTest } from './support';

/** Acme's owner: the popup's "my accounts" are hers. */
const USER = 'Casey CSM';
const ACME_TICKET = 101;
const folder = mkdtempSync(join(tmpdir(), 'sightline-flow-'));

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const daysAfter = (date: string, days: number) => daysBefore(date, -days);

/**
 * Acme's score from DESIGN.md §3 with the default weights (Enterprise, 250 seats: 16 × 250 logins, 8 assessments,
 * 8 reports per 30 days; 30 features). Engagement: only ticket 101 (2025) on record, none in the window → 100; no
 * ratings, no NPS → N/A. Relationship: no meetings → N/A, its weight shared out.
 */
function acmeScore(usage: readonly UsageDay[]): number {
  const sum = (key: 'logins' | 'assessments' | 'reports') => usage.reduce((s, d) => s + d[key], 0);
  const capped = (value: number, expected: number) => Math.min(100, (100 * value) / expected);
  const usageFactor = (capped(sum('logins'), 16 * 250) + capped(sum('assessments'), 8) + capped(sum('reports'), 8)) / 3;
  const newest = [...usage].sort((a, b) => a.date.localeCompare(b.date)).at(-1)!;
  const adoption = ((100 * newest.usersInvited) / 250 + (100 * Math.max(...usage.map((d) => d.featuresUsed))) / 30) / 2;
  const { usage: wu, engagement: we, adoption: wa } = DEFAULT_SETTINGS.weights;
  return Math.round((wu * usageFactor + we * 100 + wa * adoption) / (wu + we + wa));
}

/** Open runs and their overdue steps (due before today, neither done nor skipped), for accounts `include` accepts. */
function runCounts(runs: readonly PlaybookRun[], today: string, include: (accountId: string) => boolean) {
  const open = runs.filter((r) => r.status === 'open' && include(r.accountId));
  return { open: open.length, overdue: open.reduce((n, r) => n + r.steps.filter((s) => !s.done && !s.skipped && s.dueDate < today).length, 0) };
}

// Every active account has reached its stage's success milestones in time: no onboarding run muddies the flow.
const MILESTONES: Milestone[] = ['acc-acme', 'acc-globex', 'acc-initech'].flatMap((accountId) => [
  { accountId, key: 'first-gap-identified', date: '2025-06-20' },
  { accountId, key: 'shared-with-team', date: '2025-07-01' },
  { accountId, key: 'multi-user-adoption', date: '2025-08-01' },
]);
const atRiskTemplate = DEFAULT_PLAYBOOK_TEMPLATES.find((t) => t.id === 'at-risk')!;

let session: ExtensionSession;
let options: Page;
let today: string;
let healthyScore: number;
let droppedScore: number;
let collapsedScore: number;
/** Another CSM's run, opened ten days ago with two steps past due: the portfolio count includes it, "mine" does not. */
let initechRun: PlaybookRun;
const consoleErrors: string[] = [];

async function runs(): Promise<PlaybookRun[]> {
  return readStore<PlaybookRun>(options, 'runs');
}

async function acmeAtRiskRuns(): Promise<PlaybookRun[]> {
  return (await runs()).filter((r) => r.accountId === 'acc-acme' && r.templateId === 'at-risk');
}

async function hostPage(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  await page.goto(url);
  return page;
}

/** Imports usage rows as a CSV file through the options page's file chooser; each row replaces Acme's row of that day. */
async function importUsage(name: string, rows: readonly UsageDay[]): Promise<void> {
  const again = options.getByRole('button', { name: 'Import another file' });
  if (await again.count()) await again.click();
  const file = join(folder, name);
  writeFileSync(file, acmeUsageCsv(rows));
  await options.getByTestId('import-file').setInputFiles(file);
  await expect.poll(() => options.getByTestId('import-kind').inputValue(), { timeout: 30_000 }).toBe('usage');
  const commit = options.getByTestId('import-commit');
  await expect.poll(() => commit.isEnabled(), { timeout: 30_000 }).toBe(true);
  await commit.click();
  await options.getByTestId('import-result').waitFor({ timeout: 30_000 });
  expect(Number((await options.getByTestId('import-updated').textContent())?.replace(/\D/g, ''))).toBe(rows.length);

  const stored = (await readStore<UsageDay>(options, 'usage')).filter((u) => u.accountId === 'acc-acme').sort((a, b) => a.date.localeCompare(b.date));
  const pick = ({ accountId, date, logins, assessments, reports, activeUsers, usersInvited, featuresUsed }: UsageDay) =>
    ({ accountId, date, logins, assessments, reports, activeUsers, usersInvited, featuresUsed });
  expect(stored.map(pick)).toEqual(rows);
}

async function openPanel(page: Page): Promise<FrameLocator> {
  const badge = page.locator('sightline-badge:not([data-state="loading"])');
  await badge.waitFor({ state: 'attached', timeout: 10_000 });
  await badge.click();
  await page.locator('iframe[data-sightline="panel"]').waitFor();
  const panel = page.frameLocator('iframe[data-sightline="panel"]');
  await panel.getByTestId('account-panel').waitFor();
  return panel;
}

beforeAll(async () => {
  session = await launchForTest();
  options = await session.openExtensionPage('options.html');
  await options.setViewportSize({ width: 1100, height: 1400 });
  await options.getByTestId('account-count').waitFor();
  today = await options.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  healthyScore = acmeScore(healthyAcmeUsage(today));
  droppedScore = acmeScore(droppedAcmeUsage(today));
  collapsedScore = acmeScore(collapsedAcmeUsage(today));
  initechRun = {
    id: 'run-initech-renewal',
    accountId: 'acc-initech',
    templateId: 'renewal',
    templateName: 'Renewal',
    status: 'open',
    trigger: { kind: 'manual', reason: 'Started by Robin CSM', data: { by: 'Robin CSM' }, at: Date.parse(`${daysBefore(today, 10)}T09:00:00Z`) },
    steps: [
      { id: 'renewal-90', title: 'Review the account 90 days out', dueDate: daysBefore(today, 10) },
      { id: 'renewal-60', title: 'Confirm the renewal quote', dueDate: daysBefore(today, 3) },
      { id: 'renewal-30', title: 'Send the renewal paperwork', dueDate: daysAfter(today, 20) },
    ],
    openedAt: Date.parse(`${daysBefore(today, 10)}T09:00:00Z`),
  };
  await seedAccounts(options, FIXTURE_ACCOUNTS);
  await seedRecords(options, 'contacts', FIXTURE_CONTACTS);
  await seedRecords(options, 'tickets', FIXTURE_TICKETS);
  await seedRecords(options, 'milestones', MILESTONES);
  await seedRecords(options, 'usage', healthyAcmeUsage(today));
  await seedRecords(options, 'runs', [initechRun]);
  // Yesterday's rescoring found Acme Healthy: the band drop is measured against this snapshot.
  const yesterday: HealthSnapshot = { date: daysBefore(today, 1), computedAt: Date.now() - 86_400_000, accountIds: ['acc-acme'], scores: [healthyScore] };
  await seedRecords(options, 'snapshots', [yesterday]);
  await seedRecords(options, 'settings', [{ key: 'settings', value: { ...DEFAULT_SETTINGS, currentUser: USER } }]);
  await options.reload();
});

afterAll(async () => {
  await session?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the At-risk playbook from import to outcome', () => {
  it('starts with Acme Healthy on its ticket page and no run for it', async () => {
    expect(healthyScore).toBe(92);
    expect(droppedScore).toBe(62);
    const page = await hostPage(zendeskTicketUrl(ACME_TICKET));
    const badge = page.locator('sightline-badge:not([data-state="loading"])');
    await badge.waitFor({ state: 'attached', timeout: 10_000 });
    await expect(badge.getAttribute('data-account-id')).resolves.toBe('acc-acme');
    await expect(badge.getAttribute('data-score')).resolves.toBe(String(healthyScore));
    await expect(badge.getAttribute('data-band')).resolves.toBe('healthy');
    await screenshot(page, 'flow-1-ticket-healthy');
    await page.close();
    expect(await acmeAtRiskRuns()).toEqual([]);
  });

  it('imports the usage export through the file chooser, replacing the healthy month', async () => {
    await importUsage('acme-usage-export.csv', droppedAcmeUsage(today));
    await screenshot(options.locator('section[aria-labelledby="import-heading"]'), 'flow-2-import-result');
  });

  it('rescoring after the import opens one At-risk run that says why', async () => {
    // The import's writes reach the service worker, which rescores once they settle (an alarm, ≥ 30 s).
    await expect.poll(async () => (await acmeAtRiskRuns()).length, { timeout: 100_000, interval: 1000 }).toBe(1);
    const [run] = await acmeAtRiskRuns();
    const snapshot = (await readStore<HealthSnapshot>(options, 'snapshots')).find((s) => s.date === today)!;
    expect(snapshot.scores[snapshot.accountIds.indexOf('acc-acme')]).toBe(droppedScore);

    expect(run!.status).toBe('open');
    expect(run!.trigger.kind).toBe('band-drop');
    expect(run!.trigger.data).toEqual({ from: 'healthy', to: 'at-risk', score: droppedScore });
    expect(run!.trigger.reason).toBe(`Health band dropped from Healthy to At Risk (score ${droppedScore})`);
    expect(run!.steps.map((s) => [s.id, s.title, s.dueDate])).toEqual(atRiskTemplate.steps.map((s) => [s.id, s.title, daysAfter(today, s.dueOffsetDays)]));
    expect(run!.steps.every((s) => !s.done && !s.skipped)).toBe(true);
    // Only the At-risk run is new: the seeded Initech run is the one other open run.
    expect((await runs()).filter((r) => r.status === 'open').map((r) => r.id).sort()).toEqual([run!.id, initechRun.id].sort());
  });

  describe('on the Zendesk ticket', () => {
    let page: Page;
    let panel: FrameLocator;
    let runId: string;
    let popup: Page;

    beforeAll(async () => {
      runId = (await acmeAtRiskRuns())[0]!.id;
      page = await hostPage(zendeskTicketUrl(ACME_TICKET));
      panel = await openPanel(page);
    });
    afterAll(async () => {
      await popup?.close();
      await page?.close();
    });

    it('the badge shows At Risk and the panel shows the run with its reason', async () => {
      await expect(page.locator('sightline-badge').getAttribute('data-band')).resolves.toBe('at-risk');
      await expect(page.locator('sightline-badge').getAttribute('data-score')).resolves.toBe(String(droppedScore));
      const run = panel.getByTestId(`run-${runId}`);
      await run.waitFor();
      await expect(run.getAttribute('data-status')).resolves.toBe('open');
      await expect(run.getByTestId('run-trigger').innerText()).resolves.toContain(`Health band dropped from Healthy to At Risk (score ${droppedScore})`);
      await run.scrollIntoViewIfNeeded();
      await screenshot(page, 'flow-3-panel-run-opened');
    });

    it('a rep ticks two steps; the database records who and when', async () => {
      const run = panel.getByTestId(`run-${runId}`);
      const before = Date.now();
      for (const stepId of ['identify-drop', 'review-history']) {
        const step = run.getByTestId(`step-${stepId}`);
        await step.getByRole('checkbox').click();
        await expect.poll(() => step.getByTestId('step-done-by').count(), { timeout: 10_000 }).toBe(1);
        await expect(step.getAttribute('data-state')).resolves.toBe('done');
      }
      await expect(run.locator('header').innerText()).resolves.toContain(`2/${atRiskTemplate.steps.length} done`);
      const stored = (await acmeAtRiskRuns())[0]!;
      expect(stored.steps.filter((s) => s.done).map((s) => s.id)).toEqual(['identify-drop', 'review-history']);
      for (const step of stored.steps.filter((s) => s.done)) {
        expect(step.done!.by).toBe(USER);
        expect(step.done!.at).toBeGreaterThanOrEqual(before);
        expect(step.done!.at).toBeLessThanOrEqual(Date.now());
      }
      await run.scrollIntoViewIfNeeded();
      await screenshot(page, 'flow-4-panel-steps-ticked');
    });

    it('the popup counts the open runs and overdue steps, for the portfolio and for my accounts', async () => {
      popup = await session.openExtensionPage('popup.html');
      await popup.setViewportSize({ width: 560, height: 600 });
      const all = await runs();
      const portfolio = runCounts(all, today, () => true);
      const mine = runCounts(all, today, (id) => FIXTURE_ACCOUNTS.find((a) => a.id === id)?.owner === USER);
      // Acme's new run and Initech's run with its two past-due steps; only Acme is mine, and none of its steps is late.
      expect(portfolio).toEqual({ open: 2, overdue: 2 });
      expect(mine).toEqual({ open: 1, overdue: 0 });
      const line = (testId: string) => popup.getByTestId(testId);
      await expect.poll(() => line('runs-portfolio').getAttribute('data-open'), { timeout: 10_000 }).toBe(String(portfolio.open));
      await expect(line('runs-portfolio').getAttribute('data-overdue')).resolves.toBe(String(portfolio.overdue));
      await expect(line('runs-mine').getAttribute('data-open')).resolves.toBe(String(mine.open));
      await expect(line('runs-mine').getAttribute('data-overdue')).resolves.toBe(String(mine.overdue));
      await expect(line('runs-mine').innerText()).resolves.toMatch(/^My accounts\s+1\s+0$/);
      await screenshot(popup, 'flow-5-popup-run-open', { fullPage: true });
    });

    it('the run and its ticks survive a service-worker restart, and the panel keeps working', async () => {
      const { startedAt } = await ping(options);
      await session.restartServiceWorker();
      await expect.poll(async () => (await ping(options)).startedAt, { timeout: 10_000 }).not.toBe(startedAt);
      const after = await acmeAtRiskRuns();
      expect(after.map((r) => r.id)).toEqual([runId]);
      expect(after[0]!.steps.filter((s) => s.done).map((s) => s.id)).toEqual(['identify-drop', 'review-history']);
      // A tick after the restart goes through the restarted worker.
      const step = panel.getByTestId(`run-${runId}`).getByTestId('step-reach-out');
      await step.getByRole('checkbox').click();
      await expect.poll(() => step.getByTestId('step-done-by').count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(async () => (await acmeAtRiskRuns())[0]!.steps.filter((s) => s.done).map((s) => s.id), { timeout: 10_000 }).toEqual(['identify-drop', 'review-history', 'reach-out']);
    });

    it('a later export that drops Acme to Critical refreshes the open run instead of opening another', async () => {
      expect(collapsedScore).toBe(40);
      await importUsage('acme-usage-corrected.csv', collapsedAcmeUsage(today));
      await expect.poll(async () => (await acmeAtRiskRuns())[0]!.trigger.data?.to, { timeout: 100_000, interval: 1000 }).toBe('critical');
      const after = await acmeAtRiskRuns();
      expect(after.map((r) => r.id)).toEqual([runId]);
      expect(after[0]!.trigger).toMatchObject({ kind: 'band-drop', data: { from: 'healthy', to: 'critical', score: collapsedScore } });
      expect(after[0]!.trigger.reason).toBe(`Health band dropped from Healthy to Critical (score ${collapsedScore})`);
      // The ticks are the rep's, not the trigger's: a refresh keeps them.
      expect(after[0]!.steps.filter((s) => s.done).map((s) => s.id)).toEqual(['identify-drop', 'review-history', 'reach-out']);
      await expect.poll(() => panel.getByTestId(`run-${runId}`).getByTestId('run-trigger').innerText(), { timeout: 10_000 }).toContain(`to Critical (score ${collapsedScore})`);
      // The open panel follows live (the badge beside it keeps its first score until the page navigates).
      await expect(panel.getByTestId('panel-score').getAttribute('data-score')).resolves.toBe(String(collapsedScore));
      await expect(panel.getByTestId('panel-score').getAttribute('data-band')).resolves.toBe('critical');
      await screenshot(panel.getByTestId(`run-${runId}`), 'flow-6-run-refreshed');
    });

    it('closing the run with outcome and next steps records them, and the popup no longer counts it', async () => {
      const run = panel.getByTestId(`run-${runId}`);
      const outcome = 'Usage dip traced to a team offsite; logins back to normal this week';
      const nextSteps = 'Casey books an admin training on Thursday and checks usage in two weeks';
      await run.getByTestId('run-outcome').fill(outcome);
      await run.getByTestId('run-next-steps').fill(nextSteps);
      await run.getByTestId('close-run').scrollIntoViewIfNeeded();
      await screenshot(page, 'flow-7-panel-closing');
      const before = Date.now();
      await run.getByTestId('close-run').click();

      await expect.poll(async () => (await acmeAtRiskRuns())[0]!.status, { timeout: 10_000 }).toBe('closed');
      const closed = (await acmeAtRiskRuns())[0]!;
      expect(closed).toMatchObject({ id: runId, status: 'closed', outcome, nextSteps, closedBy: USER });
      expect(closed.closedAt).toBeGreaterThanOrEqual(before);
      expect(closed.closedAt).toBeLessThanOrEqual(Date.now());
      expect(closed.steps.filter((s) => s.done).map((s) => s.id)).toEqual(['identify-drop', 'review-history', 'reach-out']);

      // The panel moves the run to its closed runs, which show what was recorded.
      await expect.poll(() => panel.getByTestId(`run-${runId}`).getAttribute('data-status'), { timeout: 10_000 }).toBe('closed');
      await expect(panel.getByText('No playbook running.').count()).resolves.toBe(1);
      await panel.getByTestId('closed-runs').locator('summary').click();
      await expect(panel.getByTestId(`run-${runId}`).locator('dd[data-testid="run-outcome"]').innerText()).resolves.toBe(outcome);
      await expect(panel.getByTestId(`run-${runId}`).locator('dd[data-testid="run-next-steps"]').innerText()).resolves.toBe(nextSteps);
      await screenshot(page, 'flow-8-panel-run-closed');
      await screenshot(panel.getByTestId(`run-${runId}`), 'flow-8-closed-run-outcome');

      // The popup, still open, follows live: Acme's run is gone from the open runs.
      const all = await runs();
      const portfolio = runCounts(all, today, () => true);
      const mine = runCounts(all, today, (id) => FIXTURE_ACCOUNTS.find((a) => a.id === id)?.owner === USER);
      expect(portfolio).toEqual({ open: 1, overdue: 2 });
      expect(mine).toEqual({ open: 0, overdue: 0 });
      await expect.poll(() => popup.getByTestId('runs-portfolio').getAttribute('data-open'), { timeout: 10_000 }).toBe(String(portfolio.open));
      await expect(popup.getByTestId('runs-portfolio').getAttribute('data-overdue')).resolves.toBe(String(portfolio.overdue));
      await expect(popup.getByTestId('runs-mine').getAttribute('data-open')).resolves.toBe(String(mine.open));
      await screenshot(popup, 'flow-9-popup-run-closed', { fullPage: true });
    });
  });

  it('logged no errors in the host pages’ consoles', () => {
    expect(consoleErrors).toEqual([]);
  });
});
