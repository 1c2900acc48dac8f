import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // @webext-core/messaging imports the polyfill directly; point it at WXT's fake browser like `wxt/browser`.
    alias: {
      'webextension-polyfill': fileURLToPath(new URL('node_modules/wxt/dist/virtual/mock-browser.mjs', import.meta.url)),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
  },
});
