import { z } from 'zod';
import { Segment } from './common';

/** The popup's filter, remembered in browser.storage.local: whose accounts (by settings.currentUser) and which segment. */
export const PortfolioFilter = z.object({
  owner: z.enum(['team', 'mine']),
  segment: z.union([z.literal('all'), Segment]),
});
export type PortfolioFilter = z.infer<typeof PortfolioFilter>;
