/**
 * The playbooks Sightline ships (DESIGN.md §3, "Playbooks") and template validation. Teams edit their own copies;
 * these stay as the "restore defaults" source. Step ids are stable: runs and edits refer to them.
 */
import { PlaybookTemplate } from '../schemas/records';
import type { JourneyStageKey } from '../lifecycle/stages';

/** Ids of the shipped templates; triggers open runs of these. */
export const PLAYBOOK_TEMPLATE_IDS = {
  atRisk: 'at-risk',
  expansion: 'expansion',
  renewal: 'renewal',
  escalation: 'escalation',
  onboarding: {
    onboard: 'onboarding-onboard',
    activate: 'onboarding-activate',
    engage: 'onboarding-engage',
    expand: 'onboarding-expand',
  },
} as const satisfies { onboarding: Record<JourneyStageKey, string> } & Record<string, unknown>;

export function onboardingTemplateId(stage: JourneyStageKey): string {
  return PLAYBOOK_TEMPLATE_IDS.onboarding[stage];
}

export const DEFAULT_PLAYBOOK_TEMPLATES: readonly PlaybookTemplate[] = [
  {
    id: PLAYBOOK_TEMPLATE_IDS.atRisk,
    name: 'At-risk',
    description: 'Health fell: find out why and act before it shows in the renewal.',
    dueFrom: 'run-start',
    steps: [
      { id: 'identify-drop', title: 'Identify the drop (health alert)', dueOffsetDays: 0 },
      { id: 'review-history', title: 'Review account history and tickets', dueOffsetDays: 1 },
      { id: 'reach-out', title: 'Reach out with value, not "checking in"', dueOffsetDays: 3 },
      { id: 'success-call', title: 'Schedule a success call if needed', dueOffsetDays: 7 },
      { id: 'document-outcome', title: 'Document outcome and next steps', dueOffsetDays: 14 },
    ],
  },
  {
    id: PLAYBOOK_TEMPLATE_IDS.expansion,
    name: 'Expansion',
    description: 'Usage is close to the plan limit: an upgrade conversation is due.',
    dueFrom: 'run-start',
    steps: [
      { id: 'monitor-usage', title: 'Monitor usage near plan limits', dueOffsetDays: 0 },
      { id: 'identify-use-cases', title: 'Identify more use cases', dueOffsetDays: 7 },
      { id: 'present-roi', title: 'Present ROI of upgrade', dueOffsetDays: 14 },
      { id: 'coordinate-sales', title: 'Coordinate with sales for enterprise', dueOffsetDays: 21 },
    ],
  },
  {
    id: PLAYBOOK_TEMPLATE_IDS.onboarding.onboard,
    name: 'Onboarding: Onboard',
    description: 'First week: welcome, first assessment, first gap identified.',
    dueFrom: 'run-start',
    steps: [
      { id: 'welcome-sent', title: 'Send the welcome sequence', dueOffsetDays: 0 },
      { id: 'first-assessment', title: 'Get the first assessment completed', dueOffsetDays: 2 },
      { id: 'first-gap-identified', title: 'Identify the first gap with the customer', dueOffsetDays: 5 },
    ],
  },
  {
    id: PLAYBOOK_TEMPLATE_IDS.onboarding.activate,
    name: 'Onboarding: Activate',
    description: 'Days 7–29: a full assessment and a report the team shares.',
    dueFrom: 'run-start',
    steps: [
      { id: 'first-full-assessment', title: 'Guide the first full assessment', dueOffsetDays: 3 },
      { id: 'first-report', title: 'Generate the first report together', dueOffsetDays: 7 },
      { id: 'shared-with-team', title: 'Get the report shared with their team', dueOffsetDays: 14 },
    ],
  },
  {
    id: PLAYBOOK_TEMPLATE_IDS.onboarding.engage,
    name: 'Onboarding: Engage',
    description: 'Days 30–89: a habit of regular assessments across several users.',
    dueFrom: 'run-start',
    steps: [
      { id: 'regular-assessments', title: 'Set up regular assessment updates', dueOffsetDays: 3 },
      { id: 'training-assigned', title: 'Assign training to their users', dueOffsetDays: 7 },
      { id: 'multi-user-adoption', title: 'Reach multi-user adoption', dueOffsetDays: 21 },
    ],
  },
  {
    id: PLAYBOOK_TEMPLATE_IDS.onboarding.expand,
    name: 'Onboarding: Expand',
    description: 'Day 90 on: more systems, an upgrade, a referral or case study.',
    dueFrom: 'run-start',
    steps: [
      { id: 'more-systems', title: 'Add more systems to their assessments', dueOffsetDays: 7 },
      { id: 'plan-upgraded', title: 'Discuss a plan upgrade', dueOffsetDays: 21 },
      { id: 'referral-or-case-study', title: 'Ask for a referral or case study', dueOffsetDays: 30 },
    ],
  },
  {
    id: PLAYBOOK_TEMPLATE_IDS.renewal,
    name: 'Renewal',
    description: 'Steps due 90, 60 and 30 days before the renewal date.',
    dueFrom: 'renewal-date',
    steps: [
      { id: 'renewal-90', title: 'Review health, usage and open risks; confirm who decides', dueOffsetDays: -90 },
      { id: 'renewal-60', title: 'Hold a value review with the executive sponsor', dueOffsetDays: -60 },
      { id: 'renewal-30', title: 'Send the renewal quote and agree terms', dueOffsetDays: -30 },
    ],
  },
  {
    id: PLAYBOOK_TEMPLATE_IDS.escalation,
    name: 'Escalation',
    description: 'A detractor or a serious complaint: bring in the executive sponsor.',
    dueFrom: 'run-start',
    steps: [
      { id: 'acknowledge', title: 'Acknowledge the concern to the customer', dueOffsetDays: 1 },
      { id: 'brief-sponsor', title: 'Brief the executive sponsor on history and the ask', dueOffsetDays: 2 },
      { id: 'sponsor-call', title: 'Hold an executive sponsor call and agree a recovery plan', dueOffsetDays: 7 },
      { id: 'follow-up', title: 'Follow up on every commitment of the recovery plan', dueOffsetDays: 21 },
      { id: 'document-outcome', title: 'Document outcome and next steps', dueOffsetDays: 30 },
    ],
  },
];

/** Messages keyed by field path: `name`, `steps`, `steps.2.title`, `steps.0.dueOffsetDays`… */
export type TemplateErrors = Record<string, string>;

export type TemplateValidation = { ok: true; template: PlaybookTemplate } | { ok: false; errors: TemplateErrors };

export function validateTemplate(candidate: unknown): TemplateValidation {
  const parsed = PlaybookTemplate.safeParse(candidate);
  if (parsed.success) return { ok: true, template: parsed.data };
  const errors: TemplateErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || 'template';
    errors[path] ??= issue.message; // the first problem per field is the one to fix first
  }
  return { ok: false, errors };
}

export class TemplateValidationError extends Error {
  constructor(readonly errors: TemplateErrors) {
    super(`invalid playbook template: ${Object.entries(errors).map(([path, message]) => `${path}: ${message}`).join('; ')}`);
    this.name = 'TemplateValidationError';
  }
}

/** A team's own playbook: the first free `custom-N` id, one step to start from. */
export function newCustomTemplate(existing: readonly PlaybookTemplate[]): PlaybookTemplate {
  const taken = new Set(existing.map((template) => template.id));
  let n = 1;
  while (taken.has(`custom-${n}`)) n += 1;
  return {
    id: `custom-${n}`,
    name: `New playbook ${n}`,
    dueFrom: 'run-start',
    steps: [{ id: 'step-1', title: 'First step', dueOffsetDays: 0 }],
  };
}

/** Shipped templates first, in their shipped order; any others by name. */
export function sortTemplates(templates: readonly PlaybookTemplate[]): PlaybookTemplate[] {
  const shippedOrder = new Map(DEFAULT_PLAYBOOK_TEMPLATES.map((template, index) => [template.id, index]));
  const rank = (template: PlaybookTemplate) => shippedOrder.get(template.id) ?? Number.MAX_SAFE_INTEGER;
  return [...templates].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
