// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createBadge, describeBadge } from '@/components/badge/badge';
import type { AccountSummary } from '@/lib/schemas/messages';

const account: AccountSummary = {
  accountId: 'sf:1',
  name: '<img src=x onerror="window.pwned=1">Acme',
  score: 72,
  band: 'at-risk',
  computedScore: 72,
  overridden: false,
  trend7: null,
  trend30: -8,
  stale: true,
  plan: 'Professional',
  tier: 'Priority',
  demo: false,
};

describe('badge', () => {
  it('exposes the testing attributes and nothing else on the host element', () => {
    const badge = createBadge(() => undefined);
    badge.render({ kind: 'matched', account, method: 'email-domain', matchedOn: 'acme.com' });
    expect(badge.host.tagName).toBe('SIGHTLINE-BADGE');
    expect(badge.host.getAttribute('data-score')).toBe('72');
    expect(badge.host.getAttribute('data-band')).toBe('at-risk');
    expect(badge.host.getAttribute('data-account-id')).toBe('sf:1');
    expect(badge.host.shadowRoot).toBeNull(); // closed: the host page cannot reach inside
    expect(badge.host.textContent).toBe('');
  });

  it('describes score, trend, staleness and how it matched', () => {
    const text = describeBadge({ kind: 'matched', account, method: 'email-domain', matchedOn: 'acme.com' });
    expect(text).toContain('health 72 (At risk)');
    expect(text).toContain('▼8 in 30 d');
    expect(text).toContain('some inputs are stale');
    expect(text).toContain('matched by email domain acme.com');
  });

  it('renders hostile account names as text', () => {
    document.body.innerHTML = '';
    const badge = createBadge(() => undefined);
    document.body.append(badge.host);
    badge.render({ kind: 'matched', account, method: 'name', matchedOn: 'Acme' });
    expect(document.querySelectorAll('img').length).toBe(0);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('shows the empty score and unknown band when there is no match', () => {
    const badge = createBadge(() => undefined);
    badge.render({ kind: 'no-match', reason: 'no account matches this page', label: 'jo@acme.com' });
    expect(badge.host.getAttribute('data-score')).toBe('');
    expect(badge.host.getAttribute('data-band')).toBe('unknown');
    expect(badge.host.getAttribute('data-state')).toBe('no-match');
  });
});
