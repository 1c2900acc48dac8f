/**
 * `npm run demo`: Sightline on the demo portfolio in a real Chromium. Serves Zendesk and Salesforce fixture pages
 * for the same portfolio the options page's "Load demo data" creates (seed 42, 500 accounts, today), loads it
 * through that button, opens a Zendesk ticket and a Salesforce account of one healthy, one at-risk and one
 * critical account plus the popup, and saves screenshots. With a DISPLAY the browser stays open until Ctrl+C;
 * without one it runs headless and exits when done.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'date-fns';
import type { Page } from 'playwright-core';
import { DEFAULT_DEMO_ACCOUNTS, DEMO_SEED, generateDemoPortfolio } from '../lib/demo/generate';
import { pickShowcaseAccounts } from '../lib/demo/showcase';
import { startFixtureServer } from './harness/fixture-server';
import { lightningRecordUrl, zendeskTicketUrl } from './harness/host-model';
import { launchExtension } from './harness/launch';
import { screenshot } from './harness/screenshots';

const OUTPUT_DIR = resolve('demo-output');
const LOAD_TIMEOUT_MS = 180_000;
const BADGE_TIMEOUT_MS = 15_000;

const headed = Boolean(process.env.DISPLAY);
// The options page generates with the local date; so must we, or the two portfolios differ.
const today = format(new Date(), 'yyyy-MM-dd');
const portfolio = generateDemoPortfolio({ seed: DEMO_SEED, accounts: DEFAULT_DEMO_ACCOUNTS, today });
const showcase = pickShowcaseAccounts(portfolio);

rmSync(OUTPUT_DIR, { recursive: true, force: true });
const server = await startFixtureServer({ dataset: portfolio });
const session = await launchExtension({ fixturePort: server.port, headless: !headed });
const shots: string[] = [];

async function shutDown(): Promise<void> {
  await session.close().catch(() => undefined);
  await server.close();
}

/** Waits for Sightline's badge to finish its lookup; a page without one is still worth a screenshot. */
async function waitForBadge(page: Page, what: string): Promise<void> {
  try {
    await page.locator('sightline-badge:not([data-state="loading"])').waitFor({ state: 'attached', timeout: BADGE_TIMEOUT_MS });
  } catch {
    console.warn(`  no settled Sightline badge on ${what} after ${BADGE_TIMEOUT_MS / 1000} s`);
  }
}

try {
  console.log(`Loading the demo portfolio (seed ${DEMO_SEED}, ${DEFAULT_DEMO_ACCOUNTS} accounts, ${today}) through the options page…`);
  const options = await session.openExtensionPage('options.html');
  await options.getByTestId('demo-size').selectOption(String(DEFAULT_DEMO_ACCOUNTS));
  await options.getByTestId('load-demo').click();
  await options.getByTestId('demo-status').filter({ hasText: /Demo data loaded/ }).waitFor({ timeout: LOAD_TIMEOUT_MS });
  shots.push(await screenshot(options, 'options', { dir: OUTPUT_DIR, fullPage: true }));

  for (const [label, pick] of Object.entries(showcase)) {
    const { account, ticket } = pick;
    console.log(`${label}: ${account.name} (latent health ${pick.latentHealth}), ticket #${ticket.zendeskId}`);

    const zendesk = await session.context.newPage();
    await zendesk.goto(zendeskTicketUrl(ticket.zendeskId, 'demo'));
    await waitForBadge(zendesk, `Zendesk ticket #${ticket.zendeskId}`);
    shots.push(await screenshot(zendesk, `zendesk-${label}`, { dir: OUTPUT_DIR }));
    // What the CSM sees after one click on the badge: the side panel with the why, the journey and the playbook.
    await zendesk.locator('sightline-badge').click();
    await zendesk.frameLocator('iframe[data-sightline="panel"]').getByTestId('account-panel').waitFor({ timeout: BADGE_TIMEOUT_MS });
    shots.push(await screenshot(zendesk, `zendesk-${label}-panel`, { dir: OUTPUT_DIR }));

    if (account.sfId) {
      const salesforce = await session.context.newPage();
      await salesforce.goto(lightningRecordUrl(account.sfId, 'Account', 'demo'));
      await waitForBadge(salesforce, `Salesforce account ${account.sfId}`);
      shots.push(await screenshot(salesforce, `salesforce-${label}`, { dir: OUTPUT_DIR }));
    }
  }

  const popup = await session.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 560, height: 600 });
  // The popup with its numbers: ready, and not still computing the portfolio the demo load just changed.
  await popup.locator('html[data-ready="true"]').waitFor({ timeout: BADGE_TIMEOUT_MS });
  await popup.getByTestId('digest-building').waitFor({ state: 'detached', timeout: BADGE_TIMEOUT_MS });
  shots.push(await screenshot(popup, 'popup', { dir: OUTPUT_DIR, fullPage: true }));

  console.log(`\nScreenshots in ${OUTPUT_DIR}:\n${shots.map((s) => `  ${s}`).join('\n')}`);
} catch (error) {
  await shutDown();
  throw error;
}

if (headed) {
  console.log('\nThe browser stays open: press Ctrl+C to quit.');
  const quit = () => void shutDown().then(() => process.exit(0));
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
  session.context.once('close', quit);
} else {
  await shutDown();
}
