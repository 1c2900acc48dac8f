/** Chromium as launch.ts starts it (same flags, same host mapping) but with no extension: the "without" side. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs } from '../../scripts/harness/launch';

export async function launchWithoutExtension(fixturePort: number): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const runDir = mkdtempSync(join(tmpdir(), 'sightline-bench-plain-'));
  const args = chromiumArgs('', fixturePort).filter((arg) => !arg.includes('extension'));
  try {
    const context = await chromium.launchPersistentContext(join(runDir, 'profile'), {
      executablePath: CHROMIUM_PATH,
      headless: !process.env.DISPLAY,
      args,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 800 },
      env: { ...process.env, TMPDIR: runDir },
    });
    return {
      context,
      close: async () => {
        try {
          await context.close();
        } finally {
          rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
        }
      },
    };
  } catch (error) {
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
}
