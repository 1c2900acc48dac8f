/** The demo portfolio scored by the real health engine: the mix the brief asks for, and showcase picks in band. */
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio, type DemoPortfolio } from '@/lib/demo/generate';
import { pickShowcaseAccounts } from '@/lib/demo/showcase';
import { assessAccount } from '@/lib/scoring/account-health';
import type { AccountHealth } from '@/lib/scoring/account-health';
import type { Band } from '@/lib/schemas/common';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

function groupByAccount<T extends { accountId?: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const list = groups.get(record.accountId ?? '');
    if (list) list.push(record);
    else groups.set(record.accountId ?? '', [record]);
  }
  return groups;
}

/** Computed health per active account. */
function scoreAccounts(portfolio: DemoPortfolio): Map<string, AccountHealth> {
  const usage = groupByAccount(portfolio.usage);
  const tickets = groupByAccount(portfolio.tickets);
  const nps = groupByAccount(portfolio.nps);
  const meetings = groupByAccount(portfolio.meetings);
  const scored = new Map<string, AccountHealth>();
  for (const account of portfolio.accounts) {
    if (account.status !== 'active') continue;
    const inputs = {
      account,
      usage: usage.get(account.id) ?? [],
      tickets: tickets.get(account.id) ?? [],
      nps: nps.get(account.id) ?? [],
      meetings: meetings.get(account.id) ?? [],
    };
    scored.set(account.id, assessAccount(inputs, DEFAULT_SETTINGS, portfolio.today));
  }
  return scored;
}

const DAY_MS = 86_400_000;

// The demo's seed on two days, and another seed: the mix is the generator's, not one seed's luck.
describe.each([
  [42, '2025-06-15'],
  [42, '2026-01-07'],
  [7, '2025-06-15'],
])('the demo portfolio of seed %i scored on %s', (seed, today) => {
  const portfolio = generateDemoPortfolio({ seed, today });
  const scored = scoreAccounts(portfolio);
  const bands = new Map([...scored].map(([id, health]) => [id, health.band]));
  const share = (band: Band) => [...bands.values()].filter((b) => b === band).length / bands.size;
  const staleShare = (band?: Band) => {
    const group = [...scored.values()].filter((h) => band === undefined || h.band === band);
    return group.filter((h) => h.stale).length / group.length;
  };

  it('is 55–65 % healthy, 20–30 % at risk and 10–15 % critical', () => {
    expect(share('healthy')).toBeGreaterThanOrEqual(0.55);
    expect(share('healthy')).toBeLessThanOrEqual(0.65);
    expect(share('at-risk')).toBeGreaterThanOrEqual(0.2);
    expect(share('at-risk')).toBeLessThanOrEqual(0.3);
    expect(share('critical')).toBeGreaterThanOrEqual(0.1);
    expect(share('critical')).toBeLessThanOrEqual(0.15);
    expect(share('unknown')).toBeLessThan(0.02); // accounts that started today have no data yet
  });

  it('scores the showcase accounts in their latent band', () => {
    const showcase = pickShowcaseAccounts(portfolio);
    expect(bands.get(showcase.healthy.account.id)).toBe('healthy');
    expect(bands.get(showcase.atRisk.account.id)).toBe('at-risk');
    expect(bands.get(showcase.critical.account.id)).toBe('critical');
  });

  it('flags a realistic share as stale at the default 30 days: some, mostly accounts in trouble', () => {
    expect(DEFAULT_SETTINGS.staleAfterDays).toBe(30);
    expect(staleShare()).toBeGreaterThanOrEqual(0.1);
    expect(staleShare()).toBeLessThanOrEqual(0.3);
    expect(staleShare('healthy')).toBeLessThanOrEqual(0.2);
    expect(staleShare('critical')).toBeGreaterThanOrEqual(0.3);
    expect(staleShare('critical')).toBeGreaterThan(2 * staleShare('healthy'));
  });

  it('has recent usage for active accounts, except the few that stopped using the product a month ago', () => {
    const yesterday = new Date(Date.parse(today) - DAY_MS).toISOString().slice(0, 10);
    const newest = [...scored.values()].map((h) => h.factors.usage.newestDate).filter((d) => d !== null);
    const current = newest.filter((d) => d === yesterday).length;
    expect(current / scored.size).toBeGreaterThanOrEqual(0.95);
    for (const date of newest.filter((d) => d !== yesterday)) expect((Date.parse(today) - Date.parse(date)) / DAY_MS).toBeGreaterThan(30);
  });
});
