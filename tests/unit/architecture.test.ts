/**
 * The rules of DESIGN.md §1–2 that code review alone would miss, checked on the import graph:
 * content scripts never reach the database (it would open the host site's IndexedDB), nor does the side panel (an
 * extension iframe in a host page gets a storage-partitioned IndexedDB: its data comes from the background), lib/
 * never imports entrypoints/, and components/ stay presentational (no extension APIs).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else return undefined; // a package
  if (existsSync(base) && statSync(base).isFile()) return base;
  return EXTENSIONS.map((ext) => base + ext).find((candidate) => existsSync(candidate));
}

function importsOf(file: string): { packages: string[]; files: string[] } {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const packages: string[] = [];
  const files: string[] = [];
  for (const { fileName } of importedFiles) {
    const resolved = resolveImport(file, fileName);
    if (resolved) files.push(resolved);
    else if (!fileName.startsWith('.') && !fileName.startsWith('@/')) packages.push(fileName);
  }
  return { packages, files };
}

/** Every project file and package reachable from `entry`, with the chain that reaches it. */
function reachable(entry: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    const chain = chains.get(file)!;
    const { packages, files } = importsOf(file);
    for (const pkg of packages) if (!chains.has(`pkg:${pkg}`)) chains.set(`pkg:${pkg}`, [...chain, pkg]);
    for (const next of files) {
      if (chains.has(next)) continue;
      chains.set(next, [...chain, next]);
      queue.push(next);
    }
  }
  return chains;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => /\.tsx?$/.test(path) && statSync(path).isFile());
}

const show = (chain: string[]) => chain.map((p) => (p.startsWith('/') ? relative(ROOT, p) : p)).join(' → ');

describe('architecture', () => {
  /** The session scripts the background injects into host pages once they have loaded (the only code that runs there). */
  const sessionEntries = readdirSync(join(ROOT, 'entrypoints'))
    .filter((name) => name.endsWith('-session') || name.endsWith('-session.ts'))
    .map((name) => resolveImport(join(ROOT, 'entrypoints', 'x'), `./${name}`)!)
    .filter(Boolean);

  it('declares no content scripts: every entrypoint WXT would turn into one is absent', () => {
    const contentScripts = readdirSync(join(ROOT, 'entrypoints')).filter((name) => /(^|\.)content(\.tsx?)?$/.test(name));
    expect(contentScripts).toEqual([]);
  });

  it('finds the session scripts, one per host', () => {
    expect(sessionEntries.map((e) => relative(ROOT, e)).sort()).toEqual([
      'entrypoints/salesforce-session/index.ts',
      'entrypoints/zendesk-session/index.ts',
    ]);
  });

  it.each(sessionEntries.map((e) => [relative(ROOT, e), e]))('%s never reaches the database', (_name, entry) => {
    const offending = [...reachable(entry).entries()]
      .filter(([key]) => key.startsWith(join(ROOT, 'lib/db')) || key === 'pkg:dexie' || key === 'pkg:dexie-react-hooks')
      .map(([, chain]) => show(chain));
    expect(offending).toEqual([]);
  });

  it.each(sessionEntries.map((e) => [relative(ROOT, e), e]))('%s builds only the content scripts\' message schemas', (_name, entry) => {
    const files = reachable(entry);
    expect(files.has(join(ROOT, 'lib/content/page-session.ts'))).toBe(true);
    const heavy = ['lib/messaging/protocol.ts', 'lib/schemas/panel-messages.ts', 'lib/schemas/records.ts', 'lib/schemas/settings.ts'];
    expect(heavy.filter((file) => files.has(join(ROOT, file))).map((file) => show(files.get(join(ROOT, file))!))).toEqual([]);
  });

  it('the side panel never reaches the database', () => {
    const entries = sourceFiles(join(ROOT, 'entrypoints/panel'));
    expect(entries.map((e) => relative(ROOT, e))).toContain('entrypoints/panel/main.tsx');
    const offending = entries.flatMap((entry) =>
      [...reachable(entry).entries()]
        .filter(([key]) => key.startsWith(join(ROOT, 'lib/db')) || key === 'pkg:dexie' || key === 'pkg:dexie-react-hooks')
        .map(([, chain]) => show(chain)),
    );
    expect(offending).toEqual([]);
  });

  it('lib/ never imports from entrypoints/', () => {
    const offending = sourceFiles(join(ROOT, 'lib')).flatMap((file) =>
      importsOf(file).files.filter((f) => f.startsWith(join(ROOT, 'entrypoints'))).map((f) => show([file, f])),
    );
    expect(offending).toEqual([]);
  });

  it('components/ make no extension API calls and open no database', () => {
    const offending = sourceFiles(join(ROOT, 'components')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      const { packages, files } = importsOf(file);
      return (
        /\b(browser|chrome)\.(runtime|storage|tabs|alarms)\b/.test(text) ||
        packages.some((p) => p === 'wxt/browser' || p === 'webextension-polyfill' || p === 'dexie') ||
        files.some((f) => f.startsWith(join(ROOT, 'lib/db')))
      );
    });
    expect(offending.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
