// @vitest-environment happy-dom
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RestoreDefaultsButton } from '@/components/playbooks/RestoreDefaultsButton';
import { TemplateEditor } from '@/components/playbooks/TemplateEditor';
import { PlaybooksSection } from '@/entrypoints/options/PlaybooksSection';
import { DATABASE_NAME, getDatabase } from '@/lib/db/database';
import { readTemplates } from '@/lib/db/playbook-templates';
import { DEFAULT_PLAYBOOK_TEMPLATES } from '@/lib/playbooks/templates';
import { button, byLabel, byTestId, click, render, type, waitFor } from './render';

const expansion = DEFAULT_PLAYBOOK_TEMPLATES.find((template) => template.id === 'expansion')!;
const renewal = DEFAULT_PLAYBOOK_TEMPLATES.find((template) => template.id === 'renewal')!;

afterEach(() => {
  document.body.innerHTML = '';
});

const textOfSteps = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLInputElement>('input[aria-label$="title"]')].map((input) => input.value);

describe('TemplateEditor', () => {
  it('shows problems next to the field and saves only a valid draft', async () => {
    const onSave = vi.fn();
    const { container } = await render(<TemplateEditor template={expansion} onSave={onSave} />);
    const save = byTestId<HTMLButtonElement>(container, 'template-expansion-save');
    expect(save.disabled).toBe(true); // nothing changed yet

    const title = byTestId(container, 'template-step-present-roi-title');
    await type(title, '  ');
    expect(title.parentElement!.textContent).toContain('a step needs a title');
    await type(byTestId(container, 'template-step-coordinate-sales-due'), '-3');
    expect(byTestId(container, 'template-step-coordinate-sales-due').parentElement!.textContent).toContain(
      'a step cannot be due before the run starts: use 0 or more days',
    );
    await type(byTestId(container, 'template-expansion-name'), '');
    expect(container.textContent).toContain('a playbook needs a name');
    expect(save.disabled).toBe(true);

    await type(title, 'Present the upgrade ROI');
    await type(byTestId(container, 'template-step-coordinate-sales-due'), '28');
    await type(byTestId(container, 'template-expansion-name'), 'Grow');
    expect(save.disabled).toBe(false);
    await click(save);
    expect(onSave).toHaveBeenCalledWith({
      ...expansion,
      name: 'Grow',
      steps: expansion.steps.map((step) =>
        step.id === 'present-roi' ? { ...step, title: 'Present the upgrade ROI' } : step.id === 'coordinate-sales' ? { ...step, dueOffsetDays: 28 } : step,
      ),
    });
  });

  it('adds, moves and removes steps', async () => {
    const onSave = vi.fn();
    const { container } = await render(<TemplateEditor template={expansion} onSave={onSave} />);
    await click(byLabel(container, 'Move step 2 up'));
    await click(byLabel(container, 'Move step 4 down')); // the last step cannot go further
    await click(byLabel(container, 'Remove step 3'));
    await click(byTestId(container, 'template-expansion-add-step'));
    expect(container.textContent).toContain('a step needs a title');
    await type(byTestId(container, 'template-step-step-1-title'), 'Send the proposal');
    expect(textOfSteps(container)).toEqual(['Identify more use cases', 'Monitor usage near plan limits', 'Coordinate with sales for enterprise', 'Send the proposal']);
    await click(byTestId(container, 'template-expansion-save'));
    expect(onSave.mock.calls[0]![0].steps.map((step: { id: string; dueOffsetDays: number }) => [step.id, step.dueOffsetDays])).toEqual([
      ['identify-use-cases', 7],
      ['monitor-usage', 0],
      ['coordinate-sales', 21],
      ['step-1', 21],
    ]);
  });

  it('removing every step says a playbook needs one', async () => {
    const { container } = await render(<TemplateEditor template={renewal} onSave={vi.fn()} />);
    expect(container.textContent).toContain('days from the renewal date (negative = before it)');
    for (let i = 0; i < renewal.steps.length; i += 1) await click(byLabel(container, 'Remove step 1'));
    expect(container.textContent).toContain('a playbook needs at least one step');
    await click(button(container, 'Discard'));
    expect(textOfSteps(container)).toHaveLength(3);
  });
});

describe('RestoreDefaultsButton', () => {
  it('asks before restoring', async () => {
    const onRestore = vi.fn();
    const { container } = await render(<RestoreDefaultsButton onRestore={onRestore} />);
    await click(byTestId(container, 'restore-playbook-defaults'));
    await click(button(container, 'Cancel'));
    expect(onRestore).not.toHaveBeenCalled();
    await click(byTestId(container, 'restore-playbook-defaults'));
    expect(container.textContent).toContain('Your edits are lost');
    await click(byTestId(container, 'confirm-restore-playbook-defaults'));
    expect(onRestore).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[data-testid="confirm-restore-playbook-defaults"]')).toBeNull();
  });
});

describe('PlaybooksSection (options page)', () => {
  afterEach(async () => {
    getDatabase().close();
    await Dexie.delete(DATABASE_NAME);
  });

  it('lists the templates, saves an edit to the database and restores the defaults', async () => {
    const db = getDatabase();
    const { container, unmount } = await render(<PlaybooksSection />);
    await waitFor(() => byTestId(container, 'template-at-risk'));
    const section = byTestId(container, 'playbooks-section');
    expect(DEFAULT_PLAYBOOK_TEMPLATES.every((template) => section.querySelector(`[data-testid="template-${template.id}"]`))).toBe(true);

    await type(byTestId(container, 'template-at-risk-name'), 'Save the account');
    await click(byTestId(container, 'template-at-risk-save'));
    await waitFor(() => expect(byTestId<HTMLButtonElement>(container, 'template-at-risk-save').disabled).toBe(true));
    expect((await readTemplates(db))[0]!.name).toBe('Save the account');

    await click(byTestId(container, 'restore-playbook-defaults'));
    await click(byTestId(container, 'confirm-restore-playbook-defaults'));
    await waitFor(() => expect(byTestId<HTMLInputElement>(container, 'template-at-risk-name').value).toBe('At-risk'));
    expect(await readTemplates(db)).toEqual(DEFAULT_PLAYBOOK_TEMPLATES);
    await unmount();
  });
});
