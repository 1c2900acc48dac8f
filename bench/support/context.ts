/** What every benchmark gets: the options of the run, where things are, and the bench extension (built on demand). */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { localDay } from '../../lib/scoring/dates';
import type { IsoDate } from '../../lib/schemas/common';
import { generateDemoPortfolio, type DemoPortfolio } from '../../lib/demo/generate';
import { startFixtureServer, type FixtureServer } from '../../scripts/harness/fixture-server';
import { launchExtension, type ExtensionSession } from '../../scripts/harness/launch';
import type { SeedResult } from '../pages/api';
import { buildBenchExtension } from './bench-extension';
import { benchCall, openBenchPage } from './bench-page';

export interface BenchOptions {
  /** Benchmarks to run (all when empty). */
  only: string[];
  /** Portfolio size for rescoring, the large popup and the report page (issue sizes: 100k). */
  accounts: number;
  /** Portfolio size for the small popup figure (issue 7: 10k). */
  popupAccounts: number;
  /** Days of usage rows per account (the scoring window is 30 days). */
  usageDays: number;
  /** Rows of the generated accounts CSV (issue 4: 100k). */
  importRows: number;
  /** SPA navigations for the badge (issue 5: 50). */
  navigations: number;
  /** Page loads per variant for the host page's load time. */
  pageLoads: number;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  only: [],
  accounts: 100_000,
  popupAccounts: 10_000,
  usageDays: 30,
  importRows: 100_000,
  navigations: 50,
  pageLoads: 20,
};

export const DEMO_SEED = 42;

export interface BenchContext {
  options: BenchOptions;
  repoRoot: string;
  /** The product build (`.output/chrome-mv3`). */
  extensionPath: string;
  /** Scratch files of the run (generated CSV, floor extension, bench extension). */
  outputDir: string;
  /** The local day the extension sees as today; demo data is generated for it. */
  today: IsoDate;
  /** The product build plus the bench pages (built once per run). */
  benchExtension(): Promise<string>;
  /**
   * Chromium with the bench extension and a whole demo portfolio of `accounts` accounts in its database, seeded
   * once per size and run and shared by the benchmarks that need that size (rescoring, popup, report page).
   */
  portfolio(accounts: number): Promise<SeededPortfolio>;
  /**
   * The fixture hosts (Zendesk, Salesforce) serving the demo portfolio of `popupAccounts` accounts — the same
   * records `portfolio(popupAccounts)` seeds — and that portfolio as generated in Node. Every portfolio session's
   * Chromium maps the host names to this server.
   */
  hosts(): Promise<{ server: FixtureServer; portfolio: DemoPortfolio }>;
  /** Closes what the run opened. */
  dispose(): Promise<void>;
  log(message: string): void;
}

export interface SeededPortfolio {
  session: ExtensionSession;
  /** The bench page (bench/pages/bench.ts) in that session. */
  page: Page;
  accounts: number;
  seeded: SeedResult;
  /** Today's snapshot has been written by a rescoring run in this session (the popup shows snapshot scores). */
  rescored: boolean;
}

export function createContext(options: BenchOptions): BenchContext {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
  const outputDir = join(repoRoot, 'bench-output');
  const extensionPath = join(repoRoot, '.output/chrome-mv3');
  let built: Promise<string> | undefined;
  let hosts: Promise<{ server: FixtureServer; portfolio: DemoPortfolio }> | undefined;
  const portfolios = new Map<number, Promise<SeededPortfolio>>();
  const started = Date.now();
  const today = localDay(new Date());
  const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const benchExtension = () => (built ??= buildBenchExtension(repoRoot, extensionPath, join(outputDir, 'sightline-with-bench-pages')));

  const startHosts = async () => {
    const portfolio = generateDemoPortfolio({ seed: DEMO_SEED, today, accounts: options.popupAccounts, usageDays: options.usageDays });
    return { server: await startFixtureServer({ dataset: portfolio }), portfolio };
  };
  const hostsOnce = () => (hosts ??= startHosts());

  async function seedPortfolio(accounts: number): Promise<SeededPortfolio> {
    const { server } = await hostsOnce();
    const session = await launchExtension({ extensionPath: await benchExtension(), fixturePort: server.port });
    try {
      const page = await openBenchPage(session);
      log(`seeding a demo portfolio of ${accounts} accounts × ${options.usageDays} usage days…`);
      const seeded = await benchCall(page, 'seedPortfolio', { seed: DEMO_SEED, today, accounts, usageDays: options.usageDays });
      const rows = Object.values(seeded.counts).reduce((a, b) => a + (b ?? 0), 0);
      log(
        `seeded ${JSON.stringify(seeded.counts)}: generated in ${(seeded.generateMs / 1000).toFixed(1)} s, ` +
          `written in ${(seeded.writeMs / 1000).toFixed(1)} s (${((seeded.writeMs * 1000) / Math.max(1, rows)).toFixed(0)} µs per row)`,
      );
      return { session, page, accounts, seeded, rescored: false };
    } catch (error) {
      await session.close();
      throw error;
    }
  }

  return {
    options,
    repoRoot,
    extensionPath,
    outputDir,
    today,
    benchExtension,
    portfolio(accounts) {
      let seeded = portfolios.get(accounts);
      if (!seeded) portfolios.set(accounts, (seeded = seedPortfolio(accounts)));
      return seeded;
    },
    hosts: hostsOnce,
    async dispose() {
      for (const seeded of portfolios.values()) await (await seeded.catch(() => undefined))?.session.close();
      portfolios.clear();
      await (await hosts?.catch(() => undefined))?.server.close();
      hosts = undefined;
    },
    log,
  };
}
