import { sendMessage } from '@/lib/messaging/client';

export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  async main() {
    const ticket = /^\/agent\/tickets\/(\d+)/.exec(location.pathname)?.[1];
    if (!ticket) return;
    const response = await fetch(`/api/v2/tickets/${ticket}.json?include=users,organizations`);
    const body = (await response.json()) as { users?: { id: number; email?: string }[]; ticket?: { requester_id?: number; organization_id?: number | null } };
    const requester = body.users?.find((u) => u.id === body.ticket?.requester_id);
    const answer = await sendMessage('lookupAccount', {
      email: requester?.email,
      zendeskOrgId: body.ticket?.organization_id ? String(body.ticket.organization_id) : undefined,
    });
    const badge = document.createElement('sightline-badge');
    badge.setAttribute('data-band', answer.status === 'matched' ? answer.account.band : 'unknown');
    document.body.append(badge);
  },
});
