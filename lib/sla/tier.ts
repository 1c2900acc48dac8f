/**
 * Support tier of an account: its plan mapped through settings.tierByPlan to settings.tiers (both editable in
 * options). No plan, or a plan the settings do not know, means no tier: the panel says so rather than guessing.
 */
import type { Plan } from '../schemas/common';
import type { Settings, Tier } from '../schemas/settings';

export function tierForPlan(plan: Plan | undefined | null, settings: Pick<Settings, 'tierByPlan' | 'tiers'>): Tier | null {
  if (plan === undefined || plan === null || !Object.hasOwn(settings.tierByPlan, plan)) return null;
  const name = settings.tierByPlan[plan];
  return Object.hasOwn(settings.tiers, name) ? settings.tiers[name] : null;
}
