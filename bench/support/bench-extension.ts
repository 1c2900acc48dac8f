/**
 * The extension the bench drives: a copy of the production build (`.output/chrome-mv3`) plus the bench's own
 * extension pages under `bench/` (bench/pages, built with Vite). The pages run in the extension's origin, so they
 * share its IndexedDB and call the real code (rescoring, the import client and worker) on the real database. The
 * product build itself is left as it is; content-size measures that one.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

export async function buildBenchExtension(repoRoot: string, productBuild: string, target: string): Promise<string> {
  if (!existsSync(join(productBuild, 'manifest.json'))) throw new Error(`${productBuild} has no manifest.json: run \`wxt build\` first`);
  rmSync(target, { recursive: true, force: true });
  cpSync(productBuild, target, { recursive: true });
  const pages = join(repoRoot, 'bench/pages');
  await build({
    root: pages,
    base: '/bench/',
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@': repoRoot } },
    worker: { format: 'es' },
    build: {
      outDir: join(target, 'bench'),
      emptyOutDir: true,
      minify: true,
      rollupOptions: {
        input: { bench: join(pages, 'bench.html'), 'popup-floor': join(pages, 'popup-floor.html') },
        // The import worker's transform is slow and the bundler says so at length; it is not news here.
        checks: { pluginTimings: false },
      },
    },
  });
  return target;
}
