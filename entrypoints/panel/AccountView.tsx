/**
 * Everything about one account, live: the view model comes from the background through the panel port (this page
 * never opens the database), and every action is a message the background carries out. "When" is this tab's clock.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { AccountHeader } from '@/components/panel/AccountHeader';
import { HealthBreakdown } from '@/components/panel/HealthBreakdown';
import { JourneyView } from '@/components/panel/JourneyView';
import { NotesTimeline } from '@/components/panel/NotesTimeline';
import { OverrideForm } from '@/components/panel/OverrideForm';
import { SlaView } from '@/components/panel/SlaView';
import { RunChecklist } from '@/components/playbooks/RunChecklist';
import { StartRunForm } from '@/components/playbooks/StartRunForm';
import { sendMessage } from '@/lib/messaging/client';
import type { AccountPanel, PanelSubscribe } from '@/lib/schemas/panel';
import { notifyHost } from './host-link';
import { useAccountPanel } from './use-account-panel';
import { useNow } from './use-now';

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="space-y-2 border-t border-slate-200 pt-3" data-testid={testId} aria-label={title}>
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      {children}
    </section>
  );
}

/** The SLA ticks every second on its own, without re-rendering the rest of the panel. */
function LiveSla({ panel }: { panel: AccountPanel }) {
  const now = useNow(1000);
  return <SlaView tier={panel.tier} ticket={panel.ticket} now={now} />;
}

function Playbooks({ panel }: { panel: AccountPanel }) {
  const now = new Date(useNow(60_000));
  const openRuns = panel.runs.filter((run) => run.status === 'open');
  const closedRuns = panel.runs.filter((run) => run.status === 'closed');
  return (
    <div className="space-y-2">
      {openRuns.length === 0 ? <p className="text-xs text-slate-500">No playbook running.</p> : null}
      {openRuns.map((run) => (
        <RunChecklist
          key={run.id}
          run={run}
          now={now}
          onToggleStep={async (stepId, done, note) => {
            const at = Date.now();
            if (done) await sendMessage('tickStep', { runId: run.id, stepId, at, ...(note ? { note } : {}) });
            else await sendMessage('untickStep', { runId: run.id, stepId, at });
          }}
          onSkipStep={async (stepId, reason) => {
            await sendMessage('skipStep', { runId: run.id, stepId, reason, at: Date.now() });
          }}
          onClose={async (outcome, nextSteps) => {
            await sendMessage('closeRun', { runId: run.id, outcome, nextSteps, at: Date.now() });
          }}
          onAddNote={async (text) => {
            await sendMessage('addRunNote', { runId: run.id, text, at: Date.now() });
          }}
        />
      ))}
      <StartRunForm
        templates={panel.startable}
        onStart={async (templateId) => {
          await sendMessage('startRun', { accountId: panel.account.id, templateId, at: Date.now() });
        }}
      />
      {closedRuns.length ? (
        <details className="text-xs" data-testid="closed-runs">
          <summary className="cursor-pointer text-slate-500">{closedRuns.length} closed run(s)</summary>
          <div className="mt-1 space-y-2">
            {closedRuns.map((run) => (
              <RunChecklist key={run.id} run={run} now={now} onToggleStep={() => undefined} onSkipStep={() => undefined} onClose={() => undefined} />
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}

/** When the shown score or band moves after the first view, the host page's badge is told to look again. */
function useBadgeFollows(state: ReturnType<typeof useAccountPanel>): void {
  const shown = state.status === 'ready' ? `${state.panel.health.score}:${state.panel.health.band}` : undefined;
  const first = useRef<string>(undefined);
  useEffect(() => {
    if (shown === undefined) return;
    if (first.current === undefined) first.current = shown;
    else if (shown !== first.current) {
      first.current = shown;
      notifyHost('sightline:changed');
    }
  }, [shown]);
}

export function AccountView({ request, wide }: { request: PanelSubscribe; wide: boolean }) {
  const state = useAccountPanel(request);
  const name = state.status === 'ready' ? state.panel.account.name : undefined;
  useEffect(() => {
    // The detail page's tab says whose page it is.
    if (wide && name) document.title = `${name} — Sightline`;
  }, [wide, name]);
  useBadgeFollows(state);
  if (state.status === 'loading') return <p className="text-slate-500" data-testid="panel-loading">Loading…</p>;
  if (state.status === 'missing') return <p data-testid="account-missing">This account is no longer in Sightline.</p>;
  if (state.status === 'error') {
    return (
      <p className="rounded bg-red-50 px-2 py-1 text-xs text-red-800" role="alert" data-testid="panel-error">
        Sightline can't show this account: {state.message}
      </p>
    );
  }
  const { panel } = state;
  const accountId = panel.account.id;
  return (
    <div className={wide ? 'grid gap-x-8 gap-y-3 lg:grid-cols-2' : 'space-y-3'} data-testid="account-panel" data-generated-at={panel.generatedAt}>
      {state.reconnecting ? (
        <p className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-600 lg:col-span-2" role="status">
          Reconnecting to Sightline…
        </p>
      ) : null}
      <div className={wide ? 'lg:col-span-2' : ''}>
        <AccountHeader panel={panel} />
      </div>
      <div className="space-y-3">
        <Section title={panel.ticket ? 'Ticket SLA' : 'Support'} testId="section-sla">
          <LiveSla panel={panel} />
        </Section>
        <Section title="Health" testId="section-health">
          <OverrideForm
            key={`${accountId}:${panel.health.override.state}`}
            accountId={accountId}
            override={panel.health.override}
            defaultExpiry={panel.defaultOverrideExpiry}
            onSave={async (draft) => {
              try {
                return (await sendMessage('setOverride', { ...draft, at: Date.now() })).issues;
              } catch (error) {
                return [{ field: 'override', message: error instanceof Error ? error.message : String(error) }];
              }
            }}
            onRemove={async () => {
              await sendMessage('clearOverride', { accountId });
            }}
          />
          <HealthBreakdown health={panel.health} />
        </Section>
      </div>
      <div className="space-y-3">
        <Section title="Playbooks" testId="section-playbooks">
          <Playbooks panel={panel} />
        </Section>
        <Section title="Journey" testId="section-journey">
          <JourneyView journey={panel.journey} />
        </Section>
        <Section title="Notes" testId="section-notes">
          <NotesTimeline
            notes={panel.notes}
            olderNotes={panel.olderNotes}
            onAdd={async (text) => {
              await sendMessage('addNote', { accountId, text, at: Date.now() });
            }}
          />
        </Section>
      </div>
    </div>
  );
}
