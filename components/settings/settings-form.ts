/**
 * The settings form's data: what the inputs hold (text, so a person can type "4" → "45" freely) and the
 * conversion to a Settings record, validated by the one Settings schema. Errors come back keyed by field path
 * (`weights`, `weights.usage`, `tiers.Priority.firstResponseHours`, …) so each shows next to its input.
 * Settings the form does not edit (the engagement and relationship indicator curves) pass through unchanged.
 */
import { normalizeDomain } from '@/lib/import/domains';
import { Plan, Segment } from '@/lib/schemas/common';
import { FactorKey, type HealthWeights, type MetricTargets, type PlanLimits, Settings, TierName, type UsageExpectation } from '@/lib/schemas/settings';

export const FACTORS = FactorKey.options;
export const TIERS = TierName.options;
export const PLANS = Plan.options;
export const SEGMENTS = Segment.options;
export const USAGE_KEYS = ['loginsPerSeat', 'assessments', 'reports'] as const satisfies readonly (keyof UsageExpectation)[];
export const LIMIT_KEYS = ['seats', 'assessments', 'featuresAvailable'] as const satisfies readonly (keyof PlanLimits)[];
export const TARGET_KEYS = ['nrrPercent', 'grrPercent', 'nps', 'firstResponseMinutes', 'csat', 'timeToValueDays'] as const satisfies readonly (keyof MetricTargets)[];

export interface SettingsDraft {
  currentUser: string;
  weights: Record<FactorKey, string>;
  /** A segment without its own weights uses `weights`. */
  segmentWeights: Record<Segment, { own: boolean; weights: Record<FactorKey, string> }>;
  bands: { healthy: string; atRisk: string };
  staleAfterDays: string;
  windowDays: string;
  usageExpectations: Record<Plan, Record<(typeof USAGE_KEYS)[number], string>>;
  planLimits: Record<Plan, Record<(typeof LIMIT_KEYS)[number], string>>;
  firstResponseHours: Record<TierName, string>;
  /** Comma-separated. */
  channels: Record<TierName, string>;
  tierByPlan: Record<Plan, TierName>;
  targets: Record<(typeof TARGET_KEYS)[number], string>;
  /** One per line. */
  personalDomains: string;
  renewalTypeNames: string;
  salesforceInstanceUrl: string;
}

export type FieldErrors = Record<string, string>;

export type FormResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

const text = (value: number) => String(value);
const mapValues = <K extends string, V, W>(record: Record<K, V>, f: (value: V, key: K) => W): Record<K, W> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value as V, key as K)])) as Record<K, W>;

const pick = <K extends string>(keys: readonly K[], record: Readonly<Record<K, number>>): Record<K, string> =>
  Object.fromEntries(keys.map((key) => [key, text(record[key])])) as Record<K, string>;

export function toDraft(settings: Settings): SettingsDraft {
  return {
    currentUser: settings.currentUser,
    weights: mapValues(settings.weights, text),
    segmentWeights: Object.fromEntries(
      SEGMENTS.map((segment) => {
        const own = settings.segmentWeights[segment];
        return [segment, { own: own !== undefined, weights: mapValues(own ?? settings.weights, text) }];
      }),
    ) as SettingsDraft['segmentWeights'],
    bands: { healthy: text(settings.bands.healthy), atRisk: text(settings.bands.atRisk) },
    staleAfterDays: text(settings.staleAfterDays),
    windowDays: text(settings.windowDays),
    usageExpectations: mapValues(settings.usageExpectations, (expectation) => pick(USAGE_KEYS, expectation)),
    planLimits: mapValues(settings.planLimits, (limits) => pick(LIMIT_KEYS, limits)),
    firstResponseHours: mapValues(settings.tiers, (tier) => text(tier.firstResponseHours)),
    channels: mapValues(settings.tiers, (tier) => tier.channels.join(', ')),
    tierByPlan: { ...settings.tierByPlan },
    targets: Object.fromEntries(TARGET_KEYS.map((key) => [key, text(settings.targets[key])])) as SettingsDraft['targets'],
    personalDomains: settings.personalDomains.join('\n'),
    renewalTypeNames: settings.renewalTypeNames.join('\n'),
    salesforceInstanceUrl: settings.salesforceInstanceUrl,
  };
}

/** Empty or non-numeric text becomes NaN, which the schema reports as "expected number" at that field. */
function number(value: string): number {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function commaList(value: string): string[] {
  return [...new Set(value.split(',').map((item) => item.trim()).filter(Boolean))];
}

function lines(value: string): string[] {
  return [...new Set(value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

function friendly(message: string): string {
  if (/expected number, received NaN/i.test(message)) return 'enter a number';
  if (/expected int, received number/i.test(message)) return 'enter a whole number';
  return message
    .replace(/^Too small: expected number to be >0$/, 'must be more than 0')
    .replace(/^Too small: expected number to be >=?/, 'must be at least ')
    .replace(/^Too big: expected number to be <=?/, 'must be at most ');
}

export function fromDraft(draft: SettingsDraft, base: Settings): FormResult {
  const errors: FieldErrors = {};
  const domains = lines(draft.personalDomains).map((line) => line.toLowerCase());
  const badDomain = domains.find((domain) => normalizeDomain(domain) !== domain);
  if (badDomain) errors.personalDomains = `"${badDomain}" is not a domain like gmail.com`;
  for (const tier of TIERS) {
    if (commaList(draft.channels[tier]).length === 0) errors[`tiers.${tier}.channels`] = 'list at least one channel, e.g. email';
  }
  if (lines(draft.renewalTypeNames).length === 0) errors.renewalTypeNames = 'list at least one opportunity type, e.g. Renewal';

  const segmentWeights: Partial<Record<Segment, HealthWeights>> = {};
  for (const segment of SEGMENTS) {
    const entry = draft.segmentWeights[segment];
    if (entry.own) segmentWeights[segment] = mapValues(entry.weights, number);
  }
  const candidate: Settings = {
    ...base,
    currentUser: draft.currentUser.trim(),
    weights: mapValues(draft.weights, number),
    segmentWeights,
    bands: { healthy: number(draft.bands.healthy), atRisk: number(draft.bands.atRisk) },
    staleAfterDays: number(draft.staleAfterDays),
    windowDays: number(draft.windowDays),
    usageExpectations: mapValues(draft.usageExpectations, (row) => mapValues(row, number)),
    planLimits: mapValues(draft.planLimits, (row) => mapValues(row, number)),
    tiers: mapValues(base.tiers, (tier, name) => ({
      ...tier,
      firstResponseHours: number(draft.firstResponseHours[name]),
      channels: commaList(draft.channels[name]),
    })),
    tierByPlan: { ...draft.tierByPlan },
    targets: { ...base.targets, ...mapValues(draft.targets, number) },
    personalDomains: domains,
    renewalTypeNames: lines(draft.renewalTypeNames),
    salesforceInstanceUrl: draft.salesforceInstanceUrl.trim().replace(/\/+$/, ''),
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

/** The sum of the weights as typed so far (unreadable boxes count 0), shown live beside them. */
export function weightSum(weights: Readonly<Record<FactorKey, string>>): number {
  return FACTORS.reduce((sum, factor) => sum + (Number.isFinite(number(weights[factor])) ? number(weights[factor]) : 0), 0);
}
