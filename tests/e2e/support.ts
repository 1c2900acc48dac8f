/** What every e2e test file needs: the fixture server from the global setup and a browser pointed at it. */
import { inject } from 'vitest';
import { setFixtureDataset, type FixtureEndpoint } from '../../scripts/harness/fixture-client';
import type { HostDataset } from '../../scripts/harness/host-model';
import { launchExtension, type ExtensionSession, type LaunchOptions } from '../../scripts/harness/launch';
import { FIXTURE_DATASET } from '../fixtures/hosts/dataset';

export function fixtureEndpoint(): FixtureEndpoint {
  return { port: inject('fixturePort'), cert: inject('fixtureCert') };
}

/** Chromium with the built extension, the Zendesk / Salesforce hosts mapped to the fixture server. */
export function launchForTest(options: Omit<LaunchOptions, 'fixturePort'> = {}): Promise<ExtensionSession> {
  return launchExtension({ ...options, fixturePort: inject('fixturePort') });
}

/** Serves another data set for this file's tests (files run one at a time); `resetFixtureDataset` goes back. */
export function useFixtureDataset(dataset: HostDataset): Promise<void> {
  return setFixtureDataset(fixtureEndpoint(), dataset);
}

export function resetFixtureDataset(): Promise<void> {
  return setFixtureDataset(fixtureEndpoint(), FIXTURE_DATASET);
}
