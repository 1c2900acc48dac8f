/**
 * The badge (summarizeAccount), the side panel (loadAccountPanel) and the rescoring job (rescoreAll) read an
 * account's inputs through different queries. A user comparing the badge with the panel, or the popup with either,
 * must see one number: this checks all three agree for every account of a demo portfolio, trend included.
 */
import { expect, it } from 'vitest';
import { loadAccountPanel } from '@/lib/db/account-panel';
import { summarizeAccount } from '@/lib/db/account-summary';
import { scoreInSnapshot } from '@/lib/db/account-inputs';
import type { SightlineDatabase } from '@/lib/db/database';
import { loadDemoData } from '@/lib/db/demo-loader';
import { rescoreAll } from '@/lib/db/rescore';
import { generateDemoPortfolio } from '@/lib/demo/generate';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { useTestDatabase } from '../support/test-database';

const TODAY = '2026-11-22';
const NOW = new Date(2026, 10, 22, 12);
const EIGHT_DAYS_AGO = '2026-11-14';

let db: SightlineDatabase;
useTestDatabase((fresh) => {
  db = fresh;
});

it('gives every demo account the same score, band and trend on the badge, in the panel and in the snapshot', async () => {
  await loadDemoData(db, generateDemoPortfolio({ seed: 7, today: TODAY, accounts: 60 }));
  // A snapshot 8 days ago gives the 7-day trend something to compare with.
  await rescoreAll(db, DEFAULT_SETTINGS, EIGHT_DAYS_AGO);
  await rescoreAll(db, DEFAULT_SETTINGS, TODAY);
  const snapshot = await db.snapshots.where('date').equals(TODAY).first();
  const accounts = await db.accounts.toArray();
  expect(accounts.length).toBe(60);

  let withTrend = 0;
  for (const account of accounts) {
    const badge = await summarizeAccount(db, account, DEFAULT_SETTINGS, NOW);
    const panel = await loadAccountPanel(db, { accountId: account.id }, DEFAULT_SETTINGS, NOW);
    const seen = { id: account.id, score: badge.computedScore, band: badge.band, trend7: badge.trend7, trend30: badge.trend30 };
    expect(seen).toEqual({
      id: account.id,
      score: panel?.health.computedScore,
      band: panel?.health.band,
      trend7: panel?.health.trend.delta7,
      trend30: panel?.health.trend.delta30,
    });
    expect(badge.computedScore ?? -1).toBe(snapshot ? (scoreInSnapshot(snapshot, account.id) ?? -1) : -2);
    if (badge.trend7 !== null) withTrend += 1;
  }
  expect(withTrend).toBeGreaterThan(0);
});
