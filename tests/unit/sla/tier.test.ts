import { describe, expect, it } from 'vitest';
import { tierForPlan } from '@/lib/sla/tier';
import type { Plan } from '@/lib/schemas/common';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

describe('tierForPlan', () => {
  it('maps the default plans to the DESIGN tiers', () => {
    expect(tierForPlan('Free', DEFAULT_SETTINGS)?.name).toBe('Standard');
    expect(tierForPlan('Starter', DEFAULT_SETTINGS)).toMatchObject({ name: 'Standard', firstResponseHours: 24 });
    expect(tierForPlan('Professional', DEFAULT_SETTINGS)).toMatchObject({ name: 'Priority', firstResponseHours: 4 });
    expect(tierForPlan('Enterprise', DEFAULT_SETTINGS)).toMatchObject({ name: 'Premium', firstResponseHours: 1, channels: ['email', 'chat', 'phone', 'Slack'] });
  });

  it('follows edited settings', () => {
    const settings = {
      tierByPlan: { ...DEFAULT_SETTINGS.tierByPlan, Starter: 'Priority' as const },
      tiers: { ...DEFAULT_SETTINGS.tiers, Priority: { name: 'Priority' as const, firstResponseHours: 2, channels: ['chat'] } },
    };
    expect(tierForPlan('Starter', settings)).toEqual({ name: 'Priority', firstResponseHours: 2, channels: ['chat'] });
  });

  it('has no tier without a known plan', () => {
    expect(tierForPlan(undefined, DEFAULT_SETTINGS)).toBeNull();
    expect(tierForPlan(null, DEFAULT_SETTINGS)).toBeNull();
    expect(tierForPlan('Platinum' as Plan, DEFAULT_SETTINGS)).toBeNull();
  });
});
