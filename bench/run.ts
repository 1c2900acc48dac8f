/**
 * `npm run bench` (after `wxt build`): every speed figure of issues 2, 3, 4, 5 and 7, measured in real Chromium,
 * each next to a floor measured in the same run, the ratio and the goal. Prints a table and saves it as JSON in
 * bench-results/. Not part of `npm test`.
 *
 *   npx tsx bench/run.ts [--only rescore,import] [--accounts N] [--popup-accounts N] [--usage-days N]
 *                        [--rows N] [--navigations N] [--page-loads N]
 *
 * Defaults are the issues' sizes; smaller numbers make quick runs.
 */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBadgePaint } from './badge-paint';
import { runContentSize } from './content-size';
import { runImport } from './import';
import { runPageLoad } from './page-load';
import { runPopupPaint } from './popup-paint';
import { runRescore } from './rescore';
import { createContext, DEFAULT_OPTIONS, type BenchContext, type BenchOptions } from './support/context';
import { formatTable, judge, saveResults, type BenchRow, type BenchRowResult } from './support/report';

const BENCHES: Record<string, (ctx: BenchContext) => Promise<BenchRow[]>> = {
  'content-size': runContentSize,
  rescore: runRescore,
  import: runImport,
  'badge-paint': runBadgePaint,
  'page-load': runPageLoad,
  'popup-paint': runPopupPaint,
};

const ISSUE_OF: Record<string, number> = { 'content-size': 2, rescore: 3, import: 4, 'badge-paint': 5, 'page-load': 5, 'popup-paint': 7 };

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: "${text}" is not a positive whole number`);
  return n;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string', multiple: true },
      accounts: { type: 'string' },
      'popup-accounts': { type: 'string' },
      'usage-days': { type: 'string' },
      rows: { type: 'string' },
      navigations: { type: 'string' },
      'page-loads': { type: 'string' },
    },
  });
  const only = (values.only ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const unknown = only.filter((name) => !(name in BENCHES));
  if (unknown.length) throw new Error(`--only: unknown benchmark ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`);
  return {
    only,
    accounts: positive('accounts', values.accounts, DEFAULT_OPTIONS.accounts),
    popupAccounts: positive('popup-accounts', values['popup-accounts'], DEFAULT_OPTIONS.popupAccounts),
    usageDays: positive('usage-days', values['usage-days'], DEFAULT_OPTIONS.usageDays),
    importRows: positive('rows', values.rows, DEFAULT_OPTIONS.importRows),
    navigations: positive('navigations', values.navigations, DEFAULT_OPTIONS.navigations),
    pageLoads: positive('page-loads', values['page-loads'], DEFAULT_OPTIONS.pageLoads),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const ctx = createContext(options);
  const startedAt = new Date().toISOString();
  const names = options.only.length ? options.only : Object.keys(BENCHES);
  const rows: BenchRowResult[] = [];
  let failures = 0;
  for (const name of names) {
    ctx.log(`${name}…`);
    try {
      for (const row of await BENCHES[name]!(ctx)) rows.push(judge(row));
    } catch (error) {
      failures++;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`${name} failed: ${message}`);
      rows.push(judge({ issue: ISSUE_OF[name] ?? 0, bench: name, metric: 'run', unit: 'ms', value: null, error: message.split('\n')[0] }));
    }
  }
  await ctx.dispose();
  console.log(`\n${formatTable(rows)}\n`);
  const file = saveResults(join(ctx.repoRoot, 'bench-results'), {
    startedAt,
    options,
    environment: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) },
    rows,
  });
  console.log(`saved ${file}`);
  if (failures) process.exitCode = 1;
}

await main();
