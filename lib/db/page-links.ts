import { pageLinkKeys } from '../matching/match-account';
import type { PageKeys } from '../schemas/messages';
import type { SightlineDatabase } from './database';

/**
 * Remembers the user's choice of account for every key of a page, so the page matches from now on. Returns how
 * many keys were linked.
 */
export async function linkPageKeys(db: SightlineDatabase, keys: PageKeys, accountId: string, now = Date.now()): Promise<number> {
  const links = pageLinkKeys(keys).map((key) => ({ key, accountId, at: now }));
  await db.pageLinks.bulkPut(links);
  return links.length;
}

/** Accounts whose name contains the query (case-insensitive), best first: prefix matches, then by ARR. */
export async function searchAccounts(db: SightlineDatabase, query: string, limit = 8) {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches = await db.accounts.filter((a) => a.name.toLowerCase().includes(needle)).limit(200).toArray();
  return matches
    .sort((a, b) => Number(b.name.toLowerCase().startsWith(needle)) - Number(a.name.toLowerCase().startsWith(needle)) || b.arr - a.arr)
    .slice(0, limit);
}
