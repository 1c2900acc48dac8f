import { format } from 'date-fns';
import type { PanelTicketState } from '@/lib/schemas/panel';
import type { Tier } from '@/lib/schemas/settings';
import { firstResponseSla } from '@/lib/sla/first-response';

/** "2 h 05 min 09 s": seconds shown so a rep sees the clock run. */
function duration(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h} h ${pad(m)} min ${pad(s)} s` : `${m} min ${pad(s)} s`;
}

/**
 * Tier and channels and, on a Zendesk ticket, the first-response due time with the time left. `now` is the page's
 * clock (it re-renders every second), so the time left runs without asking the background.
 */
export function SlaView({ tier, ticket, now }: { tier: Tier | null; ticket: PanelTicketState | null; now: number }) {
  const result = tier && ticket?.status === 'recorded' ? firstResponseSla(ticket.ticket, tier, now) : undefined;
  const ticketId = ticket?.status === 'recorded' ? ticket.ticket.zendeskId : ticket?.zendeskId;
  return (
    <section className="space-y-1" data-testid="sla">
      {tier ? (
        <p className="text-xs">
          <strong data-testid="sla-tier">{tier.name}</strong> · first response {tier.firstResponseHours} h · {tier.channels.join(', ')}
        </p>
      ) : (
        <p className="text-xs text-slate-500">No tier: the account has no plan.</p>
      )}
      {result?.ok ? (
        <p
          className={`rounded px-2 py-1 text-xs ${result.sla.state === 'breached' ? 'bg-red-50 text-red-800' : result.sla.state === 'met' ? 'bg-green-50 text-green-800' : 'bg-sky-50 text-sky-900'}`}
          data-testid="sla-status"
          data-state={result.sla.state}
          data-due-at={result.sla.dueAt}
        >
          <span className="block">
            Ticket #{ticketId}: first reply due <strong>{format(result.sla.dueAt, 'EEE d MMM HH:mm')}</strong>
          </span>
          {/* Its own line in fixed-width digits: the text changes every second and must not reflow the panel. */}
          <span className="block font-medium tabular-nums" data-testid="sla-remaining">
            {result.sla.state === 'running'
              ? `${duration(result.sla.remainingMs)} left`
              : result.sla.state === 'met'
                ? `met (replied with ${duration(result.sla.remainingMs)} to spare)`
                : result.sla.repliedAt
                  ? `breached (replied ${duration(result.sla.remainingMs)} late)`
                  : `breached ${duration(result.sla.remainingMs)} ago, no reply yet`}
          </span>
        </p>
      ) : null}
      {result && !result.ok ? (
        <p className="text-xs text-red-700">
          Ticket #{ticketId}: can't compute the SLA ({result.field}: {result.message})
        </p>
      ) : null}
      {ticket && !tier ? <p className="text-xs text-slate-500">Ticket #{ticketId}: no SLA without a tier.</p> : null}
      {ticket?.status === 'not-recorded' ? (
        <p className="text-xs text-slate-500" data-testid="sla-not-recorded">
          Ticket #{ticketId} is not recorded yet: its SLA shows once the page has read it.
        </p>
      ) : null}
    </section>
  );
}
