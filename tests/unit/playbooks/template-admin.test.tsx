// @vitest-environment happy-dom
/**
 * Creating and deleting playbook templates and choosing what their due dates count from; deleting a template
 * leaves its open runs' steps alone (the runs copied them), and "restore defaults" brings shipped ones back.
 */
import Dexie from 'dexie';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateEditor } from '@/components/playbooks/TemplateEditor';
import { PlaybooksSection } from '@/entrypoints/options/PlaybooksSection';
import { DATABASE_NAME, getDatabase } from '@/lib/db/database';
import { readTemplates } from '@/lib/db/playbook-templates';
import { DEFAULT_PLAYBOOK_TEMPLATES, newCustomTemplate, validateTemplate } from '@/lib/playbooks/templates';
import type { PlaybookRun } from '@/lib/schemas/records';
import { button, byTestId, click, render, type, waitFor } from './render';

const escalation = DEFAULT_PLAYBOOK_TEMPLATES.find((template) => template.id === 'escalation')!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('newCustomTemplate', () => {
  it('takes the first free custom id and is valid as it is', () => {
    const first = newCustomTemplate(DEFAULT_PLAYBOOK_TEMPLATES);
    expect(first).toMatchObject({ id: 'custom-1', name: 'New playbook 1', dueFrom: 'run-start' });
    expect(validateTemplate(first).ok).toBe(true);
    expect(newCustomTemplate([...DEFAULT_PLAYBOOK_TEMPLATES, first, { ...first, id: 'custom-3' }]).id).toBe('custom-2');
  });
});

describe('TemplateEditor', () => {
  it('deletes only after confirmation, and shows a refusal', async () => {
    const onDelete = vi.fn().mockRejectedValueOnce(new Error('database is closed')).mockResolvedValue(undefined);
    const { container } = await render(<TemplateEditor template={escalation} onSave={vi.fn()} onDelete={onDelete} />);
    await click(byTestId(container, 'template-escalation-delete'));
    expect(container.textContent).toContain('runs already open keep their steps');
    await click(button(container, 'Cancel'));
    expect(onDelete).not.toHaveBeenCalled();
    await click(byTestId(container, 'template-escalation-delete'));
    await click(byTestId(container, 'template-escalation-confirm-delete'));
    expect(container.textContent).toContain('database is closed');
    await click(byTestId(container, 'template-escalation-confirm-delete'));
    expect(onDelete).toHaveBeenCalledTimes(2);
    expect(container.querySelector('[data-testid="template-escalation-confirm-delete"]')).toBeNull();
  });

  it('switching due dates to count from the renewal date allows negative offsets', async () => {
    const onSave = vi.fn();
    const { container } = await render(<TemplateEditor template={escalation} onSave={onSave} />);
    const due = byTestId<HTMLInputElement>(container, 'template-step-acknowledge-due');
    await type(due, '-14');
    expect(container.textContent).toContain('a step cannot be due before the run starts');
    const select = byTestId<HTMLSelectElement>(container, 'template-escalation-due-from');
    await act(async () => {
      select.value = 'renewal-date';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(container.textContent).not.toContain('a step cannot be due before the run starts');
    await click(byTestId(container, 'template-escalation-save'));
    expect(onSave.mock.calls[0]![0]).toMatchObject({ dueFrom: 'renewal-date', steps: expect.arrayContaining([{ id: 'acknowledge', title: escalation.steps[0]!.title, dueOffsetDays: -14 }]) });
  });
});

describe('PlaybooksSection', () => {
  afterEach(async () => {
    getDatabase().close();
    await Dexie.delete(DATABASE_NAME);
  });

  it('adds a playbook, deletes a shipped one while its run is open (the run keeps its steps), restores defaults', async () => {
    const db = getDatabase();
    const run: PlaybookRun = {
      id: 'run-1', accountId: 'acc-1', templateId: 'escalation', templateName: 'Escalation', status: 'open',
      trigger: { kind: 'manual', reason: 'started by hand', data: {}, at: Date.UTC(2025, 2, 1) },
      steps: escalation.steps.map((step) => ({ id: step.id, title: step.title, dueDate: '2025-03-10' })),
      openedAt: Date.UTC(2025, 2, 1),
    };
    await db.runs.put(run);
    const { container, unmount } = await render(<PlaybooksSection />);
    await waitFor(() => byTestId(container, 'template-escalation'));

    await click(byTestId(container, 'new-playbook'));
    await waitFor(() => byTestId(container, 'template-custom-1'));
    expect((await readTemplates(db)).map((template) => template.id)).toContain('custom-1');

    await click(byTestId(container, 'template-escalation-delete'));
    await click(byTestId(container, 'template-escalation-confirm-delete'));
    await waitFor(() => expect(container.querySelector('[data-testid="template-escalation"]')).toBeNull());
    expect((await readTemplates(db)).map((template) => template.id)).not.toContain('escalation');
    expect(await db.runs.get('run-1')).toEqual(run);

    await click(byTestId(container, 'restore-playbook-defaults'));
    await click(byTestId(container, 'confirm-restore-playbook-defaults'));
    await waitFor(() => byTestId(container, 'template-escalation'));
    expect(await readTemplates(db)).toEqual(DEFAULT_PLAYBOOK_TEMPLATES);
    expect(await db.runs.get('run-1')).toEqual(run);
    await unmount();
  });
});
