import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { fromDraft, toDraft, weightSum } from '@/components/settings/settings-form';
import { SightlineDatabase } from '@/lib/db/database';
import { loadSettings, saveSettings } from '@/lib/db/settings';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

const draft = () => toDraft(DEFAULT_SETTINGS);

describe('settings form', () => {
  it('round-trips the defaults unchanged', () => {
    expect(fromDraft(draft(), DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('converts every edited field', () => {
    const d = draft();
    d.currentUser = '  Jane Doe ';
    d.weights = { usage: '30', engagement: '30', adoption: '25', relationship: '15' };
    d.bands = { healthy: '75', atRisk: '45' };
    d.staleAfterDays = '14';
    d.firstResponseHours.Priority = '2';
    d.tierByPlan.Starter = 'Priority';
    d.targets = { nrrPercent: '115', grrPercent: '92', nps: '40', firstResponseMinutes: '120', csat: '4,6', timeToValueDays: '10' };
    d.personalDomains = 'gmail.com\nOutlook.com\n\ngmail.com\n  proton.me ';
    d.renewalTypeNames = 'Renewal\nRenewal - Multi-year\n';
    const result = fromDraft(d, DEFAULT_SETTINGS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toMatchObject({
      currentUser: 'Jane Doe',
      weights: { usage: 30, engagement: 30, adoption: 25, relationship: 15 },
      bands: { healthy: 75, atRisk: 45 },
      staleAfterDays: 14,
      tierByPlan: { Free: 'Standard', Starter: 'Priority', Professional: 'Priority', Enterprise: 'Premium' },
      targets: { nrrPercent: 115, grrPercent: 92, nps: 40, firstResponseMinutes: 120, csat: 4.6, timeToValueDays: 10 },
      personalDomains: ['gmail.com', 'outlook.com', 'proton.me'],
      renewalTypeNames: ['Renewal', 'Renewal - Multi-year'],
    });
    expect(result.settings.tiers.Priority).toEqual({ name: 'Priority', firstResponseHours: 2, channels: ['email', 'chat'] });
    // What the form does not edit passes through.
    expect(result.settings.usageExpectations).toEqual(DEFAULT_SETTINGS.usageExpectations);
  });

  it('reports weights that do not add up to 100 at the weights group, with the live sum', () => {
    const d = draft();
    d.weights.usage = '50';
    expect(weightSum(d)).toBe(110);
    expect(fromDraft(d, DEFAULT_SETTINGS)).toEqual({ ok: false, errors: { weights: 'weights must add up to 100' } });
  });

  it.each([
    ['weights.usage', (d: ReturnType<typeof draft>) => (d.weights.usage = 'lots'), 'enter a number'],
    ['weights.adoption', (d: ReturnType<typeof draft>) => (d.weights.adoption = '-5'), 'weight must not be negative'],
    ['bands', (d: ReturnType<typeof draft>) => (d.bands.atRisk = '85'), 'the at-risk edge must be below the healthy edge'],
    ['staleAfterDays', (d: ReturnType<typeof draft>) => (d.staleAfterDays = '0'), 'must be at least 1'],
    ['tiers.Premium.firstResponseHours', (d: ReturnType<typeof draft>) => (d.firstResponseHours.Premium = ''), 'enter a number'],
    ['targets.csat', (d: ReturnType<typeof draft>) => (d.targets.csat = '7'), 'must be at most 5'],
    ['targets.nps', (d: ReturnType<typeof draft>) => (d.targets.nps = '-150'), 'must be at least -100'],
    ['personalDomains', (d: ReturnType<typeof draft>) => (d.personalDomains = 'gmail.com\nnot a domain'), '"not a domain" is not a domain like gmail.com'],
  ])('puts the error for %s next to that field', (path, edit, message) => {
    const d = draft();
    edit(d);
    const result = fromDraft(d, DEFAULT_SETTINGS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[path]).toBe(message);
  });
});

describe('saving', () => {
  const db = new SightlineDatabase(`settings-${Math.random()}`);
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('stores validated settings that load back the same', async () => {
    const d = draft();
    d.currentUser = 'Jane';
    d.weights = { usage: '25', engagement: '25', adoption: '25', relationship: '25' };
    const result = fromDraft(d, DEFAULT_SETTINGS);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await saveSettings(db, result.settings);
    expect(await loadSettings(db)).toEqual(result.settings);
    await expect(saveSettings(db, { ...result.settings, weights: { usage: 90, engagement: 25, adoption: 25, relationship: 25 } })).rejects.toThrow('weights must add up to 100');
    expect((await loadSettings(db)).weights.usage).toBe(25);
  });
});
