import { describe, expect, it } from 'vitest';
import { createOverride, resolveOverride } from '@/lib/scoring/override';
import type { Override } from '@/lib/schemas/records';

const TODAY = '2025-06-15';
const base: Override = {
  accountId: 'acc-1', score: 85, reason: 'Exec sponsor confirmed renewal', expiresOn: '2025-06-30', locked: false,
  setBy: 'Ana', setAt: 1_700_000_000_000, computedBandAtSet: 'at-risk',
};

describe('resolveOverride', () => {
  it('reports no override', () => {
    expect(resolveOverride(undefined, 'healthy', TODAY)).toEqual({ state: 'none' });
  });

  it('applies through its expiry day and not after', () => {
    expect(resolveOverride({ ...base, expiresOn: TODAY }, 'at-risk', TODAY).state).toBe('applied');
    const expired = resolveOverride({ ...base, expiresOn: '2025-06-14' }, 'at-risk', TODAY);
    expect(expired).toMatchObject({ state: 'expired', why: 'expired on 2025-06-14' });
  });

  it('says who set it and why', () => {
    expect(resolveOverride(base, 'at-risk', TODAY)).toMatchObject({
      state: 'applied',
      why: 'set by Ana: Exec sponsor confirmed renewal (until 2025-06-30)',
    });
  });

  it('lapses when unlocked and the computed band moved', () => {
    const state = resolveOverride(base, 'critical', TODAY);
    expect(state.state).toBe('lapsed');
    expect(state.state !== 'none' && state.why).toMatch(/from at-risk to critical/);
  });

  it('survives a band change when locked, but not its expiry', () => {
    expect(resolveOverride({ ...base, locked: true }, 'critical', TODAY).state).toBe('applied');
    expect(resolveOverride({ ...base, locked: true, expiresOn: '2025-01-01' }, 'critical', TODAY).state).toBe('expired');
  });

  it('applies an unlocked override with no recorded band (imported) until rescoring records one', () => {
    const { computedBandAtSet: _dropped, ...imported } = base;
    expect(resolveOverride(imported, 'critical', TODAY).state).toBe('applied');
  });

  it('ignores an override with a broken score or expiry', () => {
    expect(resolveOverride({ ...base, score: Number.NaN }, 'at-risk', TODAY).state).toBe('ignored');
    expect(resolveOverride({ ...base, expiresOn: 'soon' }, 'at-risk', TODAY).state).toBe('expired');
  });
});

describe('createOverride', () => {
  const draft = { accountId: 'acc-1', score: 70, reason: 'Champion left; new one engaged', expiresOn: '2025-07-15', locked: true };

  it('stamps who, when and the computed band', () => {
    const result = createOverride(draft, 'critical', 'Ana', 123, TODAY);
    expect(result).toEqual({ ok: true, override: { ...draft, setBy: 'Ana', setAt: 123, computedBandAtSet: 'critical' } });
  });

  it('names the field that is wrong', () => {
    expect(createOverride({ ...draft, reason: '  ' }, 'critical', 'Ana', 123, TODAY)).toEqual({
      ok: false,
      issues: [{ field: 'reason', message: 'an override needs a reason' }],
    });
    const bad = createOverride({ ...draft, score: 101, expiresOn: '2025-02-30' }, 'critical', 'Ana', 123, TODAY);
    expect(bad.ok === false && bad.issues.map((i) => i.field)).toEqual(['score', 'expiresOn']);
    expect(createOverride({ ...draft, expiresOn: '2025-06-14' }, 'critical', 'Ana', 123, TODAY)).toEqual({
      ok: false,
      issues: [{ field: 'expiresOn', message: 'the expiry date is in the past' }],
    });
  });
});
