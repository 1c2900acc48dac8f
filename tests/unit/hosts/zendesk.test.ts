import { describe, expect, it } from 'vitest';
import { readFirstReplyMinutes, readZendeskResponse } from '@/lib/hosts/zendesk/api';
import { parseZendeskRoute, zendeskApiPath } from '@/lib/hosts/zendesk/route';

describe('parseZendeskRoute', () => {
  it('recognises ticket, user and organization pages', () => {
    expect(parseZendeskRoute('https://acme.zendesk.com/agent/tickets/123')).toEqual({ kind: 'ticket', id: '123' });
    expect(parseZendeskRoute('https://acme.zendesk.com/agent/tickets/123/events')).toEqual({ kind: 'ticket', id: '123' });
    expect(parseZendeskRoute('https://acme.zendesk.com/agent/users/77/requested_tickets')).toEqual({ kind: 'user', id: '77' });
    expect(parseZendeskRoute('https://acme.zendesk.com/agent/organizations/9')).toEqual({ kind: 'organization', id: '9' });
  });

  it('ignores other pages, other hosts and malformed URLs', () => {
    expect(parseZendeskRoute('https://acme.zendesk.com/agent/dashboard')).toBeNull();
    expect(parseZendeskRoute('https://acme.zendesk.com/agent/tickets/new/1')).toBeNull();
    expect(parseZendeskRoute('https://acme.zendesk.com/agent/tickets/12a')).toBeNull();
    expect(parseZendeskRoute('https://zendesk.com.evil.io/agent/tickets/1')).toBeNull();
    expect(parseZendeskRoute('http://acme.zendesk.com/agent/tickets/1')).toBeNull();
    expect(parseZendeskRoute('not a url')).toBeNull();
  });

  it('names the API path with side-loads for tickets', () => {
    expect(zendeskApiPath({ kind: 'ticket', id: '5' })).toBe('/api/v2/tickets/5.json?include=users,organizations');
  });
});

const ticketBody = {
  ticket: {
    id: 35436,
    subject: 'Help, my printer is on fire!',
    status: 'open',
    priority: 'high',
    requester_id: 20978392,
    organization_id: 509974,
    created_at: '2026-11-21T23:30:00Z',
    satisfaction_rating: { score: 'bad' },
  },
  users: [
    { id: 1, name: 'Agent', email: 'agent@ourco.com', organization_id: null },
    { id: 20978392, name: 'Jo Customer', email: 'Jo@Acme.com', organization_id: 509974 },
  ],
  organizations: [{ id: 509974, name: 'Acme Corp', domain_names: ['acme.com'], external_id: null }],
};

describe('readZendeskResponse', () => {
  it('reads the requester, organization and ticket facts from a ticket with side-loads', () => {
    const data = readZendeskResponse({ kind: 'ticket', id: '35436' }, ticketBody);
    expect(data.keys).toEqual({ zendeskOrgId: '509974', email: 'jo@acme.com', name: 'Acme Corp' });
    expect(data.ticket).toEqual({
      zendeskId: 35436,
      subject: 'Help, my printer is on fire!',
      createdAt: Date.parse('2026-11-21T23:30:00Z'),
      status: 'open',
      priority: 'high',
      satisfaction: 'bad',
      requesterEmail: 'jo@acme.com',
      organizationId: '509974',
    });
  });

  it('uses the organization domain when the requester has no usable email', () => {
    const body = { ...ticketBody, users: [{ id: 20978392, name: 'Phone caller', email: null }] };
    expect(readZendeskResponse({ kind: 'ticket', id: '35436' }, body).keys).toEqual({
      zendeskOrgId: '509974',
      name: 'Acme Corp',
      domain: 'acme.com',
    });
  });

  it('reads users and organizations', () => {
    expect(readZendeskResponse({ kind: 'user', id: '7' }, { user: { id: 7, email: 'a@b.io', organization_id: 3 } }).keys).toEqual({
      zendeskOrgId: '3',
      email: 'a@b.io',
    });
    expect(readZendeskResponse({ kind: 'organization', id: '3' }, { organization: { id: 3, name: 'B', domain_names: ['b.io'] } }).keys).toEqual({
      zendeskOrgId: '3',
      name: 'B',
      domain: 'b.io',
    });
  });

  it('rejects answers that are not shaped like Zendesk’s', () => {
    expect(() => readZendeskResponse({ kind: 'ticket', id: '1' }, '<html>')).toThrow();
    expect(() => readZendeskResponse({ kind: 'ticket', id: '1' }, { ticket: { id: 'x' } })).toThrow();
    expect(() => readZendeskResponse({ kind: 'user', id: '1' }, { error: "Couldn't authenticate you" })).toThrow();
  });

  it('reads first reply minutes, null before the first reply', () => {
    expect(readFirstReplyMinutes({ ticket_metric: { reply_time_in_minutes: { calendar: 2391, business: 737 } } })).toBe(2391);
    expect(readFirstReplyMinutes({ ticket_metric: { reply_time_in_minutes: { calendar: null, business: null } } })).toBeNull();
  });
});
