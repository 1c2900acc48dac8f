import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import { toSalesforceId18 } from '@/lib/hosts/salesforce/record-id';
import { CHURN_REASONS, DEMO_OWNERS } from '@/lib/demo/catalog';
import { generateDemoPortfolio, type DemoPortfolio } from '@/lib/demo/generate';
import { DEMO_ID_PREFIX, DEMO_TICKET_ID_BASE } from '@/lib/demo/ids';
import {
  Account,
  Contact,
  Meeting,
  Milestone,
  NpsResponse,
  Opportunity,
  Ticket,
  UsageDay,
} from '@/lib/schemas/records';
import type { Segment } from '@/lib/schemas/common';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

const TODAY = '2025-06-15';
const DAY_MS = 86_400_000;
const portfolio = generateDemoPortfolio({ seed: 42, today: TODAY });

const daysBefore = (date: string, later: string = TODAY) => (Date.parse(later) - Date.parse(date)) / DAY_MS;
const share = (count: number, total: number) => count / total;
const ARR_RANGE: Record<Segment, [number, number]> = {
  SMB: [5_000, 30_000],
  'Mid-Market': [30_000, 150_000],
  Enterprise: [150_000, 1_500_000],
};

interface DemoRecord {
  demo?: boolean;
  accountId?: string;
}

/** Every list of records in a portfolio with the schema it must pass. */
function recordLists(p: DemoPortfolio): [string, readonly DemoRecord[], ZodType][] {
  return [
    ['accounts', p.accounts, Account],
    ['contacts', p.contacts, Contact],
    ['usage', p.usage, UsageDay],
    ['tickets', p.tickets, Ticket],
    ['nps', p.nps, NpsResponse],
    ['meetings', p.meetings, Meeting],
    ['milestones', p.milestones, Milestone],
    ['opportunities', p.opportunities, Opportunity],
  ];
}

function expectUnique(values: readonly unknown[], what: string) {
  const seen = new Set<unknown>();
  const duplicates = values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
  expect(duplicates, `duplicate ${what}`).toEqual([]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('generateDemoPortfolio: determinism', () => {
  it('gives a deep-equal portfolio for the same seed and day', () => {
    expect(generateDemoPortfolio({ seed: 42, today: TODAY })).toEqual(portfolio);
  });

  it('reads neither Math.random nor the clock', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    expect(generateDemoPortfolio({ seed: 42, today: TODAY, accounts: 50 }).accounts).toHaveLength(50);
  });

  it('gives a different portfolio for a different seed', () => {
    const other = generateDemoPortfolio({ seed: 43, today: TODAY, accounts: 50 });
    const names = new Set(portfolio.accounts.slice(0, 50).map((a) => a.name));
    expect(other.accounts.filter((a) => names.has(a.name)).length).toBeLessThan(10);
    expect(other.usage).not.toEqual(generateDemoPortfolio({ seed: 42, today: TODAY, accounts: 50 }).usage);
  });

  it('starts a larger portfolio with the accounts of a smaller one', () => {
    const small = generateDemoPortfolio({ seed: 42, today: TODAY, accounts: 100 });
    expect(portfolio.accounts.slice(0, 100)).toEqual(small.accounts);
    expect(portfolio.tickets.slice(0, small.tickets.length)).toEqual(small.tickets);
  });

  it('rejects a bad day or size', () => {
    expect(() => generateDemoPortfolio({ seed: 1, today: '2025-02-30' })).toThrow(/YYYY-MM-DD/);
    expect(() => generateDemoPortfolio({ seed: 1, today: TODAY, accounts: -1 })).toThrow(/accounts/);
    expect(() => generateDemoPortfolio({ seed: 1, today: TODAY, usageDays: 1.5 })).toThrow(/usageDays/);
  });
});

describe('generateDemoPortfolio: records', () => {
  it('has 500 accounts by default and records of every kind', () => {
    expect(portfolio.accounts).toHaveLength(500);
    expect(portfolio.latent).toHaveLength(500);
    for (const [name, records] of recordLists(portfolio)) expect(records.length, name).toBeGreaterThan(0);
  });

  it('makes every record pass its schema and marks it as demo data', () => {
    for (const [name, records, schema] of recordLists(portfolio)) {
      const failures = records.flatMap((record, i) => {
        const result = schema.safeParse(record);
        return result.success ? [] : [`${name}[${i}]: ${result.error.message}`];
      });
      expect(failures.slice(0, 3), name).toEqual([]);
      expect(records.every((record) => record.demo === true), `${name} demo flag`).toBe(true);
    }
  });

  it('uses unique ids and keys, in the demo namespace', () => {
    const { accounts, contacts, usage, tickets, nps, meetings, milestones, opportunities } = portfolio;
    expectUnique(accounts.map((a) => a.id), 'account id');
    expectUnique(accounts.map((a) => a.sfId), 'Salesforce id');
    expectUnique(accounts.map((a) => a.zendeskOrgId), 'Zendesk org id');
    expectUnique(accounts.map((a) => a.externalId), 'external id');
    expectUnique(accounts.map((a) => a.name.toLowerCase()), 'account name');
    expectUnique(accounts.flatMap((a) => a.domains), 'domain');
    expectUnique(contacts.map((c) => c.id), 'contact id');
    expectUnique(contacts.map((c) => c.email), 'contact email');
    expectUnique(contacts.map((c) => c.sfId), 'contact Salesforce id');
    expectUnique(usage.map((u) => `${u.accountId}|${u.date}`), 'usage key');
    expectUnique(tickets.map((t) => t.zendeskId), 'ticket id');
    expectUnique(nps.map((n) => n.id), 'NPS id');
    expectUnique(meetings.map((m) => m.id), 'meeting id');
    expectUnique(milestones.map((m) => `${m.accountId}|${m.key}`), 'milestone key');
    expectUnique(opportunities.map((o) => o.id), 'opportunity id');
    for (const id of [...accounts, ...contacts, ...nps, ...meetings, ...opportunities].map((r) => r.id)) {
      expect(id.startsWith(DEMO_ID_PREFIX)).toBe(true);
    }
    expect(tickets.every((t) => t.zendeskId > DEMO_TICKET_ID_BASE)).toBe(true);
  });

  it('gives valid 18-character Salesforce Account ids', () => {
    for (const { sfId } of portfolio.accounts) {
      expect(sfId).toMatch(/^001[a-zA-Z0-9]{15}$/);
      const id = sfId ?? '';
      expect(toSalesforceId18(id)).toBe(id);
      expect(toSalesforceId18(id.slice(0, 15))).toBe(id);
      expect(toSalesforceId18(id.toLowerCase())).toBe(id);
    }
    expect(portfolio.contacts.every((c) => c.sfId?.startsWith('003') && toSalesforceId18(c.sfId) === c.sfId)).toBe(true);
  });

  it('links every record to an existing account, tickets to its Zendesk org and contacts', () => {
    const accounts = new Map(portfolio.accounts.map((a) => [a.id, a]));
    const emailsByAccount = new Map<string, Set<string>>();
    for (const c of portfolio.contacts) {
      const emails = emailsByAccount.get(c.accountId ?? '') ?? new Set<string>();
      emails.add(c.email);
      emailsByAccount.set(c.accountId ?? '', emails);
    }
    for (const [name, records] of recordLists(portfolio).slice(1)) {
      expect(records.every((r) => accounts.has(r.accountId ?? '')), name).toBe(true);
    }
    for (const t of portfolio.tickets) {
      expect(t.organizationId).toBe(accounts.get(t.accountId ?? '')?.zendeskOrgId);
      expect(emailsByAccount.get(t.accountId ?? '')?.has(t.requesterEmail ?? '')).toBe(true);
    }
    for (const n of portfolio.nps) expect(emailsByAccount.get(n.accountId)?.has(n.contactEmail ?? '')).toBe(true);
  });

  it('gives contacts company addresses, an exec sponsor per account, and a few personal gmail addresses', () => {
    const domainOf = new Map(portfolio.accounts.map((a) => [a.id, a.domains[0]]));
    const personal = portfolio.contacts.filter((c) => c.email.endsWith('@gmail.com'));
    const company = portfolio.contacts.filter((c) => c.email.endsWith(`@${domainOf.get(c.accountId ?? '')}`));
    expect(personal.length + company.length).toBe(portfolio.contacts.length);
    expect(personal.length).toBeGreaterThan(0);
    expect(share(personal.length, portfolio.contacts.length)).toBeLessThan(0.1);
    const perAccount = new Map<string, number>();
    for (const c of portfolio.contacts) perAccount.set(c.accountId ?? '', (perAccount.get(c.accountId ?? '') ?? 0) + 1);
    expect(Math.min(...perAccount.values())).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perAccount.values())).toBeLessThanOrEqual(6);
    const sponsors = new Set(portfolio.contacts.filter((c) => c.role === 'exec-sponsor').map((c) => c.accountId));
    expect(sponsors.size).toBe(portfolio.accounts.length);
  });

  it('uses lower-case domains that are never personal mail domains', () => {
    const personal = new Set(DEFAULT_SETTINGS.personalDomains);
    for (const domain of portfolio.accounts.flatMap((a) => a.domains)) {
      expect(domain).toBe(domain.toLowerCase());
      expect(domain).toMatch(/^[a-z0-9-]+\.[a-z]+$/);
      expect(personal.has(domain)).toBe(false);
    }
  });
});

describe('generateDemoPortfolio: a realistic portfolio', () => {
  const accounts = portfolio.accounts;
  const active = accounts.filter((a) => a.status === 'active');

  it('mixes segments, with plans and ARR that fit them', () => {
    const bySegment = (segment: string) => accounts.filter((a) => a.segment === segment);
    expect(share(bySegment('SMB').length, accounts.length)).toBeGreaterThan(0.45);
    expect(share(bySegment('Mid-Market').length, accounts.length)).toBeGreaterThan(0.2);
    expect(share(bySegment('Enterprise').length, accounts.length)).toBeGreaterThan(0.05);
    expect(new Set(accounts.map((a) => a.plan))).toEqual(new Set(['Free', 'Starter', 'Professional', 'Enterprise']));
    for (const a of accounts) {
      if (a.plan === 'Free') {
        expect(a.segment).toBe('SMB');
        expect(a.arr).toBe(0);
        continue;
      }
      const [low, high] = ARR_RANGE[a.segment ?? 'SMB'];
      expect(a.arr).toBeGreaterThanOrEqual(low);
      expect(a.arr).toBeLessThanOrEqual(high);
      expect(a.seats).toBeLessThanOrEqual(DEFAULT_SETTINGS.planLimits[a.plan ?? 'Free'].seats);
    }
    expect(bySegment('Enterprise').some((a) => a.plan === 'Starter' || a.plan === 'Free')).toBe(false);
  });

  it('spreads owners over the CSM team', () => {
    expect(new Set(accounts.map((a) => a.owner))).toEqual(new Set(DEMO_OWNERS));
    expect(DEMO_OWNERS).toHaveLength(8);
  });

  it('has a few churned accounts with a date and a reason', () => {
    const churned = accounts.filter((a) => a.status === 'churned');
    expect(share(churned.length, accounts.length)).toBeCloseTo(0.05, 2);
    const reasons: readonly string[] = CHURN_REASONS.map(([reason]) => reason);
    for (const a of churned) {
      expect(reasons).toContain(a.churnReason);
      expect(daysBefore(a.churnDate ?? TODAY)).toBeGreaterThan(0);
      expect(daysBefore(a.churnDate ?? TODAY)).toBeLessThanOrEqual(366);
      expect(a.renewalDate).toBeUndefined();
    }
    expect(new Set(churned.map((a) => a.churnReason)).size).toBeGreaterThanOrEqual(3);
    expect(active.every((a) => a.churnDate === undefined && a.churnReason === undefined)).toBe(true);
  });

  it('puts renewals on the yearly anniversary, some within 30, 60 and 90 days', () => {
    const dueWithin = (days: number) => active.filter((a) => a.renewalDate && -daysBefore(a.renewalDate) <= days).length;
    expect(dueWithin(30)).toBeGreaterThan(0);
    expect(dueWithin(60)).toBeGreaterThan(dueWithin(30));
    expect(dueWithin(90)).toBeGreaterThan(dueWithin(60));
    for (const a of active.filter((x) => x.plan !== 'Free')) {
      const renewal = a.renewalDate ?? '';
      expect(renewal >= TODAY).toBe(true);
      expect(renewal.slice(5)).toBe(a.startDate.slice(5) === '02-29' ? '03-01' : a.startDate.slice(5));
      expect(-daysBefore(renewal)).toBeLessThanOrEqual(366);
    }
  });

  it('has accounts in every journey stage, and some stalled', () => {
    const stage = (a: Account) => {
      const days = daysBefore(a.startDate);
      return days < 7 ? 'onboard' : days < 30 ? 'activate' : days < 90 ? 'engage' : 'expand';
    };
    expect(new Set(active.map(stage))).toEqual(new Set(['onboard', 'activate', 'engage', 'expand']));
    expect(Math.max(...accounts.map((a) => daysBefore(a.startDate)))).toBeGreaterThan(2.5 * 365);

    const reached = new Set(portfolio.milestones.map((m) => `${m.accountId}|${m.key}`));
    const stalled = active.filter(
      (a) =>
        (daysBefore(a.startDate) > 29 && !reached.has(`${a.id}|shared-with-team`)) ||
        (daysBefore(a.startDate) > 89 && !reached.has(`${a.id}|multi-user-adoption`)),
    );
    expect(stalled.length).toBeGreaterThan(0);
    expect(new Set(portfolio.milestones.map((m) => m.key)).size).toBe(12);
  });

  it('gives active accounts latent bands of 62 % healthy, 25 % at risk and 13 % critical, even in small portfolios', () => {
    for (const p of [portfolio, generateDemoPortfolio({ seed: 5, today: TODAY, accounts: 100 })]) {
      const latentOf = new Map(p.latent.map((l) => [l.accountId, l]));
      const alive = p.accounts.filter((a) => a.status === 'active');
      const band = (name: string) => share(alive.filter((a) => latentOf.get(a.id)?.band === name).length, alive.length);
      expect(band('healthy')).toBeCloseTo(0.62, 1);
      expect(band('at-risk')).toBeCloseTo(0.25, 1);
      expect(band('critical')).toBeCloseTo(0.13, 1);
    }
  });

  it('lets health drive the records: usage, tickets, NPS and meetings differ by band', () => {
    const bandOf = new Map(portfolio.latent.map((l) => [l.accountId, l.band]));
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
    const perBand = <T extends { accountId?: string }>(records: T[], value: (r: T) => number) =>
      Object.fromEntries(
        ['healthy', 'at-risk', 'critical'].map((b) => [b, mean(records.filter((r) => bandOf.get(r.accountId ?? '') === b).map(value))]),
      );
    const featureShare = perBand(portfolio.usage, (u) => u.featuresUsed);
    const nps = perBand(portfolio.nps, (n) => n.score);
    const attended = perBand(portfolio.meetings, (m) => (m.attended ? 1 : 0));
    const bad = perBand(portfolio.tickets, (t) => (t.satisfaction === 'bad' ? 1 : 0));
    for (const higherIsBetter of [featureShare, nps, attended]) {
      expect(higherIsBetter.healthy).toBeGreaterThan(higherIsBetter['at-risk'] ?? 0);
      expect(higherIsBetter['at-risk']).toBeGreaterThan(higherIsBetter.critical ?? 0);
    }
    expect(bad.critical).toBeGreaterThan(bad['at-risk'] ?? 0);
    expect(bad['at-risk']).toBeGreaterThan(bad.healthy ?? 0);
  });

  it('keeps every event in the past, after the start and, for churned accounts, before the churn', () => {
    const accountOf = new Map(accounts.map((a) => [a.id, a]));
    const startOfTodayUtc = Date.parse(TODAY);
    const withinLife = (accountId: string, date: string) => {
      const a = accountOf.get(accountId);
      return a !== undefined && date >= a.startDate && date <= (a.churnDate ?? TODAY);
    };
    expect(portfolio.usage.every((u) => u.date < TODAY && withinLife(u.accountId, u.date))).toBe(true);
    expect(portfolio.nps.every((n) => n.date < TODAY && withinLife(n.accountId, n.date))).toBe(true);
    expect(portfolio.meetings.every((m) => m.date < TODAY && withinLife(m.accountId, m.date))).toBe(true);
    expect(portfolio.milestones.every((m) => withinLife(m.accountId, m.date))).toBe(true);
    for (const t of portfolio.tickets) {
      expect(t.createdAt).toBeLessThan(startOfTodayUtc);
      expect(t.createdAt).toBeGreaterThanOrEqual(startOfTodayUtc - 91 * DAY_MS);
      expect(withinLife(t.accountId ?? '', new Date(t.createdAt).toISOString().slice(0, 10))).toBe(true);
    }
  });

  it('keeps daily usage for the last 63 days (fewer with usageDays)', () => {
    const rowsPerAccount = (p: DemoPortfolio) => {
      const counts = new Map<string, number>();
      for (const u of p.usage) counts.set(u.accountId, (counts.get(u.accountId) ?? 0) + 1);
      return Math.max(...counts.values());
    };
    expect(rowsPerAccount(portfolio)).toBe(63);
    const dates = portfolio.usage.map((u) => u.date).sort();
    expect(daysBefore(dates[0] ?? TODAY)).toBe(63);
    expect(daysBefore(dates[dates.length - 1] ?? TODAY)).toBe(1);
    const short = generateDemoPortfolio({ seed: 42, today: TODAY, accounts: 100, usageDays: 7 });
    expect(rowsPerAccount(short)).toBe(7);
    expect(generateDemoPortfolio({ seed: 42, today: TODAY, accounts: 20, usageDays: 0 }).usage).toEqual([]);
  });

  it('gives tickets a consistent lifecycle', () => {
    const statuses = new Set(portfolio.tickets.map((t) => t.status));
    for (const status of ['new', 'open', 'pending', 'solved', 'closed']) expect(statuses).toContain(status);
    for (const t of portfolio.tickets) {
      const solved = t.status === 'solved' || t.status === 'closed';
      expect(t.firstReplyMinutes === null).toBe(t.status === 'new');
      expect(t.solvedAt === null).toBe(!solved);
      if (t.solvedAt !== null) expect(t.solvedAt).toBeGreaterThanOrEqual(t.createdAt);
      if (!solved) expect(t.satisfaction).toBe('unoffered');
    }
    expect(new Set(portfolio.tickets.map((t) => t.satisfaction))).toEqual(new Set(['good', 'bad', 'offered', 'unoffered']));
  });

  it('has opportunities that fit the account: closed by today, open ahead, churn for churned accounts', () => {
    const byAccount = new Map<string, Opportunity[]>();
    for (const o of portfolio.opportunities) byAccount.set(o.accountId, [...(byAccount.get(o.accountId) ?? []), o]);
    for (const o of portfolio.opportunities) {
      if (o.outcome === 'open') expect(o.closeDate >= TODAY).toBe(true);
      else expect(o.closeDate <= TODAY).toBe(true); // a customer starting today closed its first deal today
    }
    for (const a of accounts.filter((x) => x.status === 'churned')) {
      expect(byAccount.get(a.id)?.some((o) => o.type === 'churn' && o.outcome === 'won' && o.closeDate === a.churnDate)).toBe(true);
    }
    const types = new Set(portfolio.opportunities.map((o) => `${o.type}/${o.outcome}`));
    for (const kind of ['new/won', 'renewal/won', 'renewal/open', 'expansion/open', 'expansion/won', 'contraction/open', 'churn/open']) {
      expect(types).toContain(kind);
    }
    const latentOf = new Map(portfolio.latent.map((l) => [l.accountId, l.band]));
    const openRisk = portfolio.opportunities.filter((o) => o.outcome === 'open' && (o.type === 'churn' || o.type === 'contraction'));
    expect(openRisk.every((o) => latentOf.get(o.accountId) !== 'healthy')).toBe(true);
  });
});
