import { PortfolioFilter } from '../schemas/portfolio';

/** Where the popup remembers the filter (browser.storage.local). */
export const FILTER_STORAGE_KEY = 'sightline:portfolio-filter';

export const DEFAULT_FILTER: PortfolioFilter = { owner: 'team', segment: 'all' };

/** A stored filter, or the default when there is none or it no longer validates (an older shape, a manual edit). */
export function parseFilter(value: unknown): PortfolioFilter {
  const parsed = PortfolioFilter.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_FILTER;
}
