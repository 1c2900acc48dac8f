import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '@/lib/demo/generate';
import { pickShowcaseAccounts } from '@/lib/demo/showcase';

const TODAY = '2025-06-15';

describe('pickShowcaseAccounts', () => {
  const portfolio = generateDemoPortfolio({ seed: 42, today: TODAY });
  const showcase = pickShowcaseAccounts(portfolio);
  const picks = [showcase.healthy, showcase.atRisk, showcase.critical];

  it('picks one account per latent band, far from the band edges', () => {
    expect(picks.map((p) => p.latentBand)).toEqual(['healthy', 'at-risk', 'critical']);
    expect(showcase.healthy.latentHealth).toBeGreaterThanOrEqual(88);
    expect(showcase.atRisk.latentHealth).toBeGreaterThanOrEqual(58);
    expect(showcase.atRisk.latentHealth).toBeLessThanOrEqual(68);
    expect(showcase.critical.latentHealth).toBeLessThanOrEqual(26);
    expect(new Set(picks.map((p) => p.account.id)).size).toBe(3);
  });

  it('picks active, established accounts with a ticket from someone on the company domain', () => {
    for (const { account, ticket } of picks) {
      expect(account.status).toBe('active');
      expect(account.segment).not.toBe('SMB');
      expect(portfolio.accounts).toContain(account);
      expect(portfolio.tickets).toContain(ticket);
      expect(ticket.accountId).toBe(account.id);
      expect(ticket.organizationId).toBe(account.zendeskOrgId);
      expect(account.domains).toContain(ticket.requesterEmail?.split('@')[1]);
      expect(portfolio.nps.some((n) => n.accountId === account.id)).toBe(true);
    }
  });

  it('shows the same examples in a larger portfolio with the same seed', () => {
    const larger = pickShowcaseAccounts(generateDemoPortfolio({ seed: 42, today: TODAY, accounts: 1500 }));
    expect([larger.healthy, larger.atRisk, larger.critical].map((p) => p.account.id)).toEqual(picks.map((p) => p.account.id));
  });

  it('says so when the portfolio is too small to have an example of every band', () => {
    expect(() => pickShowcaseAccounts(generateDemoPortfolio({ seed: 42, today: TODAY, accounts: 3 }))).toThrow(
      /generate more accounts/,
    );
  });
});
