/**
 * The records computeMetrics reads, indexed once so that each of many periods (the report's trend parts: up to a
 * dozen months or weeks) reads only the rows that can count for it instead of every row of the portfolio. For any
 * periods, computeMetrics over the slice gives exactly what it gives over all the records:
 * - opportunities: retention undoes every change since the period's start, so those closed on or after it;
 * - NPS responses and tickets: those dated inside the experience period (the metrics' own filters);
 * - milestones: those of the accounts that started in the onboarding period (the only ones time to value reads);
 * - accounts: all of them (retention needs the whole portfolio at the period's start).
 */
import type { MetricPeriods, MetricRecords } from './compute-metrics';
import { instantRange } from './compute-metrics';

/** Index of the first element for which `before` is false (elements are sorted so that `before` holds for a prefix). */
function firstNotBefore<T>(sorted: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(sorted[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sliceRecordsByPeriod(records: MetricRecords): (periods: MetricPeriods) => MetricRecords {
  // Rows whose date is not a string or number can never fall inside a period: they are left out of the indexes.
  const opportunities = records.opportunities.filter((o) => typeof o.closeDate === 'string').sort((a, b) => byString(a.closeDate, b.closeDate));
  const nps = records.nps.filter((r) => typeof r.date === 'string').sort((a, b) => byString(a.date, b.date));
  const tickets = records.tickets.filter((t) => Number.isFinite(t.createdAt)).sort((a, b) => a.createdAt - b.createdAt);
  const milestonesOf = new Map<string, MetricRecords['milestones'][number][]>();
  for (const m of records.milestones) {
    const list = milestonesOf.get(m.accountId);
    if (list) list.push(m);
    else milestonesOf.set(m.accountId, [m]);
  }

  return ({ retention, experience, onboarding }) => {
    const range = instantRange(experience);
    return {
      accounts: records.accounts,
      opportunities: opportunities.slice(firstNotBefore(opportunities, (o) => o.closeDate < retention.start)),
      nps: nps.slice(
        firstNotBefore(nps, (r) => r.date < experience.start),
        firstNotBefore(nps, (r) => r.date <= experience.end),
      ),
      tickets: tickets.slice(
        firstNotBefore(tickets, (t) => t.createdAt < range.fromMs),
        firstNotBefore(tickets, (t) => t.createdAt < range.toMs),
      ),
      milestones: records.accounts
        .filter((a) => a.startDate >= onboarding.start && a.startDate <= onboarding.end)
        .flatMap((a) => milestonesOf.get(a.id) ?? []),
    };
  };
}
