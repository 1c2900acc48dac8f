/**
 * The README's main command after the build: `tsx scripts/demo.ts` serves the fixture hosts, loads the demo through
 * the options page, and writes what a person would see. It throws (non-zero exit) when a badge, a panel or the
 * popup's numbers do not show up, so this runs it headless and checks what it wrote.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

it('loads the demo and writes screenshots of the badges, the side panels and the popup', () => {
  const env = { ...process.env };
  delete env.DISPLAY; // headless, and the command exits when done
  const run = spawnSync('npx', ['tsx', 'scripts/demo.ts'], { env, encoding: 'utf8', timeout: 110_000 });
  expect(run.status, run.stderr).toBe(0);
  const shots = [...run.stdout.matchAll(/^ {2}(\S+\.png)$/gm)].map((match) => match[1]!);
  const names = shots.map((shot) => shot.slice(shot.lastIndexOf('/') + 1));
  expect(names).toEqual(expect.arrayContaining(['options.png', 'popup.png', 'zendesk-atRisk.png', 'zendesk-atRisk-panel.png', 'salesforce-critical.png']));
  for (const shot of shots) {
    expect(shot.startsWith(resolve('demo-output'))).toBe(true);
    expect(existsSync(shot) && statSync(shot).size > 5_000).toBe(true);
  }
  // One line per showcase account, named with its band and a real demo ticket.
  expect(run.stdout).toMatch(/^healthy: .+ ticket #9\d{8}$/m);
  expect(run.stdout).toMatch(/^critical: .+ ticket #9\d{8}$/m);
}, 120_000);
