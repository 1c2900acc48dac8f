/**
 * The side panel (issue 5 item 4, issue 6 item 4) and the account detail page (issue 7 item 3) in Chromium. The
 * panel gets everything from the background through its port; these tests seed records, open the panel from the
 * badge on the fixture hosts, and compare what it shows with values worked out here from the seeded records.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ping, protocolMessage, readStore, seedAccounts, seedRecords, sendRuntimeMessage } from '../../scripts/harness/extension-page';
import { lightningRecordUrl, zendeskTicketUrl } from '../../scripts/harness/host-model';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import type { Meeting, Milestone, NpsResponse, PlaybookRun, Ticket, UsageDay } from '../../lib/schemas/records';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings';
import { FIXTURE_ACCOUNTS, FIXTURE_CONTACTS, FIXTURE_DATASET, FIXTURE_TICKETS } from '../fixtures/hosts/dataset';
import { launchForTest, resetFixtureDataset, useFixtureDataset } from './support';

const USER = 'Pat Rep';
const acme = FIXTURE_ACCOUNTS.find((a) => a.id === 'acc-acme')!;

/** The local calendar day `daysAgo` days before today, as the extension reads "today". */
function day(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A ticket opened ten minutes ago and not answered yet: its first-response clock is running. Whole seconds, as Zendesk's API gives them. */
const RUNNING_TICKET: Ticket = {
  zendeskId: 201,
  accountId: 'acc-acme',
  requesterEmail: 'jane.doe@acmecorp.com',
  organizationId: '360001',
  subject: 'Reports time out since this morning',
  createdAt: Math.floor(Date.now() / 1000) * 1000 - 10 * 60_000,
  firstReplyMinutes: null,
  solvedAt: null,
  status: 'open',
  priority: 'urgent',
  satisfaction: 'unoffered',
};

// Acme's inputs (Enterprise plan, 250 seats). What DESIGN.md §3 makes of them, worked out by hand:
// usage: logins 10 × 200 = 2000 of 16 × 250 = 4000 → 50; assessments 10 of 8 → 100 (capped); reports 0 of 8 → 0;
//        factor = (50 + 100 + 0) / 3 = 50
// engagement: the running ticket is today, outside the 30-day window (it ends yesterday) → 0 tickets → 100;
//        no ratings → N/A; newest NPS 8 → 80; factor = (100 + 80) / 2 = 90
// adoption: 125 invited of 250 seats → 50; 15 of 30 features → 50; factor = 50
// relationship: QBR attended (weight 1), EBR missed (weight 2) → 100 × 1 / 3 = 33.33; answers in 1 day → 100 and
//        never → 0 → 50; factor = (33.33 + 50) / 2 = 41.67
// composite = (40 × 50 + 25 × 90 + 20 × 50 + 15 × 41.67) / 100 = 58.75 → 59, At Risk
const USAGE: UsageDay[] = Array.from({ length: 10 }, (_, i) => ({
  accountId: 'acc-acme', date: day(i + 1), logins: 200, assessments: 1, reports: 0, activeUsers: 50, usersInvited: 125, featuresUsed: 15,
}));
const NPS: NpsResponse[] = [{ id: 'nps-acme-1', accountId: 'acc-acme', score: 8, date: day(5), contactEmail: 'jane.doe@acmecorp.com' }];
const MEETINGS: Meeting[] = [
  { id: 'm-acme-qbr', accountId: 'acc-acme', date: day(10), type: 'qbr', attended: true, responseDays: 1 },
  { id: 'm-acme-ebr', accountId: 'acc-acme', date: day(20), type: 'ebr', attended: false, responseDays: null },
];
// Start 2023-02-01: the first gap on day 4 is the time to value; every success milestone came in time → Expand, not stalled.
const MILESTONES: Milestone[] = [
  { accountId: 'acc-acme', key: 'first-gap-identified', date: '2023-02-05' },
  { accountId: 'acc-acme', key: 'shared-with-team', date: '2023-02-20' },
  { accountId: 'acc-acme', key: 'multi-user-adoption', date: '2023-04-01' },
];
// Earlier computed scores: 65 a week ago, 70 a month ago → Δ7 = 59 − 65 = −6, Δ30 = 59 − 70 = −11.
const SNAPSHOTS = [
  { date: day(30), computedAt: Date.now() - 30 * 86_400_000, accountIds: ['acc-acme'], scores: [70] },
  { date: day(7), computedAt: Date.now() - 7 * 86_400_000, accountIds: ['acc-acme'], scores: [65] },
];

const weights = DEFAULT_SETTINGS.weights;
const factors = {
  usage: (Math.min(100, (100 * 2000) / (16 * 250)) + Math.min(100, (100 * 10) / 8) + Math.min(100, (100 * 0) / 8)) / 3,
  engagement: (100 + 80) / 2,
  adoption: ((100 * 125) / 250 + (100 * 15) / 30) / 2,
  relationship: ((100 * 1) / 3 + (100 + 0) / 2) / 2,
};
const composite = (weights.usage * factors.usage + weights.engagement * factors.engagement + weights.adoption * factors.adoption + weights.relationship * factors.relationship) / 100;
const EXPECTED_SCORE = Math.round(composite);
const round1 = (n: number) => Math.round(n * 10) / 10;
// A later test imports a detractor's answer (NPS 3, yesterday): engagement = (100 + 3 × 10) / 2 = 65, and the computed
// score (40 × 50 + 25 × 65 + 20 × 50 + 15 × 41.67) / 100 = 52.5 → 53 (half up).
const ENGAGEMENT_AFTER_IMPORT = (100 + 3 * 10) / 2;
const SCORE_AFTER_IMPORT = Math.round(
  (weights.usage * factors.usage + weights.engagement * ENGAGEMENT_AFTER_IMPORT + weights.adoption * factors.adoption + weights.relationship * factors.relationship) / 100,
);

let session: ExtensionSession;
const consoleErrors: string[] = [];

beforeAll(async () => {
  await useFixtureDataset({ ...FIXTURE_DATASET, tickets: [...FIXTURE_TICKETS, RUNNING_TICKET] });
  session = await launchForTest();
  const page = await session.openExtensionPage('options.html');
  await seedAccounts(page, FIXTURE_ACCOUNTS);
  await seedRecords(page, 'contacts', FIXTURE_CONTACTS);
  await seedRecords(page, 'usage', USAGE);
  await seedRecords(page, 'nps', NPS);
  await seedRecords(page, 'meetings', MEETINGS);
  await seedRecords(page, 'milestones', MILESTONES);
  await seedRecords(page, 'snapshots', SNAPSHOTS);
  await seedRecords(page, 'settings', [{ key: 'settings', value: { ...DEFAULT_SETTINGS, currentUser: USER } }]);
  await page.close();
});

afterAll(async () => {
  await session?.close();
  await resetFixtureDataset();
});

async function hostPage(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  await page.goto(url);
  return page;
}

/** Opens the panel from the badge and waits for its account view. */
async function openPanel(page: Page): Promise<FrameLocator> {
  const badge = page.locator('sightline-badge:not([data-state="loading"])');
  await badge.waitFor({ state: 'attached' });
  await badge.click();
  await page.locator('iframe[data-sightline="panel"]').waitFor();
  const panel = page.frameLocator('iframe[data-sightline="panel"]');
  return panel;
}

describe('the panel on a Zendesk ticket', () => {
  let page: Page;
  let panel: FrameLocator;

  beforeAll(async () => {
    page = await hostPage(zendeskTicketUrl(201));
    panel = await openPanel(page);
    await panel.getByTestId('account-panel').waitFor();
  });
  afterAll(() => page.close());

  it('explains the score with the numbers the model gives for the seeded records', async () => {
    expect(EXPECTED_SCORE).toBe(59);
    // The page records the ticket after matching: the panel updates live once it is in (engagement then counts it).
    await expect.poll(() => panel.getByTestId('factor-engagement').getAttribute('data-score'), { timeout: 10_000 }).toBe(String(Math.round(factors.engagement)));
    await expect(panel.getByTestId('panel-score').getAttribute('data-score')).resolves.toBe(String(EXPECTED_SCORE));
    await expect(panel.getByTestId('panel-score').getAttribute('data-band')).resolves.toBe('at-risk');
    await expect(panel.getByTestId('breakdown-computed').getAttribute('data-score')).resolves.toBe(String(EXPECTED_SCORE));
    for (const key of ['usage', 'engagement', 'adoption', 'relationship'] as const) {
      const factor = panel.getByTestId(`factor-${key}`);
      await expect(factor.getAttribute('data-score')).resolves.toBe(String(Math.round(factors[key])));
      await expect(factor.getAttribute('data-weight')).resolves.toBe(String(weights[key]));
      await expect(factor.getAttribute('data-contribution')).resolves.toBe(String(round1((weights[key] * factors[key]) / 100)));
      await expect(factor.getAttribute('data-stale')).resolves.toBe('false');
    }
    await expect(panel.getByTestId('factor-usage').innerText()).resolves.toContain('2000 / 4000');
    await expect(panel.getByTestId('trend-7').getAttribute('data-delta')).resolves.toBe(String(EXPECTED_SCORE - 65));
    await expect(panel.getByTestId('trend-30').getAttribute('data-delta')).resolves.toBe(String(EXPECTED_SCORE - 70));
    // Sparkline: the two snapshots and today's live score.
    await expect(panel.getByTestId('sparkline').getAttribute('data-points')).resolves.toBe('3');
    await expect(panel.getByTestId('panel-arr').innerText()).resolves.toBe('$240,000');
    await expect(panel.getByTestId('panel-renewal').innerText()).resolves.toBe('1 Feb 2026');
    await expect(panel.getByTestId('match-method').getAttribute('data-method')).resolves.toBe('zendesk-org');
  });

  it('shows the first-response due time and a time left that runs', async () => {
    const status = panel.getByTestId('sla-status');
    await expect(panel.getByTestId('sla-tier').innerText()).resolves.toBe('Premium');
    await expect(status.getAttribute('data-state')).resolves.toBe('running');
    // Enterprise → Premium tier → first reply within 1 h of creation.
    await expect(status.getAttribute('data-due-at')).resolves.toBe(String(RUNNING_TICKET.createdAt + 60 * 60_000));
    const first = await panel.getByTestId('sla-remaining').innerText();
    expect(first).toMatch(/^\d+ min \d{2} s left$/);
    const minutesLeft = Number(first.split(' ')[0]);
    expect(minutesLeft).toBeGreaterThanOrEqual(45);
    expect(minutesLeft).toBeLessThanOrEqual(50);
    await expect.poll(() => panel.getByTestId('sla-remaining').innerText(), { timeout: 5000 }).not.toBe(first);
  });

  it('shows the journey stage, milestones and time to value', async () => {
    const journey = panel.getByTestId('journey');
    await expect(journey.getAttribute('data-stage')).resolves.toBe('expand');
    await expect(journey.getAttribute('data-stalled')).resolves.toBe('false');
    await expect(panel.getByTestId('stage-engage').getAttribute('data-state')).resolves.toBe('completed');
    await expect(panel.getByTestId('time-to-value').innerText()).resolves.toBe('time to value 4 d');
    await screenshot(page, 'panel-zendesk-ticket');
  });

  it('starts a playbook by hand and saves who ticked a step and when', async () => {
    await panel.getByTestId('start-run-template').selectOption('at-risk');
    await panel.getByTestId('start-run-submit').click();
    const step = panel.getByTestId('step-review-history');
    await step.waitFor();
    const before = Date.now();
    await step.getByRole('checkbox').click();
    await expect.poll(() => step.getByTestId('step-done-by').count()).toBe(1);
    await expect(step.getByTestId('step-done-by').innerText()).resolves.toContain(`Done by ${USER}`);

    const options = await session.openExtensionPage('options.html');
    const runs = await readStore<PlaybookRun>(options, 'runs');
    await options.close();
    const run = runs.find((r) => r.accountId === 'acc-acme' && r.templateId === 'at-risk' && r.status === 'open');
    expect(run?.trigger.kind).toBe('manual');
    const done = run?.steps.find((s) => s.id === 'review-history')?.done;
    expect(done?.by).toBe(USER);
    expect(done?.at).toBeGreaterThanOrEqual(before);
    expect(done?.at).toBeLessThanOrEqual(Date.now());
    expect(run?.steps.filter((s) => s.done).map((s) => s.id)).toEqual(['review-history']);
  });

  it('shows a note written from another extension page without a reload', async () => {
    const options = await session.openExtensionPage('options.html');
    const text = `Call booked for Thursday ${Date.now()}`;
    const reply = await sendRuntimeMessage(options, protocolMessage('addNote', { accountId: 'acc-acme', text, at: Date.now() }));
    expect(reply.err).toBeUndefined();
    await options.close();
    await expect.poll(() => panel.getByTestId('note').first().innerText(), { timeout: 10_000 }).toContain(text);
    await expect(panel.getByTestId('note').first().innerText()).resolves.toContain(USER);
  });

  it('keeps both ticks when two tabs tick different steps of the same run at once', async () => {
    const other = await hostPage(zendeskTicketUrl(201));
    const otherPanel = await openPanel(other);
    await otherPanel.getByTestId('step-reach-out').waitFor();
    await Promise.all([
      panel.getByTestId('step-reach-out').getByRole('checkbox').click(),
      otherPanel.getByTestId('step-success-call').getByRole('checkbox').click(),
    ]);
    // Each panel shows the other's tick too: both are live on the same run.
    for (const view of [panel, otherPanel]) {
      for (const stepId of ['reach-out', 'success-call']) {
        await expect.poll(() => view.getByTestId(`step-${stepId}`).getByTestId('step-done-by').count(), { timeout: 10_000 }).toBe(1);
      }
    }
    await other.close();
    const options = await session.openExtensionPage('options.html');
    const runs = await readStore<PlaybookRun>(options, 'runs');
    await options.close();
    const run = runs.find((r) => r.accountId === 'acc-acme' && r.templateId === 'at-risk' && r.status === 'open')!;
    expect(run.steps.filter((s) => s.done).map((s) => s.id).sort()).toEqual(['reach-out', 'review-history', 'success-call']);
    expect(run.steps.filter((s) => s.done).every((s) => s.done!.by === USER)).toBe(true);
  });

  it('skips a step with a reason, adds notes and closes the run with its outcome', async () => {
    const step = panel.getByTestId('step-identify-drop');
    await step.getByTestId('step-skip').click();
    await step.getByTestId('step-skip-reason-input').fill('The drop was a data gap, not the customer');
    // Submitted from the keyboard, as a person typing would: after the frame has scrolled, headless Chromium
    // sometimes delivers a mouse click to the host page's <iframe> element instead of into the frame.
    await step.getByTestId('step-skip-reason-input').press('Enter');
    await expect.poll(() => step.getAttribute('data-state'), { timeout: 10_000 }).toBe('skipped');
    await expect(step.getByTestId('step-skip-reason').innerText()).resolves.toBe(`Skipped by ${USER}: The drop was a data gap, not the customer`);

    await panel.getByTestId('run-note-input').fill('Sponsor is on leave until Monday');
    await panel.getByTestId('run-note-input').press('Enter');
    await expect.poll(() => panel.getByTestId('run-notes').innerText(), { timeout: 10_000 }).toContain('Sponsor is on leave until Monday');

    await panel.getByTestId('note-text').fill('Renewal call moved to next week');
    await panel.getByTestId('note-add').press('Enter');
    await expect.poll(() => panel.getByTestId('note').first().innerText(), { timeout: 10_000 }).toContain('Renewal call moved to next week');

    await screenshot(page, 'panel-zendesk-checklist');
    const before = Date.now();
    await panel.getByTestId('run-outcome').fill('Usage recovered after the training session');
    await panel.getByTestId('run-next-steps').fill('Check usage again in two weeks (Pat)');
    await panel.getByTestId('close-run').press('Enter');
    // Closed runs leave the open list: the playbook can be started again.
    await expect.poll(() => panel.locator('[data-status="open"]').count(), { timeout: 10_000 }).toBe(0);
    await expect(panel.getByTestId('closed-runs').innerText()).resolves.toContain('1 closed run');

    const options = await session.openExtensionPage('options.html');
    const runs = await readStore<PlaybookRun>(options, 'runs');
    const notes = await readStore<{ accountId: string; author: string; text: string }>(options, 'notes');
    await options.close();
    const run = runs.find((r) => r.accountId === 'acc-acme' && r.templateId === 'at-risk')!;
    expect(run).toMatchObject({ status: 'closed', closedBy: USER, outcome: 'Usage recovered after the training session', nextSteps: 'Check usage again in two weeks (Pat)' });
    expect(run.closedAt).toBeGreaterThanOrEqual(before);
    expect(run.steps.find((s) => s.id === 'identify-drop')!.skipped).toMatchObject({ by: USER, reason: 'The drop was a data gap, not the customer' });
    expect(run.notes?.map((n) => [n.author, n.text])).toEqual([[USER, 'Sponsor is on leave until Monday']]);
    expect(notes.find((n) => n.text === 'Renewal call moved to next week')).toMatchObject({ accountId: 'acc-acme', author: USER });
  });

  it('sets an override with reason and expiry and shows it beside the computed score', async () => {
    await panel.getByTestId('override-open').click();
    await panel.getByTestId('override-score').fill('85');
    await panel.getByTestId('override-reason').fill('Signed a 3-year expansion yesterday');
    const expiry = day(-14);
    await panel.getByTestId('override-expiry').fill(expiry);
    await panel.getByTestId('override-save').click();
    await expect.poll(() => panel.getByTestId('panel-score').getAttribute('data-score'), { timeout: 10_000 }).toBe('85');
    await expect(panel.getByTestId('panel-score').getAttribute('data-band')).resolves.toBe('healthy');
    await expect(panel.getByTestId('computed-score').innerText()).resolves.toBe(String(EXPECTED_SCORE));
    const state = panel.getByTestId('override-state');
    await expect(state.getAttribute('data-state')).resolves.toBe('applied');
    await expect(state.innerText()).resolves.toContain(`set by ${USER}: Signed a 3-year expansion yesterday (until ${expiry})`);
    // The badge beside the ticket title follows the panel, without a navigation.
    const badge = page.locator('sightline-badge');
    await expect.poll(() => badge.getAttribute('data-score'), { timeout: 10_000 }).toBe('85');
    await expect(badge.getAttribute('data-band')).resolves.toBe('healthy');
    await screenshot(page, 'panel-zendesk-override');

    const options = await session.openExtensionPage('options.html');
    const [override] = await readStore<{ accountId: string; score: number; reason: string; expiresOn: string; setBy: string; computedBandAtSet: string }>(options, 'overrides');
    await options.close();
    expect(override).toMatchObject({ accountId: 'acc-acme', score: 85, expiresOn: expiry, setBy: USER, computedBandAtSet: 'at-risk' });
  });

  it('follows an import made on the options page without a reload', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('import-file').setInputFiles({
      name: 'nps-latest.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Response ID,Email,Account Name,Score,Submitted At,Comment\nR-900,jane.doe@acmecorp.com,Acme Corp,3,${day(1)},Reports keep timing out\n`),
    });
    const commit = options.getByTestId('import-commit');
    await expect.poll(() => commit.isEnabled(), { timeout: 30_000 }).toBe(true);
    await commit.click();
    await options.getByTestId('import-result').waitFor({ timeout: 30_000 });
    await options.close();
    await expect.poll(() => panel.getByTestId('factor-engagement').getAttribute('data-score'), { timeout: 10_000 }).toBe(String(ENGAGEMENT_AFTER_IMPORT));
    await expect(panel.getByTestId('computed-score').innerText()).resolves.toBe(String(SCORE_AFTER_IMPORT));
    await expect(panel.getByTestId('factor-engagement').innerText()).resolves.toContain('3 / 10 · 1 day old');
  });

  it('refuses an override without a reason and says why', async () => {
    await panel.getByTestId('override-open').click();
    await panel.getByTestId('override-score').fill('20');
    await panel.getByTestId('override-reason').fill('   ');
    await panel.getByTestId('override-save').click();
    await expect.poll(() => panel.getByText('an override needs a reason').count()).toBe(1);
    await expect(panel.getByTestId('panel-score').getAttribute('data-score')).resolves.toBe('85');
  });

  it('reconnects after the service worker restarts and stays live', async () => {
    const options = await session.openExtensionPage('options.html');
    const { startedAt } = await ping(options);
    const cdp = await session.context.browser()!.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    for (const target of targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(session.origin))) {
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
    }
    await cdp.detach();
    // The panel's reconnect wakes the worker again: a new start time proves it restarted.
    await expect.poll(async () => (await ping(options)).startedAt, { timeout: 10_000 }).not.toBe(startedAt);
    const text = `After the restart ${Date.now()}`;
    await sendRuntimeMessage(options, protocolMessage('addNote', { accountId: 'acc-acme', text, at: Date.now() }));
    await options.close();
    await expect.poll(() => panel.getByTestId('note').first().innerText(), { timeout: 10_000 }).toContain(text);
  });
});

describe('a page with no matching account', () => {
  it('lets the user pick the account, and remembers the choice after a reload', async () => {
    // Ticket 106: an organization and a requester no account knows.
    const page = await hostPage(zendeskTicketUrl(106));
    const badge = page.locator('sightline-badge:not([data-state="loading"])');
    await badge.waitFor({ state: 'attached' });
    await expect(badge.getAttribute('data-account-id')).resolves.toBeFalsy();
    const panel = await openPanel(page);
    await panel.getByTestId('pick-search').fill('initech');
    await panel.getByTestId('pick-result').first().waitFor();
    await expect(panel.getByTestId('pick-result').allInnerTexts()).resolves.toEqual([expect.stringContaining('Initech')]);
    await screenshot(page, 'panel-zendesk-pick-account');
    await panel.getByTestId('pick-result').first().click();
    await expect.poll(() => panel.getByTestId('account-name').innerText(), { timeout: 10_000 }).toBe('Initech');
    await expect(panel.getByTestId('match-method').getAttribute('data-method')).resolves.toBe('chosen');
    await expect.poll(() => page.locator('sightline-badge').getAttribute('data-account-id'), { timeout: 10_000 }).toBe('acc-initech');

    await page.reload();
    await expect.poll(() => page.locator('sightline-badge:not([data-state="loading"])').getAttribute('data-account-id'), { timeout: 10_000 }).toBe('acc-initech');
    const again = await openPanel(page);
    await expect(again.getByTestId('account-name').innerText()).resolves.toBe('Initech');

    const options = await session.openExtensionPage('options.html');
    const links = await readStore<{ key: string; accountId: string }>(options, 'pageLinks');
    await options.close();
    const linked = links.filter((l) => l.accountId === 'acc-initech').map((l) => l.key);
    expect(linked).toEqual(expect.arrayContaining(['email:ops@unknown-co.net', 'zendesk-org:369999']));
    await page.close();
  });
});

describe('the panel on Salesforce', () => {
  it('shows the account on a Lightning Account page', async () => {
    const page = await hostPage(lightningRecordUrl(acme.sfId!, 'Account'));
    const panel = await openPanel(page);
    await expect(panel.getByTestId('account-name').innerText()).resolves.toBe('Acme Corp');
    // The override set on the Zendesk page shows here too, the computed score beside it.
    await expect(panel.getByTestId('panel-score').getAttribute('data-score')).resolves.toBe('85');
    await expect(panel.getByTestId('computed-score').innerText()).resolves.toBe(String(SCORE_AFTER_IMPORT));
    await expect(panel.getByTestId('factor-usage').getAttribute('data-score')).resolves.toBe(String(Math.round(factors.usage)));
    await expect(panel.getByTestId('sla-status').count()).resolves.toBe(0);
    await expect(panel.getByTestId('sla-tier').innerText()).resolves.toBe('Premium');

    // The checklist works here as on Zendesk: the run closed on the ticket page is gone, a new one can start and be ticked.
    await panel.getByTestId('start-run-template').selectOption('at-risk');
    await panel.getByTestId('start-run-submit').click();
    const step = panel.locator('[data-status="open"]').getByTestId('step-review-history');
    await step.waitFor();
    const before = Date.now();
    await step.getByRole('checkbox').click();
    await expect.poll(() => step.getByTestId('step-done-by').count()).toBe(1);
    await screenshot(page, 'panel-salesforce-account');

    const options = await session.openExtensionPage('options.html');
    const runs = await readStore<PlaybookRun>(options, 'runs');
    await options.close();
    const open = runs.filter((r) => r.accountId === 'acc-acme' && r.templateId === 'at-risk' && r.status === 'open');
    expect(open).toHaveLength(1);
    const done = open[0]?.steps.find((s) => s.id === 'review-history')?.done;
    expect(done?.by).toBe(USER);
    expect(done?.at).toBeGreaterThanOrEqual(before);
    await page.close();
  });
});

describe('the account detail page', () => {
  it('shows the same content top-level, wider and without a close button', async () => {
    const page = await session.openExtensionPage('panel.html?account=acc-acme');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('account-panel').waitFor();
    await expect(page.locator('[data-layout]').getAttribute('data-layout')).resolves.toBe('page');
    await expect(page.getByTestId('panel-close').count()).resolves.toBe(0);
    await expect(page.title()).resolves.toBe('Acme Corp — Sightline');
    await expect(page.getByTestId('panel-score').getAttribute('data-score')).resolves.toBe('85');
    await expect(page.getByTestId('computed-score').innerText()).resolves.toBe(String(SCORE_AFTER_IMPORT));
    await expect(page.getByTestId('factor-usage').getAttribute('data-score')).resolves.toBe(String(Math.round(factors.usage)));
    const sections = await page.getByTestId('account-panel').boundingBox();
    expect(sections!.width).toBeGreaterThan(900);
    await screenshot(page, 'account-detail-page', { fullPage: true });
    await page.close();
  });

  it('shows an account name with markup as plain text', async () => {
    const globex = FIXTURE_ACCOUNTS.find((a) => a.id === 'acc-globex')!;
    const page = await session.openExtensionPage('panel.html?account=acc-globex');
    await expect(page.getByTestId('account-name').innerText()).resolves.toBe(globex.name);
    await expect(page.locator('holdings').count()).resolves.toBe(0);
    await page.close();
  });

  it('flags a stalled journey: 40 days in, no success milestone for Onboard or Activate', async () => {
    const start = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const store = await session.openExtensionPage('options.html');
    await seedAccounts(store, [{ id: 'acc-stalled', name: 'Stalled Inc', domains: ['stalled.example'], arr: 5000, startDate: start, status: 'active' }]);
    await store.close();
    const page = await session.openExtensionPage('panel.html?account=acc-stalled');
    const journey = page.getByTestId('journey');
    await expect.poll(() => journey.getAttribute('data-stalled'), { timeout: 10_000 }).toBe('true');
    await expect(journey.getAttribute('data-stage')).resolves.toBe('engage');
    await expect(page.getByTestId('journey-stalled').innerText()).resolves.toContain('stalled');
    await expect(page.getByTestId('stage-activate').getAttribute('data-state')).resolves.toBe('stalled');
    await screenshot(page, 'account-detail-stalled-journey');
    await page.close();
  });

  it('says so when the account is not in Sightline', async () => {
    const page = await session.openExtensionPage('panel.html?account=acc-deleted');
    await expect(page.getByTestId('account-missing').innerText()).resolves.toBe('This account is no longer in Sightline.');
    await page.close();
  });
});

describe('every page', () => {
  it('logged no errors in its console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
