/** Opens the bench page in the Sightline extension and calls its operations (bench/pages/api.ts). */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../scripts/harness/launch';
import type { BenchPageApi, BenchPageWindow } from '../pages/api';

export async function openBenchPage(session: ExtensionSession): Promise<Page> {
  // Opening an extension page that uses the database first lets Dexie create it at the current schema version.
  const page = await session.openExtensionPage('bench/bench.html');
  await page.waitForFunction(() => (window as unknown as BenchPageWindow).sightlineBenchReady === true, null, { timeout: 30_000 });
  return page;
}

export function benchCall<K extends keyof BenchPageApi>(
  page: Page,
  name: K,
  ...args: Parameters<BenchPageApi[K]>
): Promise<Awaited<ReturnType<BenchPageApi[K]>>> {
  return page.evaluate(
    ({ name, args }) => {
      const api = (window as unknown as BenchPageWindow).sightlineBench;
      return (api[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
    { name, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<BenchPageApi[K]>>>;
}
