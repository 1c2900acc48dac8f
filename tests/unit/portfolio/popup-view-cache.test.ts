import { describe, expect, it } from 'vitest';
import { buildPortfolioDigest } from '@/lib/portfolio/digest';
import { buildPopupView } from '@/lib/portfolio/popup-view';
import { popupInputsKey, storedViewFor, toStoredPopupView } from '@/lib/portfolio/popup-view-cache';
import type { Account, HealthSnapshot, Override } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

const TODAY = '2026-10-10';
const accounts: Account[] = [
  { id: 'a', name: 'Acme', domains: [], arr: 50_000, startDate: '2024-01-01', status: 'active', owner: 'Dana', segment: 'Enterprise', renewalDate: '2026-11-01' },
  { id: 'b', name: 'Globex', domains: [], arr: 20_000, startDate: '2024-01-01', status: 'active', owner: 'Sam', segment: 'SMB', renewalDate: '2026-12-20' },
];
const snapshot: HealthSnapshot = { date: TODAY, computedAt: 1, accountIds: ['a', 'b'], scores: [55, 90] };
const digest = buildPortfolioDigest({ accounts, opportunities: [], nps: [], tickets: [], milestones: [], snapshot, targets: DEFAULT_SETTINGS.targets, today: TODAY, builtAt: 1000 });
const settings = { ...DEFAULT_SETTINGS, currentUser: 'Dana' };
const filter = { owner: 'team', segment: 'all' } as const;
const override: Override = { accountId: 'b', score: 40, reason: 'exec escalation', expiresOn: '2026-12-01', locked: true, setBy: 'Dana', setAt: 5 };

function stored(overrides: Override[] = []) {
  const view = buildPopupView({ digest, overrides, settings, filter, today: TODAY });
  // Through a structured clone, as IndexedDB stores it.
  return { view, record: structuredClone(toStoredPopupView(view, { digestBuiltAt: 1000, today: TODAY, filter, inputsKey: popupInputsKey(overrides, settings) })) };
}

describe('the stored popup view', () => {
  it('comes back equal to the view it was made from, definitions included', () => {
    const { view, record } = stored();
    const current = { digestBuiltAt: 1000, today: TODAY, filter, inputsKey: popupInputsKey([], settings) };
    expect(storedViewFor(record, current)).toEqual(view);
  });

  it('is not used once anything it was built from differs', () => {
    const { record } = stored();
    const key = popupInputsKey([], settings);
    const base = { digestBuiltAt: 1000, today: TODAY, filter, inputsKey: key };
    expect(storedViewFor(record, { ...base, digestBuiltAt: 1001 })).toBeUndefined();
    expect(storedViewFor(record, { ...base, digestBuiltAt: undefined })).toBeUndefined();
    expect(storedViewFor(record, { ...base, today: '2026-10-11' })).toBeUndefined();
    expect(storedViewFor(record, { ...base, filter: { owner: 'mine', segment: 'all' } })).toBeUndefined();
    expect(storedViewFor(record, { ...base, filter: { owner: 'team', segment: 'SMB' } })).toBeUndefined();
    expect(storedViewFor(record, { ...base, inputsKey: popupInputsKey([override], settings) })).toBeUndefined();
    expect(storedViewFor(record, { ...base, inputsKey: popupInputsKey([], { ...settings, bands: { healthy: 85, atRisk: 50 } }) })).toBeUndefined();
    expect(storedViewFor({ version: 0 }, base)).toBeUndefined();
    expect(storedViewFor(undefined, base)).toBeUndefined();
  });

  it('keys overrides by what changes the view, in any order', () => {
    const other: Override = { ...override, accountId: 'a', score: 95 };
    expect(popupInputsKey([override, other], settings)).toBe(popupInputsKey([other, override], settings));
    expect(popupInputsKey([override], settings)).not.toBe(popupInputsKey([{ ...override, score: 41 }], settings));
    expect(popupInputsKey([override], settings)).not.toBe(popupInputsKey([{ ...override, expiresOn: '2026-12-02' }], settings));
  });

  it('carries the override that was applied when it was built', () => {
    const { view, record } = stored([override]);
    const shown = storedViewFor(record, { digestBuiltAt: 1000, today: TODAY, filter, inputsKey: popupInputsKey([override], settings) });
    expect(view.bands.critical.count).toBe(1); // b at 40 under its override
    expect(shown?.bands).toEqual(view.bands);
  });
});
