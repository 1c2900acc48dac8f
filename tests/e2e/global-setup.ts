/**
 * Once per e2e run: checks the built extension is there and starts the fixture hosts (serving the hand-made data
 * set) for every test file; tests reach it through `inject('fixturePort')` / tests/e2e/support.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startFixtureServer } from '../../scripts/harness/fixture-server';
import { DEFAULT_EXTENSION_PATH } from '../../scripts/harness/launch';
import { FIXTURE_DATASET } from '../fixtures/hosts/dataset';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Port of the fixture server on 127.0.0.1 (Chromium maps the host names to it). */
    fixturePort: number;
    /** Its self-signed certificate (PEM), for Node clients of the control API. */
    fixtureCert: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(DEFAULT_EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`no built extension at ${DEFAULT_EXTENSION_PATH}: run \`npm run test:e2e\` (it builds first) or \`npx wxt build\``);
  }
  const server = await startFixtureServer({ dataset: FIXTURE_DATASET });
  project.provide('fixturePort', server.port);
  project.provide('fixtureCert', server.cert);
  return () => server.close();
}
