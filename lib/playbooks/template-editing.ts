/**
 * Edits the template editor makes to a draft. Pure and immutable: each returns a new draft, which may be invalid
 * (an empty title, say) until the person finishes typing; validateTemplate says what is wrong.
 */
import type { PlaybookTemplate, PlaybookTemplateStep } from '../schemas/records';

export function renameTemplate(draft: PlaybookTemplate, name: string): PlaybookTemplate {
  return { ...draft, name };
}

/** `step-1`, `step-2`, … the first not taken: short, readable and stable once given. */
export function newStepId(steps: readonly PlaybookTemplateStep[]): string {
  const taken = new Set(steps.map((step) => step.id));
  let n = 1;
  while (taken.has(`step-${n}`)) n += 1;
  return `step-${n}`;
}

/** A new, untitled step at the end, due when the current last step is due. */
export function addStep(draft: PlaybookTemplate): PlaybookTemplate {
  const lastOffset = draft.steps[draft.steps.length - 1]?.dueOffsetDays;
  const step: PlaybookTemplateStep = {
    id: newStepId(draft.steps),
    title: '',
    dueOffsetDays: Number.isFinite(lastOffset) ? lastOffset! : 0,
  };
  return { ...draft, steps: [...draft.steps, step] };
}

export function removeStep(draft: PlaybookTemplate, index: number): PlaybookTemplate {
  return { ...draft, steps: draft.steps.filter((_, i) => i !== index) };
}

/** Moves a step one place up (-1) or down (+1); a move past either end changes nothing. */
export function moveStep(draft: PlaybookTemplate, index: number, direction: -1 | 1): PlaybookTemplate {
  const target = index + direction;
  if (index < 0 || index >= draft.steps.length || target < 0 || target >= draft.steps.length) return draft;
  const steps = [...draft.steps];
  [steps[index], steps[target]] = [steps[target]!, steps[index]!];
  return { ...draft, steps };
}

export function updateStep(
  draft: PlaybookTemplate,
  index: number,
  change: Partial<Pick<PlaybookTemplateStep, 'title' | 'dueOffsetDays'>>,
): PlaybookTemplate {
  return { ...draft, steps: draft.steps.map((step, i) => (i === index ? { ...step, ...change } : step)) };
}
