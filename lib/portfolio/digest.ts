/**
 * The portfolio digest: everything the popup shows, precomputed after rescoring and stored as ONE record in `meta`,
 * so the popup opens by reading that record instead of every account, ticket and opportunity.
 *
 * - Accounts as columns (id, name, ARR, owner, segment, renewal, status, Salesforce id, computed score, trend):
 *   the popup filters, bands, ranks and sums these itself, with the overrides and band edges of the moment.
 * - The six headline metrics for every owner × segment selection, computed here from the full records, since they
 *   need tickets, NPS responses, opportunities and milestones the popup must not read on open.
 *
 * Scores are the computed ones from the latest snapshot; overrides are applied where they are shown.
 */
import type { IsoDate, Segment } from '../schemas/common';
import type { Account, HealthSnapshot, Milestone, NpsResponse, Opportunity, Ticket } from '../schemas/records';
import type { MetricTargets } from '../schemas/settings';
import { computeMetrics, popupPeriods, type MetricPeriods, type MetricRecords, type MetricValues } from './compute-metrics';

export const DIGEST_VERSION = 1;

/** Key of the "everyone" side of a selection. */
export const ALL = '*';

export interface DigestAccounts {
  ids: string[];
  names: string[];
  arr: number[];
  /** As written in the data; '' when none. */
  owners: string[];
  segments: (Segment | '')[];
  /** '' when none. */
  renewals: string[];
  churned: boolean[];
  sfIds: string[];
  /** Computed score of the latest snapshot, -1 for none. */
  scores: number[];
  /** Computed score minus the one about 7 / 30 days before; null when either is missing. */
  delta7: (number | null)[];
  delta30: (number | null)[];
}

export interface PortfolioDigest {
  version: typeof DIGEST_VERSION;
  /** The day the metrics' periods end on. */
  today: IsoDate;
  builtAt: number;
  /** Date of the snapshot the scores come from; null when nothing was scored yet. */
  snapshotDate: IsoDate | null;
  periods: MetricPeriods;
  accounts: DigestAccounts;
  /** By selectionKey(owner, segment). A selection with no accounts is absent. */
  metrics: Record<string, MetricValues>;
}

/** Owners are compared trimmed and case-insensitively, as imports spell names differently (as countOpenRuns does). */
export function ownerKey(owner: string | undefined): string {
  return (owner ?? '').trim().toLowerCase();
}

export function selectionKey(owner: string, segment: string): string {
  return `${owner}|${segment}`;
}

export interface DigestInput {
  accounts: readonly Account[];
  opportunities: readonly Opportunity[];
  nps: readonly Pick<NpsResponse, 'accountId' | 'score' | 'date'>[];
  tickets: readonly Pick<Ticket, 'accountId' | 'createdAt' | 'firstReplyMinutes' | 'satisfaction'>[];
  milestones: readonly Pick<Milestone, 'accountId' | 'key' | 'date'>[];
  /** The latest snapshot, and the ones the 7- and 30-day trends compare with (lib/scoring/trend windows). */
  snapshot?: HealthSnapshot;
  snapshot7?: HealthSnapshot;
  snapshot30?: HealthSnapshot;
  targets: MetricTargets;
  today: IsoDate;
  builtAt: number;
}

function scoresById(snapshot: HealthSnapshot | undefined): Map<string, number> {
  const map = new Map<string, number>();
  if (!snapshot) return map;
  snapshot.accountIds.forEach((id, i) => {
    const score = snapshot.scores[i];
    if (score !== undefined && score >= 0) map.set(id, score);
  });
  return map;
}

interface Bucket {
  accounts: Account[];
  opportunities: Opportunity[];
  nps: DigestInput['nps'][number][];
  tickets: DigestInput['tickets'][number][];
  milestones: DigestInput['milestones'][number][];
}

/**
 * Builds the digest in steps of at most some tens of milliseconds for a 10k-account portfolio (the records spread
 * over the selections, then each selection's metrics): the service worker pauses between them so that badge
 * lookups arriving meanwhile are answered. Run it to the end (`next()` until done) for the digest.
 */
export function* digestSteps(input: DigestInput): Generator<void, PortfolioDigest, void> {
  const current = scoresById(input.snapshot);
  const past7 = scoresById(input.snapshot7);
  const past30 = scoresById(input.snapshot30);
  const columns: DigestAccounts = {
    ids: [], names: [], arr: [], owners: [], segments: [], renewals: [], churned: [], sfIds: [], scores: [], delta7: [], delta30: [],
  };
  // Each account's records go to the (up to) four selections it belongs to.
  const buckets = new Map<string, Bucket>();
  const selectionsOf = new Map<string, Bucket[]>();
  const bucket = (key: string) => {
    let found = buckets.get(key);
    if (!found) buckets.set(key, (found = { accounts: [], opportunities: [], nps: [], tickets: [], milestones: [] }));
    return found;
  };
  for (const account of input.accounts) {
    const score = current.get(account.id);
    const delta = (past: Map<string, number>) => {
      const before = past.get(account.id);
      return score === undefined || before === undefined ? null : score - before;
    };
    columns.ids.push(account.id);
    columns.names.push(account.name);
    columns.arr.push(account.arr);
    columns.owners.push(account.owner?.trim() ?? '');
    columns.segments.push(account.segment ?? '');
    columns.renewals.push(account.renewalDate ?? '');
    columns.churned.push(account.status === 'churned');
    columns.sfIds.push(account.sfId ?? '');
    columns.scores.push(score ?? -1);
    columns.delta7.push(delta(past7));
    columns.delta30.push(delta(past30));

    const owner = ownerKey(account.owner);
    const keys = [selectionKey(ALL, ALL)];
    if (account.segment) keys.push(selectionKey(ALL, account.segment));
    if (owner) keys.push(selectionKey(owner, ALL));
    if (owner && account.segment) keys.push(selectionKey(owner, account.segment));
    const selections = keys.map(bucket);
    for (const selection of selections) selection.accounts.push(account);
    selectionsOf.set(account.id, selections);
  }
  yield;
  const spread = <T extends { accountId?: string }>(rows: readonly T[], pick: (b: Bucket) => T[]) => {
    for (const row of rows) {
      const selections = row.accountId === undefined ? undefined : selectionsOf.get(row.accountId);
      if (selections) for (const selection of selections) pick(selection).push(row);
    }
  };
  spread(input.opportunities, (b) => b.opportunities);
  spread(input.nps, (b) => b.nps);
  yield;
  spread(input.tickets, (b) => b.tickets);
  spread(input.milestones, (b) => b.milestones);

  const periods = popupPeriods(input.today);
  const metrics: Record<string, MetricValues> = {};
  for (const [key, records] of buckets) {
    yield;
    metrics[key] = computeMetrics(records satisfies MetricRecords, periods, input.targets);
  }
  return {
    version: DIGEST_VERSION,
    today: input.today,
    builtAt: input.builtAt,
    snapshotDate: input.snapshot?.date ?? null,
    periods,
    accounts: columns,
    metrics,
  };
}

/** Whether a stored value is a digest this code can read (a cheap shape check: the record is large). */
export function isPortfolioDigest(value: unknown): value is PortfolioDigest {
  if (typeof value !== 'object' || value === null) return false;
  const digest = value as Partial<PortfolioDigest>;
  return digest.version === DIGEST_VERSION && typeof digest.accounts === 'object' && Array.isArray(digest.accounts?.ids);
}
