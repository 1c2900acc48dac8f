// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunChecklist, type RunChecklistProps } from '@/components/playbooks/RunChecklist';
import { addRunNote, applyStepChange, closeRun, createRun, triggerRecord } from '@/lib/playbooks/runs';
import { DEFAULT_PLAYBOOK_TEMPLATES } from '@/lib/playbooks/templates';
import { evaluateTriggers } from '@/lib/playbooks/triggers';
import type { PlaybookRun } from '@/lib/schemas/records';
import { button, byTestId, click, render, type } from './render';

const atRisk = DEFAULT_PLAYBOOK_TEMPLATES.find((template) => template.id === 'at-risk')!;
const opened = new Date(2026, 9, 1, 9, 0);
const trigger = triggerRecord(
  evaluateTriggers({ today: '2026-10-01', score: 71, band: 'at-risk', previousBand: 'healthy', score30DaysAgo: 72 }),
  opened.getTime(),
);

/** Steps due Oct 1, 2, 4, 8, 15; the first done with a note, the fourth skipped. */
function sampleRun(): PlaybookRun {
  const run = createRun({ id: 'r1', accountId: 'acme', template: atRisk, trigger, now: opened });
  const ticked = applyStepChange(run, 'identify-drop', { state: 'done', by: 'Dana Lee', at: new Date(2026, 9, 1, 14, 5).getTime(), note: 'SSO change' }).run;
  return applyStepChange(ticked, 'success-call', { state: 'skipped', by: 'Sam', at: 2, reason: 'They prefer email' }).run;
}

function props(overrides: Partial<RunChecklistProps> = {}): RunChecklistProps {
  return {
    run: sampleRun(),
    now: new Date(2026, 9, 3, 10, 0), // Oct 3: "review history" (due Oct 2) is overdue
    onToggleStep: vi.fn(),
    onSkipStep: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('RunChecklist', () => {
  it('shows why the run started, due dates, overdue flags, who did what and skip reasons', async () => {
    const { container } = await render(<RunChecklist {...props()} />);
    const run = byTestId(container, 'run-r1');
    expect(run.dataset.status).toBe('open');
    expect(byTestId(run, 'run-trigger').textContent).toContain('Health band dropped from Healthy to At Risk (score 71)');
    expect(run.textContent).toContain('2/5 done · 1 overdue');

    const done = byTestId(run, 'step-identify-drop');
    expect(done.dataset.state).toBe('done');
    expect(done.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(true);
    expect(byTestId(done, 'step-done-by').textContent).toContain('Done by Dana Lee · 1 Oct 14:05');
    expect(byTestId(done, 'step-done-by').textContent).toContain('SSO change');

    const overdue = byTestId(run, 'step-review-history');
    expect(overdue.dataset.state).toBe('overdue');
    expect(overdue.textContent).toContain('Due Fri 2 Oct');
    expect(byTestId(overdue, 'step-overdue').textContent).toBe('overdue');
    expect(byTestId(run, 'step-reach-out').dataset.state).toBe('pending');
    expect(byTestId(byTestId(run, 'step-success-call'), 'step-skip-reason').textContent).toBe('Skipped by Sam: They prefer email');
  });

  it('overdue flags follow the page clock across midnight', async () => {
    const view = await render(<RunChecklist {...props({ now: new Date(2026, 9, 2, 23, 59) })} />);
    expect(byTestId(view.container, 'step-review-history').dataset.state).toBe('pending');
    await view.rerender(<RunChecklist {...props({ now: new Date(2026, 9, 3, 0, 0) })} />);
    expect(byTestId(view.container, 'step-review-history').dataset.state).toBe('overdue');
  });

  it('ticks and unticks through the checkbox, and ticks with a note', async () => {
    const onToggleStep = vi.fn();
    const { container } = await render(<RunChecklist {...props({ onToggleStep })} />);
    await click(byTestId(container, 'step-review-history').querySelector('input[type=checkbox]')!);
    await click(byTestId(container, 'step-identify-drop').querySelector('input[type=checkbox]')!);
    const reachOut = byTestId(container, 'step-reach-out');
    await click(button(reachOut, 'Done with note…'));
    await type(byTestId(reachOut, 'step-note-input'), 'Sent the benchmark');
    await click(byTestId(reachOut, 'step-note-confirm'));
    expect(onToggleStep.mock.calls).toEqual([
      ['review-history', true, undefined],
      ['identify-drop', false, undefined],
      ['reach-out', true, 'Sent the benchmark'],
    ]);
  });

  it('skipping needs a reason', async () => {
    const onSkipStep = vi.fn();
    const { container } = await render(<RunChecklist {...props({ onSkipStep })} />);
    const step = byTestId(container, 'step-reach-out');
    await click(byTestId(step, 'step-skip'));
    const confirm = byTestId<HTMLButtonElement>(step, 'step-skip-confirm');
    expect(confirm.disabled).toBe(true);
    await type(byTestId(step, 'step-skip-reason-input'), 'Customer is on leave');
    expect(confirm.disabled).toBe(false);
    await click(confirm);
    expect(onSkipStep).toHaveBeenCalledWith('reach-out', 'Customer is on leave');
  });

  it('closing asks for outcome and next steps, and shows a refusal', async () => {
    const onClose = vi.fn().mockRejectedValueOnce(new Error('the run is already closed')).mockResolvedValue(undefined);
    const { container } = await render(<RunChecklist {...props({ onClose })} />);
    const close = byTestId<HTMLButtonElement>(container, 'close-run');
    expect(close.disabled).toBe(true);
    await type(byTestId(container, 'run-outcome'), 'Usage recovered');
    expect(close.disabled).toBe(true);
    await type(byTestId(container, 'run-next-steps'), 'QBR in January');
    await click(close);
    expect(container.querySelector('[role=alert]')!.textContent).toBe('the run is already closed');
    await click(close);
    expect(onClose.mock.calls).toEqual([
      ['Usage recovered', 'QBR in January'],
      ['Usage recovered', 'QBR in January'],
    ]);
    expect(container.querySelector('[role=alert]')).toBeNull();
  });

  it('a closed run shows its outcome and can no longer change', async () => {
    const run = closeRun(addRunNote(sampleRun(), { id: 'n1', author: 'Dana Lee', at: 3, text: 'Champion left' }), {
      outcome: 'Saved',
      nextSteps: 'Find a new champion',
      by: 'Dana Lee',
      at: new Date(2026, 9, 9, 16, 0).getTime(),
    });
    const { container } = await render(<RunChecklist {...props({ run })} />);
    expect(byTestId(container, 'run-r1').dataset.status).toBe('closed');
    expect(byTestId(container, 'run-outcome').textContent).toBe('Saved');
    expect(byTestId(container, 'run-next-steps').textContent).toBe('Find a new champion');
    expect(container.textContent).toContain('Closed 9 Oct 2026 16:00 by Dana Lee');
    expect(container.textContent).toContain('Champion left');
    expect(container.querySelector('[data-testid="close-run"]')).toBeNull();
    expect([...container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].every((box) => box.disabled)).toBe(true);
    expect(container.querySelector('[data-testid="step-overdue"]')).toBeNull();
  });

  it('adds a note when the page allows it', async () => {
    const onAddNote = vi.fn();
    const { container } = await render(<RunChecklist {...props({ onAddNote })} />);
    await type(byTestId(container, 'run-note-input'), 'Left a voicemail');
    await click(byTestId(container, 'run-note-add'));
    expect(onAddNote).toHaveBeenCalledWith('Left a voicemail');
    expect(byTestId<HTMLInputElement>(container, 'run-note-input').value).toBe('');
  });
});
