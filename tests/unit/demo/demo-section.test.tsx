// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDatabase } from '@/lib/db/database';
import { readDemoMarker } from '@/lib/db/demo-loader';
import { DemoSection } from '@/entrypoints/options/DemoSection';

declare global {
  // React only runs act() without warnings when the environment says it is a test.
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;

const byTestId = (id: string) => {
  const element = container.querySelector(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element as HTMLElement;
};

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  for (let tries = 0; tries < 200; tries++) {
    if (await condition()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeEach(async () => {
  await getDatabase().delete();
  await getDatabase().open();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<DemoSection />));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('DemoSection', () => {
  it('says the data is fictional and that none is loaded', async () => {
    expect(container.textContent).toContain('Demo data is fictional');
    await until(() => byTestId('demo-status').textContent === 'No demo data loaded.', 'the empty status');
  });

  it('loads the chosen number of accounts, then removes them', async () => {
    const size = byTestId('demo-size') as HTMLSelectElement;
    await act(async () => {
      size.value = '100';
      size.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => byTestId('load-demo').click());
    await until(() => byTestId('demo-status').textContent === 'Demo data loaded: 100 accounts', 'the loaded status');
    expect(await getDatabase().accounts.count()).toBe(100);
    expect((await readDemoMarker(getDatabase()))?.seed).toBe(42);

    await act(async () => byTestId('clear-demo').click());
    await until(() => byTestId('demo-status').textContent === 'No demo data loaded.', 'the removed status');
    expect(await getDatabase().accounts.count()).toBe(0);
  });
});
