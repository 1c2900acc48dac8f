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
    expect(result.settings.indicators).toEqual(DEFAULT_SETTINGS.indicators);
    expect(result.settings.segmentWeights).toEqual({});
  });

  it('converts segment weights, plan expectations and limits, tier channels and the scoring window', () => {
    const d = draft();
    d.segmentWeights.Enterprise = { own: true, weights: { usage: '30', engagement: '20', adoption: '20', relationship: '30' } };
    d.segmentWeights.SMB = { own: false, weights: { usage: 'ignored', engagement: '', adoption: '', relationship: '' } };
    d.usageExpectations.Starter = { loginsPerSeat: '6', assessments: '3', reports: '2,5' };
    d.planLimits.Professional = { seats: '75', assessments: '60', featuresAvailable: '22' };
    d.channels.Priority = 'email,  chat , phone, chat';
    d.windowDays = '60';
    const result = fromDraft(d, DEFAULT_SETTINGS);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.settings.segmentWeights).toEqual({ Enterprise: { usage: 30, engagement: 20, adoption: 20, relationship: 30 } });
    expect(result.settings.usageExpectations).toEqual({ ...DEFAULT_SETTINGS.usageExpectations, Starter: { loginsPerSeat: 6, assessments: 3, reports: 2.5 } });
    expect(result.settings.planLimits).toEqual({ ...DEFAULT_SETTINGS.planLimits, Professional: { seats: 75, assessments: 60, featuresAvailable: 22 } });
    expect(result.settings.tiers.Priority).toEqual({ name: 'Priority', firstResponseHours: 4, channels: ['email', 'chat', 'phone'] });
    expect(result.settings.windowDays).toBe(60);
    // And back: a stored per-segment override shows as "own weights".
    expect(toDraft(result.settings).segmentWeights.Enterprise).toEqual({ own: true, weights: { usage: '30', engagement: '20', adoption: '20', relationship: '30' } });
    expect(toDraft(result.settings).segmentWeights.SMB.own).toBe(false);
  });

  it('reports weights that do not add up to 100 at the weights group, with the live sum', () => {
    const d = draft();
    d.weights.usage = '50';
    expect(weightSum(d.weights)).toBe(110);
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
    ['segmentWeights.SMB', (d: ReturnType<typeof draft>) => (d.segmentWeights.SMB = { own: true, weights: { usage: '50', engagement: '25', adoption: '20', relationship: '15' } }), 'weights must add up to 100'],
    ['segmentWeights.Mid-Market.relationship', (d: ReturnType<typeof draft>) => (d.segmentWeights['Mid-Market'] = { own: true, weights: { usage: '40', engagement: '25', adoption: '20', relationship: 'x' } }), 'enter a number'],
    ['usageExpectations.Free.loginsPerSeat', (d: ReturnType<typeof draft>) => (d.usageExpectations.Free.loginsPerSeat = '0'), 'must be more than 0'],
    ['usageExpectations.Enterprise.reports', (d: ReturnType<typeof draft>) => (d.usageExpectations.Enterprise.reports = ''), 'enter a number'],
    ['planLimits.Starter.seats', (d: ReturnType<typeof draft>) => (d.planLimits.Starter.seats = '2.5'), 'enter a whole number'],
    ['planLimits.Free.featuresAvailable', (d: ReturnType<typeof draft>) => (d.planLimits.Free.featuresAvailable = '-1'), 'must be more than 0'],
    ['tiers.Premium.channels', (d: ReturnType<typeof draft>) => (d.channels.Premium = ' , '), 'list at least one channel, e.g. email'],
    ['windowDays', (d: ReturnType<typeof draft>) => (d.windowDays = '400'), 'must be at most 365'],
    ['renewalTypeNames', (d: ReturnType<typeof draft>) => (d.renewalTypeNames = '\n  \n'), 'list at least one opportunity type, e.g. Renewal'],
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
