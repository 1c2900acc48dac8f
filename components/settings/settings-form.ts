/**
 * The settings form's data: what the inputs hold (text, so a person can type "4" → "45" freely) and the
 * conversion to a Settings record, validated by the one Settings schema. Errors come back keyed by field path
 * (`weights`, `weights.usage`, `tiers.Priority.firstResponseHours`, …) so each shows next to its input.
 * Settings the form does not edit (per-segment weights, usage expectations, plan limits, tier channels, the
 * scoring window) pass through unchanged.
 */
import { normalizeDomain } from '@/lib/import/domains';
import { Plan } from '@/lib/schemas/common';
import { FactorKey, type MetricTargets, Settings, TierName } from '@/lib/schemas/settings';

export const FACTORS = FactorKey.options;
export const TIERS = TierName.options;
export const PLANS = Plan.options;
export const TARGET_KEYS = ['nrrPercent', 'grrPercent', 'nps', 'firstResponseMinutes', 'csat', 'timeToValueDays'] as const satisfies readonly (keyof MetricTargets)[];

export interface SettingsDraft {
  currentUser: string;
  weights: Record<FactorKey, string>;
  bands: { healthy: string; atRisk: string };
  staleAfterDays: string;
  firstResponseHours: Record<TierName, string>;
  tierByPlan: Record<Plan, TierName>;
  targets: Record<(typeof TARGET_KEYS)[number], string>;
  /** One per line. */
  personalDomains: string;
  renewalTypeNames: string;
}

export type FieldErrors = Record<string, string>;

export type FormResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

const text = (value: number) => String(value);
const mapValues = <K extends string, V, W>(record: Record<K, V>, f: (value: V, key: K) => W): Record<K, W> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value as V, key as K)])) as Record<K, W>;

export function toDraft(settings: Settings): SettingsDraft {
  return {
    currentUser: settings.currentUser,
    weights: mapValues(settings.weights, text),
    bands: { healthy: text(settings.bands.healthy), atRisk: text(settings.bands.atRisk) },
    staleAfterDays: text(settings.staleAfterDays),
    firstResponseHours: mapValues(settings.tiers, (tier) => text(tier.firstResponseHours)),
    tierByPlan: { ...settings.tierByPlan },
    targets: Object.fromEntries(TARGET_KEYS.map((key) => [key, text(settings.targets[key])])) as SettingsDraft['targets'],
    personalDomains: settings.personalDomains.join('\n'),
    renewalTypeNames: settings.renewalTypeNames.join('\n'),
  };
}

/** Empty or non-numeric text becomes NaN, which the schema reports as "expected number" at that field. */
function number(value: string): number {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function lines(value: string): string[] {
  return [...new Set(value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

function friendly(message: string): string {
  if (/expected number, received NaN/i.test(message)) return 'enter a number';
  return message.replace(/^Too small: expected number to be >=?/, 'must be at least ').replace(/^Too big: expected number to be <=?/, 'must be at most ');
}

export function fromDraft(draft: SettingsDraft, base: Settings): FormResult {
  const errors: FieldErrors = {};
  const domains = lines(draft.personalDomains).map((line) => line.toLowerCase());
  const badDomain = domains.find((domain) => normalizeDomain(domain) !== domain);
  if (badDomain) errors.personalDomains = `"${badDomain}" is not a domain like gmail.com`;

  const candidate: Settings = {
    ...base,
    currentUser: draft.currentUser.trim(),
    weights: mapValues(draft.weights, number),
    bands: { healthy: number(draft.bands.healthy), atRisk: number(draft.bands.atRisk) },
    staleAfterDays: number(draft.staleAfterDays),
    tiers: mapValues(base.tiers, (tier, name) => ({ ...tier, firstResponseHours: number(draft.firstResponseHours[name]) })),
    tierByPlan: { ...draft.tierByPlan },
    targets: { ...base.targets, ...mapValues(draft.targets, number) },
    personalDomains: domains,
    renewalTypeNames: lines(draft.renewalTypeNames),
  };
  const parsed = Settings.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= friendly(issue.message);
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, settings: parsed.data };
}

export function weightSum(draft: SettingsDraft): number {
  return FACTORS.reduce((sum, factor) => sum + (Number.isFinite(number(draft.weights[factor])) ? number(draft.weights[factor]) : 0), 0);
}
