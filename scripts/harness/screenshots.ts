/** Screenshots of what a person would see, written where a human (or a reviewing agent) can open them. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const DEFAULT_SCREENSHOT_DIR = resolve('test-results/screenshots');

/** Saves `<dir>/<name>.png` (name sanitized) and returns the absolute path. */
export async function screenshot(
  target: Page | Locator,
  name: string,
  options: { dir?: string; fullPage?: boolean } = {},
): Promise<string> {
  const dir = resolve(options.dir ?? DEFAULT_SCREENSHOT_DIR);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^a-zA-Z0-9._-]+/g, '-')}.png`);
  if ('goto' in target) await target.screenshot({ path, fullPage: options.fullPage ?? false });
  else await target.screenshot({ path });
  return path;
}
