import { liveQuery } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { loadAccountPanel, NOTES_SHOWN } from '@/lib/db/account-panel';
import type { SightlineDatabase } from '@/lib/db/database';
import { addNote } from '@/lib/db/notes';
import { setOverride } from '@/lib/db/overrides';
import { runsForAccount, startRun, tickStep } from '@/lib/db/playbook-runs';
import { DEFAULT_PLAYBOOK_TEMPLATES } from '@/lib/playbooks/templates';
import type { AccountPanel } from '@/lib/schemas/panel';
import type { Account, UsageDay } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/schemas/settings';
import { useTestDatabase } from '../support/test-database';

const TODAY = '2025-06-15';
/** Local noon of TODAY: the loader reads "today" as the local day of `now`. */
const NOW = new Date(2025, 5, 15, 12);
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, currentUser: 'Ana' };

let db: SightlineDatabase;
useTestDatabase((fresh) => {
  db = fresh;
});

const acme: Account = {
  id: 'acme', name: 'Acme', domains: ['acme.com'], arr: 5000, startDate: '2025-06-01', renewalDate: '2026-06-01', status: 'active', plan: 'Starter', seats: 5,
};

function usage(date: string, fields: Partial<UsageDay> = {}): UsageDay {
  return { accountId: 'acme', date, logins: 0, assessments: 0, reports: 0, activeUsers: 0, usersInvited: 0, featuresUsed: 0, ...fields };
}

/**
 * Starter, 5 seats, started 14 days before TODAY: the window is pro-rated to the 14 days the account has existed.
 * Adoption: invited 5 of 5 → 100, features 5 of 10 → 50 → 75 (no pro-rating: it measures a share, not a volume).
 */
async function seed(): Promise<void> {
  await db.accounts.put(acme);
  await db.usage.put(usage('2025-06-10', { logins: 20, assessments: 1, reports: 1, usersInvited: 5, featuresUsed: 5 }));
  await db.milestones.put({ accountId: 'acme', key: 'first-gap-identified', date: '2025-06-04' });
}

async function load(request: Parameters<typeof loadAccountPanel>[1] = { accountId: 'acme' }, now = NOW): Promise<AccountPanel> {
  const panel = await loadAccountPanel(db, request, SETTINGS, now);
  if (!panel) throw new Error('no panel');
  return panel;
}

describe('loadAccountPanel', () => {
  it('is null for an account that does not exist', async () => {
    await expect(loadAccountPanel(db, { accountId: 'nope' }, SETTINGS, NOW)).resolves.toBeNull();
  });

  it('carries the engine\'s explanation of the score, the tier and the journey', async () => {
    await seed();
    const panel = await load();
    expect(panel.account).toEqual(acme);
    expect(panel.health.factors.adoption).toMatchObject({ score: 75, weight: 20, stale: false });
    expect(panel.health.factors.adoption.indicators.map((i) => [i.key, i.value, i.expected, i.score])).toEqual([
      ['usersInvited', 5, 5, 100],
      ['featuresUsed', 5, 10, 50],
    ]);
    expect(panel.health.factors.relationship).toMatchObject({ score: null, contribution: null, effectiveWeight: 0 });
    const { usage: u, adoption: a } = panel.health.factors;
    // N/A factors' weight is shared out: the shown score is the weighted mean of usage and adoption.
    expect(panel.health.computedScore).toBe(Math.round((40 * u.score! + 20 * a.score!) / 60));
    expect(panel.health.score).toBe(panel.health.computedScore);
    expect(panel.tier).toEqual(DEFAULT_SETTINGS.tiers.Standard);
    expect(panel.journey).toMatchObject({ status: 'active', stage: 'activate', daysSinceStart: 14, stalled: false });
    expect(panel.journey.status !== 'invalid' && panel.journey.timeToValue).toEqual({
      reached: true, days: 3, on: '2025-06-04', milestone: 'first-gap-identified', withinTarget: true,
    });
    expect(panel.currentUser).toBe('Ana');
    expect(panel.defaultOverrideExpiry).toBe('2025-07-15');
    expect(panel.generatedAt).toBe(NOW.getTime());
    expect(panel.ticket).toBeNull();
    expect(panel.match).toBeNull();
  });

  it('puts the snapshots of the last 33 days before today\'s live score in the history and trend', async () => {
    await seed();
    const computed = (await load()).health.computedScore!;
    await db.snapshots.bulkPut([
      { date: '2025-05-10', computedAt: 1, accountIds: ['acme'], scores: [10] }, // before the 33 days the trend may read: left out
      { date: '2025-05-16', computedAt: 1, accountIds: ['acme'], scores: [40] },
      { date: '2025-06-08', computedAt: 1, accountIds: ['other', 'acme'], scores: [90, -1] },
      { date: '2025-06-14', computedAt: 1, accountIds: ['other'], scores: [90] },
      { date: '2025-06-15', computedAt: 1, accountIds: ['acme'], scores: [1] }, // today's stored one: the live score replaces it
    ]);
    const panel = await load();
    expect(panel.history).toEqual([
      { date: '2025-05-16', score: 40 },
      { date: '2025-06-08', score: null },
      { date: '2025-06-14', score: null },
      { date: '2025-06-15', score: computed },
    ]);
    expect(panel.health.trend).toEqual({ delta7: null, delta30: computed - 40 });
  });

  it('reads the history\'s snapshots once and again only after the snapshots change', async () => {
    await seed();
    await db.snapshots.bulkPut([
      { date: '2025-06-01', computedAt: 1, accountIds: ['acme'], scores: [30] },
      { date: '2025-06-10', computedAt: 1, accountIds: ['acme'], scores: [35] },
    ]);
    const reads = vi.spyOn(db.snapshots, 'get');
    const historyDates = new Set<unknown>(['2025-06-01', '2025-06-10']);
    const first = await load();
    const historyReads = reads.mock.calls.filter(([key]) => historyDates.has(key)).length;
    expect(historyReads).toBe(2);
    await addNote(db, { accountId: 'acme', author: 'Ana', text: 'no snapshot change' });
    const second = await load();
    expect(reads.mock.calls.filter(([key]) => historyDates.has(key)).length).toBe(historyReads);
    expect(second.history).toEqual(first.history);

    await db.snapshots.put({ date: '2025-06-10', computedAt: 2, accountIds: ['acme'], scores: [44] });
    const third = await load();
    expect(third.history.slice(0, 2)).toEqual([
      { date: '2025-06-01', score: 30 },
      { date: '2025-06-10', score: 44 },
    ]);
  });

  it('shows an override in force beside the computed score', async () => {
    await seed();
    const result = await setOverride(db, { accountId: 'acme', score: 90, reason: 'Signed expansion', expiresOn: '2025-06-30', locked: true }, { settings: SETTINGS, at: NOW.getTime() });
    expect(result.ok).toBe(true);
    const panel = await load();
    expect(panel.health.score).toBe(90);
    expect(panel.health.band).toBe('healthy');
    expect(panel.health.computedScore).not.toBe(90);
    expect(panel.health.override).toMatchObject({
      state: 'applied',
      override: { score: 90, reason: 'Signed expansion', expiresOn: '2025-06-30', locked: true, setBy: 'Ana', setAt: NOW.getTime(), computedBandAtSet: panel.health.computedBand },
    });
  });

  it('gives the Zendesk ticket\'s facts when it is recorded, and says so when it is not', async () => {
    await seed();
    expect((await load({ accountId: 'acme', ticketId: 7 })).ticket).toEqual({ status: 'not-recorded', zendeskId: 7 });
    const ticket = {
      zendeskId: 7, accountId: 'acme', requesterEmail: 'jo@acme.com', subject: 'Help', createdAt: NOW.getTime() - 600_000,
      firstReplyMinutes: null, solvedAt: null, status: 'open', priority: 'high', satisfaction: 'unoffered',
    } as const;
    await db.tickets.put(ticket);
    const panel = await load({ accountId: 'acme', ticketId: 7 });
    expect(panel.ticket).toEqual({
      status: 'recorded',
      ticket: { zendeskId: 7, subject: 'Help', createdAt: ticket.createdAt, firstReplyMinutes: null, status: 'open', priority: 'high' },
    });
    // The recorded ticket's requester is how its page found the account.
    expect(panel.match).toEqual({ method: 'email-domain', matchedOn: 'acme.com' });
  });

  it('says how the page keys matched, and nothing when they lead to another account', async () => {
    await seed();
    await db.accounts.put({ ...acme, id: 'other', name: 'Other', domains: ['other.com'] });
    expect((await load({ accountId: 'acme', keys: { domain: 'acme.com' } })).match).toEqual({ method: 'email-domain', matchedOn: 'acme.com' });
    expect((await load({ accountId: 'acme', keys: { domain: 'other.com' } })).match).toBeNull();
  });

  it('lists open runs first, offers only playbooks without an open run, and notes newest first', async () => {
    await seed();
    const [atRisk, expansion] = DEFAULT_PLAYBOOK_TEMPLATES;
    await startRun(db, { accountId: 'acme', template: atRisk!, by: 'Ana', now: NOW });
    await addNote(db, { accountId: 'acme', author: 'Ana', text: 'first' }, 1000);
    await addNote(db, { accountId: 'acme', author: 'Bo', text: 'second' }, 2000);
    const panel = await load();
    expect(panel.runs.map((r) => [r.templateId, r.status])).toEqual([[atRisk!.id, 'open']]);
    expect(panel.startable.map((t) => t.id)).not.toContain(atRisk!.id);
    expect(panel.startable.map((t) => t.id)).toContain(expansion!.id);
    expect(panel.startable).toHaveLength(DEFAULT_PLAYBOOK_TEMPLATES.length - 1);
    expect(panel.notes.map((n) => n.text)).toEqual(['second', 'first']);
    expect(panel.olderNotes).toBe(0);
  });

  it(`sends the newest ${NOTES_SHOWN} notes and counts the older ones`, async () => {
    await seed();
    await db.notes.bulkPut(
      Array.from({ length: NOTES_SHOWN + 5 }, (_, i) => ({ id: `n${i}`, accountId: 'acme', at: 1000 + i, author: 'Ana', text: `note ${i}` })),
    );
    const panel = await load();
    expect(panel.notes).toHaveLength(NOTES_SHOWN);
    expect(panel.notes[0]!.text).toBe(`note ${NOTES_SHOWN + 4}`);
    expect(panel.notes.at(-1)!.text).toBe('note 5');
    expect(panel.olderNotes).toBe(5);
  });

  it('runs again in a live query when a step is ticked, with who and when', async () => {
    await seed();
    await startRun(db, { accountId: 'acme', template: DEFAULT_PLAYBOOK_TEMPLATES[0]!, by: 'Ana', now: NOW });
    const [run] = await runsForAccount(db, 'acme');
    const seen: AccountPanel[] = [];
    const subscription = liveQuery(() => loadAccountPanel(db, { accountId: 'acme' }, SETTINGS, NOW)).subscribe((panel) => {
      if (panel) seen.push(panel);
    });
    try {
      await expect.poll(() => seen.length).toBe(1);
      const stepId = run!.steps[1]!.id;
      await tickStep(db, run!.id, stepId, { by: 'Bo', at: 5000 });
      await expect.poll(() => seen.length).toBe(2);
      expect(seen[1]!.runs[0]!.steps[1]!.done).toEqual({ by: 'Bo', at: 5000 });
    } finally {
      subscription.unsubscribe();
    }
  });
});

describe('setOverride', () => {
  it('refuses an expiry in the past or a missing account, naming the field, and writes nothing', async () => {
    await seed();
    const at = NOW.getTime();
    await expect(setOverride(db, { accountId: 'acme', score: 80, reason: 'r', expiresOn: '2025-06-14', locked: false }, { settings: SETTINGS, at })).resolves.toEqual({
      ok: false,
      issues: [{ field: 'expiresOn', message: 'the expiry date is in the past' }],
    });
    await expect(setOverride(db, { accountId: 'ghost', score: 80, reason: 'r', expiresOn: '2025-06-30', locked: false }, { settings: SETTINGS, at })).resolves.toEqual({
      ok: false,
      issues: [{ field: 'accountId', message: 'no account "ghost"' }],
    });
    expect(await db.overrides.count()).toBe(0);
  });
});
