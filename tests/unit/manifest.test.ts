/**
 * Least privilege (issue 2): the manifest asks for storage, unlimitedStorage and alarms — anything more only with
 * its reason written beside it in wxt.config.ts —, host access to Zendesk and Salesforce pages only, exposes only
 * the panel page to those hosts, and loads no remote code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_HOST_MATCHES } from '@/lib/content/host-pages';
import config from '@/wxt.config';

const manifest = config.manifest as Record<string, unknown>;
const HOST = /^https:\/\/\*\.(zendesk\.com|lightning\.force\.com|my\.salesforce\.com|force\.com)\/\*$/;

describe('manifest', () => {
  it('asks for storage, unlimitedStorage and alarms, and for anything else says why in wxt.config.ts', () => {
    const permissions = manifest.permissions as string[];
    expect(permissions.slice(0, 3)).toEqual(['storage', 'unlimitedStorage', 'alarms']);
    const comments = readFileSync('wxt.config.ts', 'utf8')
      .split('\n')
      .filter((line) => line.trim().startsWith('//'))
      .join(' ');
    for (const permission of permissions) expect(comments, permission).toContain(`${permission}:`);
    expect(manifest).not.toHaveProperty('optional_permissions');
  });

  it('reaches Zendesk and Salesforce pages only, over https', () => {
    const hosts = manifest.host_permissions as string[];
    expect(hosts.length).toBeGreaterThan(0);
    for (const host of hosts) expect(host).toMatch(HOST);
    for (const host of ALL_HOST_MATCHES) expect(host).toMatch(HOST);
  });

  it('exposes only the panel page to those hosts and sets no content security policy that allows remote code', () => {
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['panel.html'], matches: manifest.host_permissions }]);
    expect(JSON.stringify(manifest)).not.toMatch(/unsafe-eval|https?:\/\/(?!\*\.)/);
  });
});
