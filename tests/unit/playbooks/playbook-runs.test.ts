import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SightlineDatabase } from '@/lib/db/database';
import {
  addPlaybookRunNote,
  applyTriggers,
  closePlaybookRun,
  countOpenRuns,
  runsForAccount,
  skipStep,
  startRun,
  tickStep,
  untickStep,
} from '@/lib/db/playbook-runs';
import { deleteTemplate, readTemplate, saveTemplate } from '@/lib/db/playbook-templates';
import { DEFAULT_PLAYBOOK_TEMPLATES } from '@/lib/playbooks/templates';
import { evaluateTriggers, type FiredTrigger } from '@/lib/playbooks/triggers';
import type { Account, PlaybookRun, PlaybookTemplate } from '@/lib/schemas/records';

const atRisk = DEFAULT_PLAYBOOK_TEMPLATES.find((template) => template.id === 'at-risk')!;
const now = new Date(2026, 9, 1, 9, 0); // 1 Oct 2026, local
const DAY = 86_400_000;

const account = (id: string, owner?: string): Account => ({
  id,
  name: id,
  domains: [],
  arr: 1000,
  startDate: '2025-01-01',
  renewalDate: '2026-12-01',
  status: 'active',
  ...(owner === undefined ? {} : { owner }),
});

const fired = (input: { score: number; band: 'at-risk' | 'critical'; score30DaysAgo: number; today?: string }): FiredTrigger[] =>
  evaluateTriggers({ today: '2026-10-01', previousBand: 'healthy', ...input });

let db: SightlineDatabase;
const extraConnections: SightlineDatabase[] = [];

/** Another tab: its own connection to the same database. */
function secondTab(): SightlineDatabase {
  const tab = new SightlineDatabase(db.name);
  extraConnections.push(tab);
  return tab;
}

beforeEach(async () => {
  db = new SightlineDatabase(`playbook-runs-${crypto.randomUUID()}`);
  await db.accounts.bulkAdd([account('acme', 'Dana Lee'), account('globex', 'sam'), account('initech')]);
});

afterEach(async () => {
  extraConnections.splice(0).forEach((tab) => tab.close());
  db.close();
  await Dexie.delete(db.name);
});

async function openAtRiskRun(accountId = 'acme'): Promise<PlaybookRun> {
  const outcome = await applyTriggers(db, { accountId, template: atRisk, triggers: fired({ score: 71, band: 'at-risk', score30DaysAgo: 84 }) }, now);
  if (outcome.outcome !== 'opened') throw new Error(`expected a new run, got ${outcome.outcome}`);
  return outcome.run;
}

describe('opening runs', () => {
  it('opens a run with the template steps and the trigger behind it', async () => {
    const run = await openAtRiskRun();
    expect(await db.runs.get(run.id)).toEqual(run);
    expect(run.trigger).toMatchObject({ kind: 'band-drop', data: { from: 'healthy', to: 'at-risk', score: 71 }, at: now.getTime() });
    expect(run.steps.map((step) => step.id)).toEqual(atRisk.steps.map((step) => step.id));
  });

  it('a trigger firing again refreshes the open run instead of opening another', async () => {
    const first = await openAtRiskRun();
    const later = new Date(now.getTime() + DAY);
    const again = await applyTriggers(db, {
      accountId: 'acme',
      template: atRisk,
      triggers: fired({ score: 66, band: 'at-risk', score30DaysAgo: 80, today: '2026-10-02' }).filter((t) => t.kind === 'score-drop'),
    }, later);
    expect(again.outcome).toBe('refreshed');
    const runs = await db.runs.where('[accountId+templateId]').equals(['acme', 'at-risk']).toArray();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.id).toBe(first.id);
    expect(runs[0]!.trigger).toMatchObject({ kind: 'score-drop', reason: 'Health score fell 14 points in 30 days (80 → 66)', at: later.getTime() });
    expect(runs[0]!.openedAt).toBe(first.openedAt);
  });

  it('two evaluations at once still open a single run', async () => {
    const triggers = fired({ score: 71, band: 'at-risk', score30DaysAgo: 84 });
    const outcomes = await Promise.all([
      applyTriggers(db, { accountId: 'acme', template: atRisk, triggers }, now),
      applyTriggers(secondTab(), { accountId: 'acme', template: atRisk, triggers }, now),
    ]);
    // The second finds the first's run, with the same trigger: it keeps it.
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['kept', 'opened']);
    expect(await db.runs.count()).toBe(1);
  });

  it('a manual start returns the open run unchanged, or opens one', async () => {
    const open = await openAtRiskRun();
    expect(await startRun(db, { accountId: 'acme', template: atRisk, by: 'Dana Lee', now })).toEqual({ outcome: 'kept', run: open });
    const manual = await startRun(db, { accountId: 'globex', template: atRisk, by: 'Sam', now });
    expect(manual).toMatchObject({ outcome: 'opened', run: { accountId: 'globex', trigger: { kind: 'manual', reason: 'Started by Sam' } } });
  });

  it('renewal steps are due counted back from the account renewal date', async () => {
    const renewal = DEFAULT_PLAYBOOK_TEMPLATES.find((template) => template.id === 'renewal')!;
    const started = await startRun(db, { accountId: 'acme', template: renewal, by: 'Dana', now });
    if (started.outcome !== 'opened') throw new Error('expected a run');
    expect(started.run.steps.map((step) => step.dueDate)).toEqual(['2026-10-01', '2026-10-02', '2026-11-01']);
  });
});

describe('steps, notes and closing persist', () => {
  it('tick with a note, untick, skip with a reason', async () => {
    const run = await openAtRiskRun();
    await tickStep(db, run.id, 'identify-drop', { by: 'Dana Lee', at: 1000, note: 'Usage fell after the SSO change' });
    await skipStep(db, run.id, 'success-call', { by: 'Dana Lee', at: 1100, reason: 'They asked for email only' });
    await tickStep(db, run.id, 'review-history', { by: 'Dana Lee', at: 1200 });
    await untickStep(db, run.id, 'review-history', { at: 1300 });
    const stored = (await db.runs.get(run.id))!;
    expect(stored.steps.find((s) => s.id === 'identify-drop')!.done).toEqual({ by: 'Dana Lee', at: 1000, note: 'Usage fell after the SSO change' });
    expect(stored.steps.find((s) => s.id === 'success-call')!.skipped).toEqual({ by: 'Dana Lee', at: 1100, reason: 'They asked for email only' });
    expect(stored.steps.find((s) => s.id === 'review-history')).toMatchObject({ changedAt: 1300 });
    expect(stored.steps.find((s) => s.id === 'review-history')!.done).toBeUndefined();
  });

  it('adds notes and closes with outcome and next steps, then refuses step changes', async () => {
    const run = await openAtRiskRun();
    await addPlaybookRunNote(db, run.id, { author: 'Dana Lee', text: 'Exec sponsor changed', at: 2000 });
    await expect(closePlaybookRun(db, run.id, { outcome: '', nextSteps: 'x', by: 'Dana Lee', at: 3000 })).rejects.toThrow('an outcome is required');
    const closed = await closePlaybookRun(db, run.id, { outcome: 'Recovered: usage back up', nextSteps: 'QBR in January', by: 'Dana Lee', at: 3000 });
    expect(await db.runs.get(run.id)).toEqual(closed);
    expect(closed).toMatchObject({ status: 'closed', closedAt: 3000, closedBy: 'Dana Lee', outcome: 'Recovered: usage back up', nextSteps: 'QBR in January' });
    expect(closed.notes).toEqual([{ id: expect.any(String), author: 'Dana Lee', text: 'Exec sponsor changed', at: 2000 }]);
    await expect(tickStep(db, run.id, 'identify-drop', { by: 'Dana Lee', at: 4000 })).rejects.toThrow('is closed');
  });

  it('refuses a run that does not exist', async () => {
    await expect(tickStep(db, 'missing', 's1', { by: 'x', at: 1 })).rejects.toThrow('no playbook run "missing"');
  });

  it('lists an account runs, open first', async () => {
    const first = await openAtRiskRun();
    await closePlaybookRun(db, first.id, { outcome: 'ok', nextSteps: 'none', by: 'Dana', at: now.getTime() + DAY });
    const second = await startRun(db, { accountId: 'acme', template: atRisk, by: 'Dana', now: new Date(now.getTime() + 2 * DAY) });
    await openAtRiskRun('globex');
    expect((await runsForAccount(db, 'acme')).map((run) => [run.status, run.id])).toEqual([
      ['open', second.outcome === 'opened' ? second.run.id : ''],
      ['closed', first.id],
    ]);
  });
});

describe('two tabs at once', () => {
  it('ticks of different steps from two tabs at the same moment both survive', async () => {
    const run = await openAtRiskRun();
    const tabB = secondTab();
    const results = await Promise.all([
      tickStep(db, run.id, 'identify-drop', { by: 'Tab A', at: 5000 }),
      tickStep(tabB, run.id, 'review-history', { by: 'Tab B', at: 5000 }),
      skipStep(db, run.id, 'success-call', { by: 'Tab A', at: 5001, reason: 'Not needed' }),
      tickStep(tabB, run.id, 'reach-out', { by: 'Tab B', at: 5002, note: 'Sent the benchmark' }),
    ]);
    expect(results.map((result) => result.applied)).toEqual([true, true, true, true]);
    const stored = (await db.runs.get(run.id))!;
    expect(stored.steps.map((step) => [step.id, step.done?.by ?? step.skipped?.by ?? null])).toEqual([
      ['identify-drop', 'Tab A'],
      ['review-history', 'Tab B'],
      ['reach-out', 'Tab B'],
      ['success-call', 'Tab A'],
      ['document-outcome', null],
    ]);
  });

  it('a tab with a slow clock cannot overwrite a newer completion of the same step', async () => {
    const run = await openAtRiskRun();
    const slowTab = secondTab();
    await tickStep(db, run.id, 'reach-out', { by: 'Right clock', at: 10_000, note: 'Called the champion' });
    const stale = await tickStep(slowTab, run.id, 'reach-out', { by: 'Slow clock', at: 9_000, note: 'Emailed' });
    const staleUntick = await untickStep(slowTab, run.id, 'reach-out', { at: 9_500 });
    expect([stale.applied, staleUntick.applied]).toEqual([false, false]);
    expect((await db.runs.get(run.id))!.steps.find((s) => s.id === 'reach-out')!.done).toEqual({ by: 'Right clock', at: 10_000, note: 'Called the champion' });
  });
});

describe('templates changing under open runs', () => {
  it('deleting or editing a template leaves its open runs as they were', async () => {
    const custom: PlaybookTemplate = {
      id: 'exec-review',
      name: 'Exec review',
      dueFrom: 'run-start',
      steps: [
        { id: 'prep', title: 'Prepare the deck', dueOffsetDays: 2 },
        { id: 'meet', title: 'Hold the review', dueOffsetDays: 10 },
      ],
    };
    await saveTemplate(db, custom);
    const started = await startRun(db, { accountId: 'acme', template: (await readTemplate(db, 'exec-review'))!, by: 'Dana', now });
    if (started.outcome !== 'opened') throw new Error('expected a run');

    await saveTemplate(db, { ...custom, name: 'Renamed', steps: [{ id: 'other', title: 'Something else', dueOffsetDays: 0 }] });
    await deleteTemplate(db, 'exec-review');
    expect(await readTemplate(db, 'exec-review')).toBeUndefined();

    const stored = (await db.runs.get(started.run.id))!;
    expect(stored).toEqual(started.run);
    expect(stored.templateName).toBe('Exec review');
    expect(stored.steps.map((step) => [step.id, step.title, step.dueDate])).toEqual([
      ['prep', 'Prepare the deck', '2026-10-03'],
      ['meet', 'Hold the review', '2026-10-11'],
    ]);
    await tickStep(db, stored.id, 'meet', { by: 'Dana', at: 1 });
    expect((await db.runs.get(stored.id))!.steps[1]!.done).toEqual({ by: 'Dana', at: 1 });
  });
});

describe('countOpenRuns', () => {
  it('counts open runs and overdue steps for the portfolio and for one owner', async () => {
    const acme = await openAtRiskRun('acme'); // steps due Oct 1, 2, 4, 8, 15
    await openAtRiskRun('globex');
    const initech = await openAtRiskRun('initech');
    await closePlaybookRun(db, initech.id, { outcome: 'ok', nextSteps: 'none', by: 'x', at: 1 });
    await tickStep(db, acme.id, 'identify-drop', { by: 'Dana', at: 1 });

    const oct5 = new Date(2026, 9, 5, 12, 0); // Oct 1, 2 and 4 have passed
    expect(await countOpenRuns(db, { now: oct5 })).toEqual({ openRuns: 2, overdueSteps: 2 + 3 });
    expect(await countOpenRuns(db, { now: oct5, owner: 'dana lee ' })).toEqual({ openRuns: 1, overdueSteps: 2 });
    expect(await countOpenRuns(db, { now: oct5, owner: 'Sam' })).toEqual({ openRuns: 1, overdueSteps: 3 });
    expect(await countOpenRuns(db, { now: oct5, owner: '' })).toEqual({ openRuns: 0, overdueSteps: 0 });
    expect(await countOpenRuns(db, { now: new Date(2026, 9, 1, 23, 59) })).toEqual({ openRuns: 2, overdueSteps: 0 });
    expect(await countOpenRuns(db, { now: new Date(2026, 9, 2, 0, 0) })).toEqual({ openRuns: 2, overdueSteps: 1 });
  });
});
