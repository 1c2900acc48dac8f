/**
 * The popup's last view, stored so the next opening paints from one small record instead of the whole digest
 * (whose per-account columns are megabytes at 100k accounts and take longer to read than the popup has).
 * A stored view is used only when everything it was built from is unchanged: the digest (by its build time), the
 * day, the filter, and the overrides and settings the view reads. Anything else rebuilds it from the digest.
 */
import type { IsoDate } from '../schemas/common';
import type { PortfolioFilter } from '../schemas/portfolio';
import type { Override } from '../schemas/records';
import { METRICS, type MetricKey } from './definitions';
import type { MetricRow, PopupInput, PopupView } from './popup-view';

const STORED_VIEW_VERSION = 1;

/** A metric row without its definition (which holds functions a database record cannot). */
type StoredMetricRow = Omit<MetricRow, 'definition'> & { key: MetricKey };

export interface StoredPopupView {
  version: typeof STORED_VIEW_VERSION;
  /** builtAt of the digest the view was built from. */
  digestBuiltAt: number;
  today: IsoDate;
  filter: PortfolioFilter;
  /** popupInputsKey of the overrides and settings the view was built with. */
  inputsKey: string;
  view: Omit<PopupView, 'metrics'> & { metrics: StoredMetricRow[] };
}

/** What, besides the digest, the day and the filter, a view depends on, as one comparable string. */
export function popupInputsKey(overrides: readonly Override[], settings: PopupInput['settings']): string {
  const overrideKeys = overrides
    .map((o) => [o.accountId, o.score, o.expiresOn, o.locked, o.computedBandAtSet ?? null, o.setAt] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify([settings.bands, settings.targets, settings.currentUser, overrideKeys]);
}

export function toStoredPopupView(
  view: PopupView,
  from: { digestBuiltAt: number; today: IsoDate; filter: PortfolioFilter; inputsKey: string },
): StoredPopupView {
  const metrics = view.metrics.map(({ definition, ...row }) => ({ ...row, key: definition.key }));
  return { version: STORED_VIEW_VERSION, ...from, view: { ...view, metrics } };
}

/** The stored view when it was built from exactly these inputs, else undefined. */
export function storedViewFor(
  stored: unknown,
  current: { digestBuiltAt: number | undefined; today: IsoDate; filter: PortfolioFilter; inputsKey: string },
): PopupView | undefined {
  if (!isStoredPopupView(stored)) return undefined;
  const same =
    stored.digestBuiltAt === current.digestBuiltAt &&
    stored.today === current.today &&
    stored.filter.owner === current.filter.owner &&
    stored.filter.segment === current.filter.segment &&
    stored.inputsKey === current.inputsKey;
  if (!same) return undefined;
  const metrics: MetricRow[] = [];
  for (const { key, ...row } of stored.view.metrics) {
    const definition = METRICS.find((metric) => metric.key === key);
    if (!definition) return undefined; // written by a version with other metrics
    metrics.push({ ...row, definition });
  }
  return { ...stored.view, metrics };
}

function isStoredPopupView(value: unknown): value is StoredPopupView {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<StoredPopupView>;
  return stored.version === STORED_VIEW_VERSION && typeof stored.view === 'object' && Array.isArray(stored.view?.metrics);
}
