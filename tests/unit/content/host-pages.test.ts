/** Issue 5: which host a page URL belongs to decides which session script the background injects into it. */
import { describe, expect, it } from 'vitest';
import { hostOfUrl } from '@/lib/content/host-pages';

describe('hostOfUrl', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/101', 'zendesk'],
    ['https://acme.zendesk.com/', 'zendesk'],
    ['https://acme.lightning.force.com/lightning/r/Account/001xx000003DGb2AAG/view', 'salesforce'],
    ['https://acme.my.salesforce.com/001xx000003DGb2', 'salesforce'],
  ])('%s → %s', (url, host) => {
    expect(hostOfUrl(url)).toBe(host);
  });

  it.each([
    ['another site', 'https://example.com/agent/tickets/101'],
    ['a look-alike host', 'https://acme.zendesk.com.evil.example/agent/tickets/101'],
    ['plain http', 'http://acme.zendesk.com/agent/tickets/101'],
    ['an extension page', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html'],
    ['not a URL', 'zendesk.com'],
    ['no URL', undefined],
  ])('%s → null', (_what, url) => {
    expect(hostOfUrl(url)).toBeNull();
  });
});
