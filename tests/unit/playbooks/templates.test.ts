import { describe, expect, it } from 'vitest';
import { addStep, moveStep, newStepId, removeStep, renameTemplate, updateStep } from '@/lib/playbooks/template-editing';
import { DEFAULT_PLAYBOOK_TEMPLATES, PLAYBOOK_TEMPLATE_IDS, sortTemplates, validateTemplate } from '@/lib/playbooks/templates';
import type { PlaybookTemplate } from '@/lib/schemas/records';

const valid: PlaybookTemplate = {
  id: 'custom',
  name: 'Custom',
  dueFrom: 'run-start',
  steps: [
    { id: 'a', title: 'First', dueOffsetDays: 0 },
    { id: 'b', title: 'Second', dueOffsetDays: 3 },
  ],
};

function errorsOf(candidate: unknown): Record<string, string> {
  const result = validateTemplate(candidate);
  if (result.ok) throw new Error('expected the template to be invalid');
  return result.errors;
}

describe('shipped templates', () => {
  it('are all valid, with the steps DESIGN.md lists', () => {
    for (const template of DEFAULT_PLAYBOOK_TEMPLATES) expect(validateTemplate(template), template.id).toMatchObject({ ok: true });
    const byId = new Map(DEFAULT_PLAYBOOK_TEMPLATES.map((template) => [template.id, template]));
    expect(byId.get('at-risk')!.steps.map((step) => step.title)).toEqual([
      'Identify the drop (health alert)',
      'Review account history and tickets',
      'Reach out with value, not "checking in"',
      'Schedule a success call if needed',
      'Document outcome and next steps',
    ]);
    expect(byId.get('expansion')!.steps).toHaveLength(4);
    expect(byId.get('renewal')!.steps.map((step) => step.dueOffsetDays)).toEqual([-90, -60, -30]);
    expect(byId.get('renewal')!.dueFrom).toBe('renewal-date');
    for (const id of Object.values(PLAYBOOK_TEMPLATE_IDS.onboarding)) expect(byId.has(id), id).toBe(true);
    expect(byId.has('escalation')).toBe(true);
  });

  it('sorts shipped templates in shipped order, others after by name', () => {
    const sorted = sortTemplates([{ ...valid, id: 'zz', name: 'B' }, ...[...DEFAULT_PLAYBOOK_TEMPLATES].reverse(), { ...valid, id: 'yy', name: 'A' }]);
    expect(sorted.map((template) => template.id)).toEqual([...DEFAULT_PLAYBOOK_TEMPLATES.map((template) => template.id), 'yy', 'zz']);
  });
});

describe('validateTemplate', () => {
  it('accepts a valid template and trims titles', () => {
    const result = validateTemplate({ ...valid, steps: [{ id: 'a', title: '  Call them  ', dueOffsetDays: 2 }] });
    expect(result).toEqual({ ok: true, template: { ...valid, steps: [{ id: 'a', title: 'Call them', dueOffsetDays: 2 }] } });
  });

  it('refuses a template with no steps', () => {
    expect(errorsOf({ ...valid, steps: [] })).toEqual({ steps: 'a playbook needs at least one step' });
  });

  it('names the step whose id is used twice', () => {
    expect(errorsOf({ ...valid, steps: [...valid.steps, { id: 'a', title: 'Third', dueOffsetDays: 5 }] })).toEqual({
      'steps.2.id': 'step id "a" is used by another step',
    });
  });

  it('refuses negative due offsets counted from the run start', () => {
    expect(errorsOf({ ...valid, steps: [{ id: 'a', title: 'First', dueOffsetDays: -1 }] })).toEqual({
      'steps.0.dueOffsetDays': 'a step cannot be due before the run starts: use 0 or more days',
    });
  });

  it('accepts negative due offsets counted from the renewal date', () => {
    expect(validateTemplate({ ...valid, dueFrom: 'renewal-date', steps: [{ id: 'a', title: 'Quote', dueOffsetDays: -30 }] })).toMatchObject({ ok: true });
  });

  it('refuses empty and blank titles, an empty name and a missing offset, all at once', () => {
    expect(
      errorsOf({
        ...valid,
        name: ' ',
        steps: [
          { id: 'a', title: '', dueOffsetDays: -2 },
          { id: 'a', title: '   ', dueOffsetDays: Number.NaN },
          { id: 'c', title: 'Fine', dueOffsetDays: 1.5 },
        ],
      }),
    ).toEqual({
      name: 'a playbook needs a name',
      'steps.0.title': 'a step needs a title',
      'steps.0.dueOffsetDays': 'a step cannot be due before the run starts: use 0 or more days',
      'steps.1.id': 'step id "a" is used by another step',
      'steps.1.title': 'a step needs a title',
      'steps.1.dueOffsetDays': 'enter the due offset as a whole number of days',
      'steps.2.dueOffsetDays': 'enter the due offset as a whole number of days',
    });
  });

  it('survives input that is not a template at all', () => {
    expect(errorsOf(null)).toHaveProperty('template');
    expect(errorsOf({ ...valid, steps: [null] })).toHaveProperty(['steps.0']);
  });
});

describe('template editing', () => {
  it('adds a step with a fresh id, due with the last step', () => {
    const added = addStep(valid);
    expect(added.steps[2]).toEqual({ id: 'step-1', title: '', dueOffsetDays: 3 });
    expect(newStepId([...added.steps, { id: 'step-2', title: 'x', dueOffsetDays: 0 }])).toBe('step-3');
    expect(addStep({ ...valid, steps: [] }).steps).toEqual([{ id: 'step-1', title: '', dueOffsetDays: 0 }]);
  });

  it('moves steps up and down, not past either end', () => {
    expect(moveStep(valid, 1, -1).steps.map((step) => step.id)).toEqual(['b', 'a']);
    expect(moveStep(valid, 0, 1).steps.map((step) => step.id)).toEqual(['b', 'a']);
    expect(moveStep(valid, 0, -1)).toBe(valid);
    expect(moveStep(valid, 1, 1)).toBe(valid);
  });

  it('removes, renames and updates without touching the original', () => {
    expect(removeStep(valid, 0).steps.map((step) => step.id)).toEqual(['b']);
    expect(renameTemplate(valid, 'Other').name).toBe('Other');
    expect(updateStep(valid, 1, { title: 'New', dueOffsetDays: 9 }).steps[1]).toEqual({ id: 'b', title: 'New', dueOffsetDays: 9 });
    expect(valid.steps[1]).toEqual({ id: 'b', title: 'Second', dueOffsetDays: 3 });
  });
});
