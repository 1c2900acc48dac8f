import { format } from 'date-fns';
import type { FirstResponseResult } from '@/lib/sla/first-response';
import type { Tier } from '@/lib/schemas/settings';

function duration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${m} min` : `${m} min`;
}

/** Tier, channels and, on a ticket, the first-response due time and time left (updated every minute by the page). */
export function SlaView({ tier, ticketId, result }: { tier: Tier | null; ticketId?: number; result?: FirstResponseResult }) {
  return (
    <section className="space-y-1" data-testid="sla">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Support tier</h2>
      {tier ? (
        <p className="text-xs">
          <strong data-testid="sla-tier">{tier.name}</strong> · first response {tier.firstResponseHours} h · {tier.channels.join(', ')}
        </p>
      ) : (
        <p className="text-xs text-slate-500">No tier: the account has no plan.</p>
      )}
      {ticketId !== undefined && result?.ok ? (
        <p
          className={`rounded px-2 py-1 text-xs ${result.sla.state === 'breached' ? 'bg-red-50 text-red-800' : result.sla.state === 'met' ? 'bg-green-50 text-green-800' : 'bg-sky-50 text-sky-900'}`}
          data-testid="sla-status"
          data-state={result.sla.state}
        >
          Ticket #{ticketId}: first reply due {format(result.sla.dueAt, 'EEE d MMM HH:mm')} —{' '}
          {result.sla.state === 'running'
            ? `${duration(result.sla.remainingMs)} left`
            : result.sla.state === 'met'
              ? `met (replied with ${duration(result.sla.remainingMs)} to spare)`
              : result.sla.repliedAt
                ? `breached (replied ${duration(result.sla.remainingMs)} late)`
                : `breached ${duration(result.sla.remainingMs)} ago, no reply yet`}
        </p>
      ) : null}
      {ticketId !== undefined && result && !result.ok ? (
        <p className="text-xs text-red-700">Ticket #{ticketId}: can't compute the SLA ({result.field}: {result.message})</p>
      ) : null}
      {ticketId !== undefined && !result ? <p className="text-xs text-slate-500">Ticket #{ticketId} is not recorded yet.</p> : null}
    </section>
  );
}
