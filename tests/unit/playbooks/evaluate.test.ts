import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SightlineDatabase } from '@/lib/db/database';
import { closePlaybookRun } from '@/lib/db/playbook-runs';
import { deleteTemplate } from '@/lib/db/playbook-templates';
import { loadDemoData } from '@/lib/db/demo-loader';
import { generateDemoPortfolio } from '@/lib/demo/generate';
import { evaluatePlaybooks } from '@/lib/playbooks/evaluate';
import type { Account, PlaybookRun, UsageDay } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

const today = new Date(2026, 9, 10, 6, 0); // 10 Oct 2026, local
const settings = DEFAULT_SETTINGS;

const account = (id: string, values: Partial<Account> = {}): Account => ({
  id,
  name: id,
  domains: [],
  arr: 1000,
  startDate: '2024-01-01',
  status: 'active',
  ...values,
});

const usage = (accountId: string, date: string, values: Partial<UsageDay>): UsageDay => ({
  accountId,
  date,
  logins: 5,
  assessments: 0,
  reports: 0,
  activeUsers: 2,
  usersInvited: 2,
  featuresUsed: 1,
  ...values,
});

let db: SightlineDatabase;

beforeEach(async () => {
  db = new SightlineDatabase(`evaluate-${crypto.randomUUID()}`);
  await db.accounts.bulkAdd([
    account('dropping'), // healthy yesterday, at risk today, 14 points down in 30 days
    account('steady'), // nothing fires
    account('near-limit', { plan: 'Starter' }), // 9 of 10 seats invited
    account('renewing', { renewalDate: '2026-12-01' }),
    account('detractor'),
    account('young', { startDate: '2026-09-20' }), // day 20, no first gap identified
    account('gone', { status: 'churned', renewalDate: '2026-11-01' }),
  ]);
  const ids = ['dropping', 'steady', 'near-limit', 'renewing', 'detractor', 'young', 'gone'];
  await db.snapshots.bulkAdd([
    { date: '2026-09-10', computedAt: 1, accountIds: ids, scores: [85, 90, 90, 90, 90, -1, 40] },
    { date: '2026-10-09', computedAt: 2, accountIds: ids, scores: [82, 90, 90, 90, 90, -1, 40] },
    { date: '2026-10-10', computedAt: 3, accountIds: ids, scores: [71, 90, 90, 90, 90, -1, 40] },
  ]);
  await db.usage.bulkAdd([usage('near-limit', '2026-10-08', { usersInvited: 9 }), usage('near-limit', '2026-09-01', { usersInvited: 10 })]);
  await db.nps.bulkAdd([
    { id: 'n-old', accountId: 'detractor', score: 10, date: '2026-06-01' },
    { id: 'n-new', accountId: 'detractor', score: 4, date: '2026-10-01' },
  ]);
  await db.milestones.add({ accountId: 'young', key: 'welcome-sent', date: '2026-09-20' });
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const openRuns = async () =>
  (await db.runs.where('status').equals('open').toArray())
    .map((run) => [run.accountId, run.templateId, run.trigger.kind] as const)
    .sort((a, b) => a.join().localeCompare(b.join()));

describe('evaluatePlaybooks', () => {
  it('opens one run per fired playbook from what the database holds', async () => {
    const result = await evaluatePlaybooks(db, { today, settings });
    expect(result).toMatchObject({ accountsEvaluated: 6, refreshed: 0, suppressed: 0, missingTemplateIds: [] });
    expect(result.openedRunIds).toHaveLength(5);
    expect(await openRuns()).toEqual([
      ['detractor', 'escalation', 'nps-detractor'],
      ['dropping', 'at-risk', 'band-drop'],
      ['near-limit', 'expansion', 'usage-near-limit'],
      ['renewing', 'renewal', 'renewal-due'],
      ['young', 'onboarding-onboard', 'journey-stalled'],
    ]);
    const dropping = (await db.runs.where('accountId').equals('dropping').toArray())[0]!;
    expect(dropping.trigger.reason).toBe('Health band dropped from Healthy to At Risk (score 71); Health score fell 14 points in 30 days (85 → 71)');
    const nearLimit = (await db.runs.where('accountId').equals('near-limit').toArray())[0]!;
    expect(nearLimit.trigger.data).toEqual({ measure: 'seats', used: 9, limit: 10, percent: 90 });
  });

  it('run again, keeps the open runs whose triggers read the same, refreshes the one that changed, and never duplicates them', async () => {
    await evaluatePlaybooks(db, { today, settings });
    const before = await db.runs.toArray();
    // The near-limit account invites its tenth user: its trigger's numbers change.
    await db.usage.put(usage('near-limit', '2026-10-09', { usersInvited: 10 }));
    const later = new Date(today.getTime() + 3_600_000);
    const again = await evaluatePlaybooks(db, { today: later, settings });
    expect(again.openedRunIds).toEqual([]);
    expect(again.refreshed).toBe(1);
    expect(await db.runs.count()).toBe(5);
    const nearLimit = (await db.runs.where('accountId').equals('near-limit').toArray())[0]!;
    expect(nearLimit.trigger).toMatchObject({ data: { measure: 'seats', used: 10, limit: 10, percent: 100 }, at: later.getTime() });
    // The others are as they were: not even their trigger's time was rewritten.
    const others = (runs: PlaybookRun[]) => runs.filter((run) => run.accountId !== 'near-limit').sort((a, b) => a.id.localeCompare(b.id));
    expect(others(await db.runs.toArray())).toEqual(others(before));
  });

  it('does not reopen a renewal run that was closed for the same renewal date', async () => {
    await evaluatePlaybooks(db, { today, settings, accountIds: ['renewing'] });
    const [run] = await db.runs.toArray();
    await closePlaybookRun(db, run!.id, { outcome: 'Renewed early', nextSteps: 'Expansion talk in Q2', by: 'Dana', at: today.getTime() });
    const next = await evaluatePlaybooks(db, { today: new Date(2026, 9, 11, 6, 0), settings, accountIds: ['renewing'] });
    expect(next).toMatchObject({ openedRunIds: [], suppressed: 1 });
  });

  it('uses the health the engine passes in, and only the accounts asked for', async () => {
    const result = await evaluatePlaybooks(db, {
      today,
      settings,
      accountIds: ['steady', 'missing'],
      healthFor: async () => ({ score: 45, band: 'critical' }),
    });
    expect(result.accountsEvaluated).toBe(1);
    expect(await openRuns()).toEqual([['steady', 'at-risk', 'band-drop']]);
  });

  it('reports triggers whose template the team deleted, and opens nothing for them', async () => {
    await deleteTemplate(db, 'expansion');
    const result = await evaluatePlaybooks(db, { today, settings, accountIds: ['near-limit'] });
    expect(result).toMatchObject({ openedRunIds: [], missingTemplateIds: ['expansion'] });
  });
});

describe('evaluatePlaybooks over a whole portfolio', () => {
  // More accounts than one chunk: the whole-portfolio path reads rows by id span, the chosen-accounts path per
  // account. Both must open the same runs with the same triggers and due dates.
  const TODAY = '2025-06-15';
  const at = new Date(2025, 5, 15, 9);
  const demo = generateDemoPortfolio({ seed: 7, today: TODAY, accounts: 1300 });
  const describeRuns = (runs: readonly PlaybookRun[]) =>
    runs
      .map((run) => JSON.stringify([run.accountId, run.templateId, run.trigger.key, run.trigger.reason, run.steps.map((step) => step.dueDate)]))
      .sort();

  it('opens the same runs whether it reads rows by id span or per account', { timeout: 60_000 }, async () => {
    const whole = new SightlineDatabase(`evaluate-whole-${crypto.randomUUID()}`);
    const chosen = new SightlineDatabase(`evaluate-chosen-${crypto.randomUUID()}`);
    try {
      for (const target of [whole, chosen]) await loadDemoData(target, demo, { now: () => at.getTime(), settings });
      const byspan = await evaluatePlaybooks(whole, { today: at, settings });
      const perAccount = await evaluatePlaybooks(chosen, { today: at, settings, accountIds: demo.accounts.map((a) => a.id) });
      expect(byspan.openedRunIds.length).toBeGreaterThan(100);
      expect(byspan.accountsEvaluated).toBe(perAccount.accountsEvaluated);
      expect(describeRuns(await whole.runs.toArray())).toEqual(describeRuns(await chosen.runs.toArray()));
    } finally {
      await whole.delete();
      await chosen.delete();
    }
  });
});
