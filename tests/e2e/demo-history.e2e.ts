/**
 * Demo data with health history in Chromium: after "Load demo data" the popup's top at-risk list and the account
 * page show 30-day and 7-day trends at once, not "—". Expected trends are worked out here from the snapshots read
 * back from the database (today's score minus the score of 7 or 30 days ago).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from '../../scripts/harness/extension-page';
import type { ExtensionSession } from '../../scripts/harness/launch';
import { screenshot } from '../../scripts/harness/screenshots';
import type { HealthSnapshot } from '../../lib/schemas/records';
import { launchForTest } from './support';

const DEMO_SIZE = 100;

let session: ExtensionSession;
let options: Page;
let today: string;
let byDate: Map<string, Map<string, number>>;

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Today's score minus the one `days` ago, as the popup writes it (▲ up, ▼ down, ● unchanged, — unknown). */
function expectedDelta(accountId: string, days: number): { delta: number | null; text: string } {
  const now = byDate.get(today)?.get(accountId) ?? -1;
  const then = byDate.get(daysBefore(today, days))?.get(accountId) ?? -1;
  if (now < 0 || then < 0) return { delta: null, text: '—' };
  const delta = now - then;
  return { delta, text: `${delta > 0 ? '▲' : delta < 0 ? '▼' : '●'}${Math.abs(delta)}` };
}

beforeAll(async () => {
  session = await launchForTest();
  options = await session.openExtensionPage('options.html');
  await options.getByTestId('account-count').waitFor();
  today = await options.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await options.getByTestId('demo-size').selectOption(String(DEMO_SIZE));
  await options.getByTestId('load-demo').click();
  await options.getByText(`Demo data loaded: ${DEMO_SIZE} accounts`).waitFor({ timeout: 60_000 });
  const snapshots = await readStore<HealthSnapshot>(options, 'snapshots');
  byDate = new Map(snapshots.map((s) => [s.date, new Map(s.accountIds.map((id, i) => [id, s.scores[i]!]))]));
});

afterAll(async () => {
  await session?.close();
});

describe('demo health history', () => {
  it('is stored for 30 and 7 days ago, yesterday and today, for every demo account', () => {
    for (const days of [30, 7, 1, 0]) {
      const day = byDate.get(daysBefore(today, days));
      expect(day?.size, `${days} days ago`).toBe(DEMO_SIZE);
    }
  });

  it('gives the popup’s top at-risk accounts their 30-day trend', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 560, height: 600 });
    const rows = popup.getByTestId('at-risk-account');
    await rows.first().waitFor({ timeout: 30_000 });
    const ids = await rows.evaluateAll((links) => links.map((link) => link.getAttribute('data-account-id')!));
    const shown = await rows.locator('span[title="Change in 30 days"]').allInnerTexts();
    const expected = ids.map((id) => expectedDelta(id, 30));
    expect(shown).toEqual(expected.map((e) => e.text));
    // Not a list of dashes: most of the largest at-risk accounts had a score a month ago.
    expect(expected.filter((e) => e.delta !== null).length).toBeGreaterThan(ids.length / 2);
    await screenshot(popup, 'demo-history-popup-trends', { fullPage: true });
    await popup.close();
  });

  it('gives an account’s page its 7- and 30-day trends', async () => {
    const id = [...byDate.get(today)!.keys()].find((a) => expectedDelta(a, 7).delta !== null && expectedDelta(a, 30).delta !== null)!;
    const page = await session.openExtensionPage(`panel.html?account=${encodeURIComponent(id)}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('account-panel').waitFor();
    await expect(page.getByTestId('trend-7').getAttribute('data-delta')).resolves.toBe(String(expectedDelta(id, 7).delta));
    await expect(page.getByTestId('trend-30').getAttribute('data-delta')).resolves.toBe(String(expectedDelta(id, 30).delta));
    await expect(page.getByTestId('sparkline').getAttribute('data-points')).resolves.not.toBe('1');
    await screenshot(page, 'demo-history-account-page');
    await page.close();
  });
});
