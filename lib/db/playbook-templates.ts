/**
 * The team's playbook templates, stored as one record in the `meta` table (a settings-like record: a handful of
 * small templates, edited rarely). No record yet means the shipped defaults; "restore defaults" removes the record.
 * Runs copy a template's steps when they start, so nothing here changes an open run.
 */
import { z } from 'zod';
import { DEFAULT_PLAYBOOK_TEMPLATES, sortTemplates, TemplateValidationError, validateTemplate } from '../playbooks/templates';
import { PlaybookTemplate } from '../schemas/records';
import type { SightlineDatabase } from './database';

export const PLAYBOOK_TEMPLATES_KEY = 'playbook-templates';

const StoredTemplates = z.array(z.unknown());

/**
 * The templates in editor order. Safe inside a live query (reads only). A stored template that no longer
 * validates (written by a later version, say) is left out rather than breaking the page.
 */
export async function readTemplates(db: SightlineDatabase): Promise<PlaybookTemplate[]> {
  const row = await db.meta.get(PLAYBOOK_TEMPLATES_KEY);
  if (!row) return sortTemplates(DEFAULT_PLAYBOOK_TEMPLATES);
  const stored = StoredTemplates.safeParse(row.value);
  if (!stored.success) return sortTemplates(DEFAULT_PLAYBOOK_TEMPLATES);
  return sortTemplates(stored.data.flatMap((candidate) => {
    const parsed = PlaybookTemplate.safeParse(candidate);
    return parsed.success ? [parsed.data] : [];
  }));
}

export async function readTemplate(db: SightlineDatabase, templateId: string): Promise<PlaybookTemplate | undefined> {
  return (await readTemplates(db)).find((template) => template.id === templateId);
}

/**
 * Validates and stores one template (new or replacing the one with its id); throws TemplateValidationError with
 * messages per field. Re-reads inside the transaction, so two tabs saving different templates both keep theirs.
 */
export async function saveTemplate(db: SightlineDatabase, candidate: unknown): Promise<PlaybookTemplate> {
  const validation = validateTemplate(candidate);
  if (!validation.ok) throw new TemplateValidationError(validation.errors);
  const { template } = validation;
  await db.transaction('rw', db.meta, async () => {
    const others = (await readTemplates(db)).filter((existing) => existing.id !== template.id);
    await db.meta.put({ key: PLAYBOOK_TEMPLATES_KEY, value: [...others, template] });
  });
  return template;
}

export async function deleteTemplate(db: SightlineDatabase, templateId: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const remaining = (await readTemplates(db)).filter((existing) => existing.id !== templateId);
    await db.meta.put({ key: PLAYBOOK_TEMPLATES_KEY, value: remaining });
  });
}

/** Back to the shipped templates: edits, and templates added or deleted, are undone. Runs are untouched. */
export async function restoreDefaultTemplates(db: SightlineDatabase): Promise<void> {
  await db.meta.delete(PLAYBOOK_TEMPLATES_KEY);
}
