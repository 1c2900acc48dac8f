/**
 * The popup's views for every filter (team or mine × each segment), stored as one small record so the popup paints
 * and switches filters without reading the digest (whose per-account columns are megabytes at 100k accounts and
 * take seconds to read). The stored views are used only when everything they were built from is unchanged: the
 * digest (by its build time), the day, and the overrides and settings a view reads. Otherwise the popup builds
 * them from the digest, and so does the background after each rescoring and after overrides change.
 */
import type { IsoDate } from '../schemas/common';
import { Segment } from '../schemas/common';
import type { PortfolioFilter } from '../schemas/portfolio';
import type { Override } from '../schemas/records';
import { METRICS, type MetricKey } from './definitions';
import { buildPopupView, type MetricRow, type PopupInput, type PopupView } from './popup-view';

const STORED_VIEWS_VERSION = 2;

/** Every filter the popup offers. */
export const ALL_FILTERS: readonly PortfolioFilter[] = (['team', 'mine'] as const).flatMap((owner) =>
  (['all', ...Segment.options] as const).map((segment) => ({ owner, segment })),
);

const filterKey = (filter: PortfolioFilter) => `${filter.owner}|${filter.segment}`;

/** A metric row without its definition (which holds functions a database record cannot). */
type StoredMetricRow = Omit<MetricRow, 'definition'> & { key: MetricKey };
type StoredView = Omit<PopupView, 'metrics'> & { metrics: StoredMetricRow[] };

export interface StoredPopupViews {
  version: typeof STORED_VIEWS_VERSION;
  /** builtAt of the digest the views were built from. */
  digestBuiltAt: number;
  today: IsoDate;
  /** popupInputsKey of the overrides and settings the views were built with. */
  inputsKey: string;
  /** By filterKey. */
  views: Record<string, StoredView>;
}

/** What, besides the digest and the day, a view depends on, as one comparable string. */
export function popupInputsKey(overrides: readonly Override[], settings: PopupInput['settings']): string {
  const overrideKeys = overrides
    .map((o) => [o.accountId, o.score, o.expiresOn, o.locked, o.computedBandAtSet ?? null, o.setAt] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify([settings.bands, settings.targets, settings.currentUser, overrideKeys]);
}

/** The views of one digest for every filter, ready to store. */
export function buildStoredPopupViews({ digest, overrides, settings, today }: Omit<PopupInput, 'filter'>): StoredPopupViews {
  const views: Record<string, StoredView> = {};
  for (const filter of ALL_FILTERS) {
    const view = buildPopupView({ digest, overrides, settings, filter, today });
    views[filterKey(filter)] = { ...view, metrics: view.metrics.map(({ definition, ...row }) => ({ ...row, key: definition.key })) };
  }
  return { version: STORED_VIEWS_VERSION, digestBuiltAt: digest.builtAt, today, inputsKey: popupInputsKey(overrides, settings), views };
}

/** The stored view of `filter` when the views were built from exactly these inputs, else undefined. */
export function storedViewFor(
  stored: unknown,
  current: { digestBuiltAt: number | undefined; today: IsoDate; filter: PortfolioFilter; inputsKey: string },
): PopupView | undefined {
  if (!isStoredPopupViews(stored)) return undefined;
  if (stored.digestBuiltAt !== current.digestBuiltAt || stored.today !== current.today || stored.inputsKey !== current.inputsKey) return undefined;
  const view = stored.views[filterKey(current.filter)];
  if (!view) return undefined;
  const metrics: MetricRow[] = [];
  for (const { key, ...row } of view.metrics) {
    const definition = METRICS.find((metric) => metric.key === key);
    if (!definition) return undefined; // written by a version with other metrics
    metrics.push({ ...row, definition });
  }
  return { ...view, metrics };
}

export function isStoredPopupViews(value: unknown): value is StoredPopupViews {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<StoredPopupViews>;
  return stored.version === STORED_VIEWS_VERSION && typeof stored.views === 'object' && stored.views !== null;
}
