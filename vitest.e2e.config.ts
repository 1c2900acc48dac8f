import { defineConfig } from 'vitest/config';

/** End-to-end tests drive the built extension (.output/chrome-mv3) in Debian's Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
