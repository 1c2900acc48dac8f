import { describe, expect, it } from 'vitest';
import { buildPopupView } from '@/lib/portfolio/popup-view';
import { ALL_FILTERS, buildStoredPopupViews, popupInputsKey, storedViewFor } from '@/lib/portfolio/popup-view-cache';
import type { Account, HealthSnapshot, Override } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { buildDigest } from '../support/digest';

const TODAY = '2026-10-10';
const accounts: Account[] = [
  { id: 'a', name: 'Acme', domains: [], arr: 50_000, startDate: '2024-01-01', status: 'active', owner: 'Dana', segment: 'Enterprise', renewalDate: '2026-11-01' },
  { id: 'b', name: 'Globex', domains: [], arr: 20_000, startDate: '2024-01-01', status: 'active', owner: 'Sam', segment: 'SMB', renewalDate: '2026-12-20' },
];
const snapshot: HealthSnapshot = { date: TODAY, computedAt: 1, accountIds: ['a', 'b'], scores: [55, 90] };
const digest = buildDigest({ accounts, opportunities: [], nps: [], tickets: [], milestones: [], snapshot, targets: DEFAULT_SETTINGS.targets, today: TODAY, builtAt: 1000 });
const settings = { ...DEFAULT_SETTINGS, currentUser: 'Dana' };
const override: Override = { accountId: 'b', score: 40, reason: 'exec escalation', expiresOn: '2026-12-01', locked: true, setBy: 'Dana', setAt: 5 };

// Through a structured clone, as IndexedDB stores it.
const stored = (overrides: Override[] = []) => structuredClone(buildStoredPopupViews({ digest, overrides, settings, today: TODAY }));
const current = (overrides: Override[] = []) => ({ digestBuiltAt: 1000, today: TODAY, inputsKey: popupInputsKey(overrides, settings) });

describe('the stored popup views', () => {
  it('give back, for every filter, the view built for it, definitions included', () => {
    const record = stored([override]);
    expect(ALL_FILTERS).toHaveLength(8);
    for (const filter of ALL_FILTERS) {
      expect(storedViewFor(record, { ...current([override]), filter }), JSON.stringify(filter)).toEqual(
        buildPopupView({ digest, overrides: [override], settings, filter, today: TODAY }),
      );
    }
    const mineEnterprise = storedViewFor(record, { ...current([override]), filter: { owner: 'mine', segment: 'Enterprise' } });
    expect(mineEnterprise?.accounts).toBe(1);
    expect(storedViewFor(record, { ...current([override]), filter: { owner: 'team', segment: 'all' } })?.bands.critical.count).toBe(1); // b at 40
  });

  it('are not used once anything they were built from differs', () => {
    const record = stored();
    const base = { ...current(), filter: { owner: 'team', segment: 'all' } as const };
    expect(storedViewFor(record, base)).toBeDefined();
    expect(storedViewFor(record, { ...base, digestBuiltAt: 1001 })).toBeUndefined();
    expect(storedViewFor(record, { ...base, digestBuiltAt: undefined })).toBeUndefined();
    expect(storedViewFor(record, { ...base, today: '2026-10-11' })).toBeUndefined();
    expect(storedViewFor(record, { ...base, inputsKey: popupInputsKey([override], settings) })).toBeUndefined();
    expect(storedViewFor(record, { ...base, inputsKey: popupInputsKey([], { ...settings, bands: { healthy: 85, atRisk: 50 } }) })).toBeUndefined();
    expect(storedViewFor(record, { ...base, inputsKey: popupInputsKey([], { ...settings, currentUser: 'Sam' }) })).toBeUndefined();
    expect(storedViewFor({ version: 1 }, base)).toBeUndefined();
    expect(storedViewFor(undefined, base)).toBeUndefined();
  });

  it('key overrides by what changes a view, in any order', () => {
    const other: Override = { ...override, accountId: 'a', score: 95 };
    expect(popupInputsKey([override, other], settings)).toBe(popupInputsKey([other, override], settings));
    expect(popupInputsKey([override], settings)).not.toBe(popupInputsKey([{ ...override, score: 41 }], settings));
    expect(popupInputsKey([override], settings)).not.toBe(popupInputsKey([{ ...override, expiresOn: '2026-12-02' }], settings));
  });
});
