/**
 * Issue 2: what a host page loads from Sightline — any content script the built manifest declares for it (none,
 * since the sessions are injected) and the session script the background injects once the page has loaded
 * (lib/content/host-pages.ts) — gzipped (zlib's default level, as a server would send it). Goal: ≤ 60 KB gzip per
 * host page. No floor: the goal is absolute. Panel files are not counted: the panel loads only when the user opens it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HOST_NAMES, HOST_PAGES } from '../lib/content/host-pages';
import type { BenchContext } from './support/context';
import type { BenchRow } from './support/report';

const GOAL_KB = 60;

interface ManifestContentScript {
  matches: string[];
  js?: string[];
  css?: string[];
}

export function gzipKb(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(file);
  return { raw: bytes.length / 1024, gzip: gzipSync(bytes).length / 1024 };
}

export async function runContentSize(ctx: BenchContext): Promise<BenchRow[]> {
  const manifest = JSON.parse(readFileSync(join(ctx.extensionPath, 'manifest.json'), 'utf8')) as { content_scripts?: ManifestContentScript[] };
  const scripts = manifest.content_scripts ?? [];
  return HOST_NAMES.map((host) => {
    const { matches, sessionScript } = HOST_PAGES[host];
    const declared = scripts.filter((s) => s.matches.some((m) => (matches as readonly string[]).includes(m)));
    const files = [...declared.flatMap((s) => [...(s.js ?? []), ...(s.css ?? [])]), sessionScript.slice(1)];
    const sizes = files.map((f) => ({ file: f, ...gzipKb(join(ctx.extensionPath, f)) }));
    const gzip = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const raw = sizes.reduce((sum, s) => sum + s.raw, 0);
    return {
      issue: 2,
      bench: 'content-size',
      metric: `gzip, ${matches.join(' ')}`,
      unit: 'KB',
      value: gzip,
      goalMax: GOAL_KB,
      note: `${sizes.map((s) => `${s.file} ${s.raw.toFixed(1)} KB raw / ${s.gzip.toFixed(1)} KB gzip`).join('; ')} (total raw ${raw.toFixed(1)} KB)`,
    } satisfies BenchRow;
  });
}
