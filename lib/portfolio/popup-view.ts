/**
 * The popup's view model, from the stored digest plus what may have changed since it was built: overrides, band
 * edges, targets, the user's name and the chosen filter. Renewals are counted from today, so a digest built
 * yesterday still buckets them right. Whatever cannot be computed carries the reason instead of a number.
 */
import { renewalForecast, renewalsDue } from '../metrics/renewals';
import type { Band, IsoDate } from '../schemas/common';
import type { PortfolioFilter } from '../schemas/portfolio';
import type { Override } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { addDaysIso } from '../scoring/dates';
import { bandFor } from '../scoring/health';
import { resolveOverride } from '../scoring/override';
import type { MetricValue } from './compute-metrics';
import { meetsTarget, METRICS, type MetricDefinition } from './definitions';
import { ALL, ownerKey, selectionKey, type PortfolioDigest } from './digest';

export const BANDS: readonly Band[] = ['healthy', 'at-risk', 'critical', 'unknown'];
export const RENEWAL_HORIZONS = [30, 60, 90] as const;
export const AT_RISK_LIMIT = 5;

export interface BandTotals {
  count: number;
  arr: number;
}

export interface MetricRow {
  definition: MetricDefinition;
  target: number;
  result: MetricValue;
  /** null when there is no value to compare. */
  met: boolean | null;
}

export type Forecast = { ok: true; expectedArr: number; expectedPercent: number | null } | { ok: false; reason: string };

export interface RenewalRow {
  days: number;
  count: number;
  arr: number;
  forecast: Forecast;
}

export interface AtRiskRow {
  id: string;
  name: string;
  arr: number;
  score: number;
  computedScore: number | null;
  overridden: boolean;
  band: Band;
  delta7: number | null;
  delta30: number | null;
  renewalDate: IsoDate | null;
  sfId: string | null;
}

export interface PopupView {
  /** Every account in the digest, any filter or status. */
  totalAccounts: number;
  demoAccounts: number;
  /** Why the selection is empty when the filter itself is the problem ("my accounts" without a name). */
  selectionProblem: string | null;
  ownerName: string | null;
  /** Active accounts in the selection (churned ones are counted apart). */
  accounts: number;
  churned: number;
  arr: number;
  /** Active accounts in the selection with an ARR of 0. */
  noArr: number;
  bands: Record<Band, BandTotals>;
  metrics: MetricRow[];
  renewals: RenewalRow[];
  /** Active accounts whose renewal date has passed. */
  overdue: BandTotals;
  atRisk: AtRiskRow[];
}

export interface PopupInput {
  digest: PortfolioDigest;
  overrides: readonly Override[];
  settings: Pick<Settings, 'bands' | 'targets' | 'currentUser'>;
  filter: PortfolioFilter;
  today: IsoDate;
}

/** Score and band shown for an account: the computed score, or an override that applies today. */
function shownHealth(computed: number | null, override: Override | undefined, settings: PopupInput['settings'], today: IsoDate) {
  const computedBand = bandFor(computed, settings.bands);
  const resolved = resolveOverride(override, computedBand, today);
  const score = resolved.state === 'applied' ? resolved.override.score : computed;
  return { score, band: bandFor(score, settings.bands), overridden: resolved.state === 'applied' };
}

export function buildPopupView({ digest, overrides, settings, filter, today }: PopupInput): PopupView {
  const { accounts: columns } = digest;
  const me = ownerKey(settings.currentUser);
  const selectionProblem =
    filter.owner === 'mine' && !me ? 'Your name is not set: enter it in Settings (“Your name”) to see your accounts.' : null;
  const wantedOwner = filter.owner === 'mine' ? me : null;
  const wantedSegment = filter.segment === 'all' ? null : filter.segment;
  const overrideOf = new Map(overrides.map((o) => [o.accountId, o]));

  const bands = Object.fromEntries(BANDS.map((b) => [b, { count: 0, arr: 0 }])) as Record<Band, BandTotals>;
  const view: PopupView = {
    totalAccounts: columns.ids.length,
    demoAccounts: 0,
    selectionProblem,
    ownerName: filter.owner === 'mine' ? settings.currentUser.trim() || null : null,
    accounts: 0,
    churned: 0,
    arr: 0,
    noArr: 0,
    bands,
    metrics: [],
    renewals: [],
    overdue: { count: 0, arr: 0 },
    atRisk: [],
  };
  const renewalAccounts: { id: string; arr: number; status: 'active'; renewalDate: IsoDate }[] = [];
  const lastHorizonDay = addDaysIso(today, Math.max(...RENEWAL_HORIZONS));
  const bandOf = new Map<string, Band>();
  const risky: AtRiskRow[] = [];

  for (let i = 0; i < columns.ids.length; i++) {
    const id = columns.ids[i]!;
    if (id.startsWith('demo-')) view.demoAccounts++;
    if (selectionProblem) continue;
    if (wantedOwner !== null && ownerKey(columns.owners[i]) !== wantedOwner) continue;
    if (wantedSegment !== null && columns.segments[i] !== wantedSegment) continue;
    if (columns.churned[i]) {
      view.churned++;
      continue;
    }
    const arr = columns.arr[i]!;
    const computed = columns.scores[i]! >= 0 ? columns.scores[i]! : null;
    const health = shownHealth(computed, overrideOf.get(id), settings, today);
    view.accounts++;
    view.arr += arr;
    if (arr === 0) view.noArr++;
    bands[health.band].count++;
    bands[health.band].arr += arr;
    bandOf.set(id, health.band);
    const renewal = columns.renewals[i] || undefined;
    // Only renewals the buckets can hold (or passed ones): the metrics then loop over a quarter of the portfolio.
    if (renewal && renewal <= lastHorizonDay) renewalAccounts.push({ id, arr, status: 'active', renewalDate: renewal });
    if ((health.band === 'at-risk' || health.band === 'critical') && health.score !== null) {
      risky.push({
        id,
        name: columns.names[i]!,
        arr,
        score: health.score,
        computedScore: computed,
        overridden: health.overridden,
        band: health.band,
        delta7: columns.delta7[i] ?? null,
        delta30: columns.delta30[i] ?? null,
        renewalDate: renewal ?? null,
        sfId: columns.sfIds[i] || null,
      });
    }
  }

  risky.sort((a, b) => b.arr - a.arr || a.score - b.score || a.name.localeCompare(b.name));
  view.atRisk = risky.slice(0, AT_RISK_LIMIT);

  const selection = selectionKey(wantedOwner ?? ALL, wantedSegment ?? ALL);
  const values = selectionProblem ? undefined : digest.metrics[selection];
  const none: MetricValue = { ok: false, reason: selectionProblem ?? 'cannot compute: no accounts in this selection' };
  view.metrics = METRICS.map((definition) => {
    const result = values?.[definition.key] ?? none;
    return {
      definition,
      target: definition.target(settings.targets),
      result,
      met: result.ok ? meetsTarget(definition, result.value, settings.targets) : null,
    };
  });

  const due = renewalsDue(renewalAccounts, today, RENEWAL_HORIZONS);
  if (due.ok) {
    view.overdue = { count: due.value.overdue.count, arr: due.value.overdue.arr };
    view.renewals = due.value.buckets.map((bucket) => {
      const forecast = renewalForecast(renewalAccounts, (id) => bandOf.get(id) ?? 'unknown', today, bucket.days);
      return {
        days: bucket.days,
        count: bucket.count,
        arr: bucket.arr,
        forecast: forecast.ok
          ? { ok: true, expectedArr: forecast.value.expectedArr, expectedPercent: forecast.value.arrDue > 0 ? forecast.value.expectedPercent : null }
          : forecast,
      };
    });
  }
  return view;
}
