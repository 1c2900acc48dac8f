/**
 * Team settings: health weights (also per segment) and band edges, stale-input age and scoring window, usage
 * expectations and limits per plan, support tiers (first-response hours, channels) and the tier of each plan,
 * metric targets, personal email domains, renewal opportunity types and the current user's name. Saved
 * through saveSettings (validated by the Settings schema). The background's rescoring watches the settings table
 * (Dexie's storagemutated, lib/db/rescore.ts SCORING_INPUT_TABLES), so saving is all it takes to rescore.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { FieldGroup } from '@/components/settings/FieldGroup';
import { NumberGrid } from '@/components/settings/NumberGrid';
import { SegmentWeights } from '@/components/settings/SegmentWeights';
import {
  FACTORS,
  type FieldErrors,
  fromDraft,
  LIMIT_KEYS,
  PLANS,
  type SettingsDraft,
  TARGET_KEYS,
  TIERS,
  toDraft,
  USAGE_KEYS,
  weightSum,
} from '@/components/settings/settings-form';
import { TextField } from '@/components/settings/TextField';
import { getDatabase } from '@/lib/db/database';
import { loadSettings, saveSettings } from '@/lib/db/settings';
import type { TierName } from '@/lib/schemas/settings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/schemas/settings';

const FACTOR_LABELS = { usage: 'Product usage', engagement: 'Engagement', adoption: 'Adoption', relationship: 'Relationship' } as const;
const USAGE_COLUMNS = [
  { key: 'loginsPerSeat', label: 'Logins per seat' },
  { key: 'assessments', label: 'Assessments' },
  { key: 'reports', label: 'Reports' },
] as const satisfies readonly { key: (typeof USAGE_KEYS)[number]; label: string }[];
const LIMIT_COLUMNS = [
  { key: 'seats', label: 'Seats' },
  { key: 'assessments', label: 'Assessments' },
  { key: 'featuresAvailable', label: 'Features available' },
] as const satisfies readonly { key: (typeof LIMIT_KEYS)[number]; label: string }[];
const TARGET_LABELS: Record<(typeof TARGET_KEYS)[number], { label: string; suffix: string }> = {
  nrrPercent: { label: 'NRR above', suffix: '%' },
  grrPercent: { label: 'GRR above', suffix: '%' },
  nps: { label: 'NPS above', suffix: '' },
  firstResponseMinutes: { label: 'First response below', suffix: 'min' },
  csat: { label: 'CSAT above', suffix: 'of 5' },
  timeToValueDays: { label: 'Time to value below', suffix: 'days' },
};

export function SettingsSection() {
  const db = getDatabase();
  const [saved, setSaved] = useState<Settings>();
  const [draft, setDraft] = useState<SettingsDraft>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string>();

  // Live, so a restore or another tab's save shows here; unsaved edits are kept rather than overwritten.
  const stored = useLiveQuery(() => loadSettings(db), [db]);
  useEffect(() => {
    if (!stored) return;
    setSaved(stored);
    setDraft((current) => (current && saved && JSON.stringify(current) !== JSON.stringify(toDraft(saved)) ? current : toDraft(stored)));
    // Only a new stored value should reset the form.
  }, [stored]);

  if (!draft || !saved) return null;

  function edit(change: (next: SettingsDraft) => void) {
    if (!draft || !saved) return;
    const next = structuredClone(draft);
    change(next);
    setDraft(next);
    setStatus(undefined);
    // Errors update as the user types, so a fix clears its message at once.
    const result = fromDraft(next, saved);
    setErrors(result.ok ? {} : result.errors);
  }

  async function save() {
    if (!draft || !saved) return;
    const result = fromDraft(draft, saved);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus('Not saved: fix the fields marked in red.');
      return;
    }
    const stored = await saveSettings(db, result.settings);
    setSaved(stored);
    setDraft(toDraft(stored));
    setErrors({});
    setStatus('Saved. Scores are recalculated in the background.');
  }

  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(saved));
  const sum = weightSum(draft.weights);

  return (
    <section className="my-6 space-y-3" aria-labelledby="settings-heading" data-testid="settings-section">
      <h2 id="settings-heading" className="text-lg font-semibold">
        Settings
      </h2>

      <FieldGroup title="You">
        <TextField id="currentUser" label="Your name (for “my accounts”, checklists, overrides)" width="w-64" inputMode="text" value={draft.currentUser} error={errors.currentUser} onChange={(v) => edit((d) => (d.currentUser = v))} />
        <TextField id="salesforceInstanceUrl" label="Salesforce address (the popup opens accounts there), e.g. https://acme.lightning.force.com" width="w-96" inputMode="text" value={draft.salesforceInstanceUrl} error={errors.salesforceInstanceUrl} onChange={(v) => edit((d) => (d.salesforceInstanceUrl = v))} />
      </FieldGroup>

      <FieldGroup
        title="Health score weights"
        note={<>Each factor's share of the score; factors without data share out their weight. Sum: <strong data-testid="weights-sum">{sum}</strong> of 100.</>}
        error={errors.weights}
        testId="weights"
      >
        {FACTORS.map((factor) => (
          <TextField key={factor} id={`weights-${factor}`} label={FACTOR_LABELS[factor]} value={draft.weights[factor]} error={errors[`weights.${factor}`]} onChange={(v) => edit((d) => (d.weights[factor] = v))} />
        ))}
      </FieldGroup>

      <FieldGroup title="Weights per segment" note="A segment can weigh the factors differently (an Enterprise relationship counts for more, say); each segment's own weights must add up to 100 too." testId="segment-weights">
        <SegmentWeights
          draft={draft.segmentWeights}
          factorLabels={FACTOR_LABELS}
          errors={errors}
          onToggle={(segment, own) =>
            edit((d) => {
              // Starting from the team's current weights is the likeliest edit.
              d.segmentWeights[segment] = { own, weights: own ? { ...d.weights } : d.segmentWeights[segment].weights };
            })
          }
          onChange={(segment, factor, v) => edit((d) => (d.segmentWeights[segment].weights[factor] = v))}
        />
      </FieldGroup>

      <FieldGroup title="Bands and stale inputs" note="Healthy from the first edge up, at risk from the second, critical below it." error={errors.bands} testId="bands">
        <TextField id="bands-healthy" label="Healthy from" value={draft.bands.healthy} error={errors['bands.healthy']} onChange={(v) => edit((d) => (d.bands.healthy = v))} />
        <TextField id="bands-atRisk" label="At risk from" value={draft.bands.atRisk} error={errors['bands.atRisk']} onChange={(v) => edit((d) => (d.bands.atRisk = v))} />
        <TextField id="staleAfterDays" label="Input is stale after" suffix="days" value={draft.staleAfterDays} error={errors.staleAfterDays} onChange={(v) => edit((d) => (d.staleAfterDays = v))} />
        <TextField id="windowDays" label="Usage is counted over the last" suffix="days" value={draft.windowDays} error={errors.windowDays} onChange={(v) => edit((d) => (d.windowDays = v))} />
      </FieldGroup>

      <FieldGroup title="Plans" note="What full marks for product usage means on each plan (per scoring window; logins are per seat), and each plan's limits (usage at 80 % of a limit starts the Expansion playbook; seats and features feed adoption).">
        <NumberGrid id="usageExpectations" caption="Expected usage" rowHeader="Plan" rows={PLANS} columns={USAGE_COLUMNS} values={draft.usageExpectations} errors={errors} onChange={(plan, key, v) => edit((d) => (d.usageExpectations[plan][key] = v))} />
        <NumberGrid id="planLimits" caption="Plan limits" rowHeader="Plan" rows={PLANS} columns={LIMIT_COLUMNS} values={draft.planLimits} errors={errors} onChange={(plan, key, v) => edit((d) => (d.planLimits[plan][key] = v))} />
      </FieldGroup>

      <FieldGroup title="Support tiers" note="First-response SLA and channels of each tier (channels separated by commas), and the tier each plan gets.">
        <div className="flex w-full flex-col gap-2">
          {TIERS.map((tier) => (
            <div key={tier} className="flex gap-2">
              <TextField id={`tiers-${tier}`} label={`${tier}: first response`} suffix="h" value={draft.firstResponseHours[tier]} error={errors[`tiers.${tier}.firstResponseHours`]} onChange={(v) => edit((d) => (d.firstResponseHours[tier] = v))} />
              <TextField id={`channels-${tier}`} label={`${tier}: channels`} width="w-64" inputMode="text" value={draft.channels[tier]} error={errors[`tiers.${tier}.channels`]} onChange={(v) => edit((d) => (d.channels[tier] = v))} />
            </div>
          ))}
        </div>
        {PLANS.map((plan) => (
          <div key={plan} className="flex flex-col gap-0.5">
            <label htmlFor={`plan-${plan}`} className="text-xs text-slate-600">
              {plan} plan
            </label>
            <select
              id={`plan-${plan}`}
              className="rounded border border-slate-300 bg-white px-1 py-0.5"
              value={draft.tierByPlan[plan]}
              onChange={(event) => edit((d) => (d.tierByPlan[plan] = event.target.value as TierName))}
            >
              {TIERS.map((tier) => (
                <option key={tier}>{tier}</option>
              ))}
            </select>
          </div>
        ))}
      </FieldGroup>

      <FieldGroup title="Metric targets">
        {TARGET_KEYS.map((key) => (
          <TextField key={key} id={`targets-${key}`} label={TARGET_LABELS[key].label} suffix={TARGET_LABELS[key].suffix} value={draft.targets[key]} error={errors[`targets.${key}`]} onChange={(v) => edit((d) => (d.targets[key] = v))} />
        ))}
      </FieldGroup>

      <FieldGroup title="Matching and opportunities">
        <div className="flex flex-col gap-0.5">
          <label htmlFor="personalDomains" className="text-xs text-slate-600">
            Personal email domains (never identify a customer), one per line
          </label>
          <textarea id="personalDomains" rows={6} className={`w-64 rounded border px-1.5 py-0.5 font-mono text-xs ${errors.personalDomains ? 'border-red-500' : 'border-slate-300'}`} value={draft.personalDomains} onChange={(event) => edit((d) => (d.personalDomains = event.target.value))} data-testid="setting-personalDomains" />
          {errors.personalDomains && <span className="text-xs text-red-700" role="alert">{errors.personalDomains}</span>}
        </div>
        <div className="flex flex-col gap-0.5">
          <label htmlFor="renewalTypeNames" className="text-xs text-slate-600">
            Opportunity types that mean a renewal, one per line
          </label>
          <textarea id="renewalTypeNames" rows={6} className={`w-64 rounded border px-1.5 py-0.5 font-mono text-xs ${errors.renewalTypeNames ? 'border-red-500' : 'border-slate-300'}`} value={draft.renewalTypeNames} onChange={(event) => edit((d) => (d.renewalTypeNames = event.target.value))} data-testid="setting-renewalTypeNames" />
          {errors.renewalTypeNames && <span className="text-xs text-red-700" role="alert">{errors.renewalTypeNames}</span>}
        </div>
      </FieldGroup>

      <div className="flex items-center gap-2">
        <button type="button" className="rounded bg-slate-800 px-4 py-1.5 font-medium text-white disabled:opacity-40" disabled={!dirty} onClick={() => void save()} data-testid="settings-save">
          Save settings
        </button>
        <button type="button" className="rounded border border-slate-300 px-3 py-1 disabled:opacity-40" disabled={!dirty} onClick={() => { setDraft(toDraft(saved)); setErrors({}); setStatus(undefined); }}>
          Discard changes
        </button>
        <button type="button" className="rounded border border-slate-300 px-3 py-1" onClick={() => edit((d) => Object.assign(d, toDraft({ ...DEFAULT_SETTINGS, currentUser: d.currentUser })))}>
          Reset to defaults
        </button>
        {status && <span role="status" data-testid="settings-status">{status}</span>}
      </div>
    </section>
  );
}
