import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SightlineDatabase } from '@/lib/db/database';
import { PLAYBOOK_TEMPLATES_KEY, readTemplates, restoreDefaultTemplates, saveTemplate } from '@/lib/db/playbook-templates';
import { DEFAULT_PLAYBOOK_TEMPLATES, TemplateValidationError } from '@/lib/playbooks/templates';

let db: SightlineDatabase;

beforeEach(() => {
  db = new SightlineDatabase(`playbook-templates-${crypto.randomUUID()}`);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const atRisk = DEFAULT_PLAYBOOK_TEMPLATES[0]!;

describe('stored templates', () => {
  it('are the shipped defaults until someone edits one', async () => {
    expect(await readTemplates(db)).toEqual(DEFAULT_PLAYBOOK_TEMPLATES);
    expect(await db.meta.get(PLAYBOOK_TEMPLATES_KEY)).toBeUndefined();
  });

  it('keep an edit, in the shipped order, next to the other defaults', async () => {
    await saveTemplate(db, { ...atRisk, name: 'Save the account', steps: [...atRisk.steps.slice(1), atRisk.steps[0]!] });
    const templates = await readTemplates(db);
    expect(templates.map((template) => template.id)).toEqual(DEFAULT_PLAYBOOK_TEMPLATES.map((template) => template.id));
    expect(templates[0]).toMatchObject({ name: 'Save the account' });
    expect(templates[0]!.steps.at(-1)!.id).toBe('identify-drop');
  });

  it('refuse an invalid template with messages per field and store nothing', async () => {
    const error = await saveTemplate(db, { ...atRisk, steps: [] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TemplateValidationError);
    expect((error as TemplateValidationError).errors).toEqual({ steps: 'a playbook needs at least one step' });
    expect(await db.meta.get(PLAYBOOK_TEMPLATES_KEY)).toBeUndefined();
  });

  it('two tabs saving different templates at once keep both edits', async () => {
    const tabB = new SightlineDatabase(db.name);
    const expansion = DEFAULT_PLAYBOOK_TEMPLATES[1]!;
    await Promise.all([saveTemplate(db, { ...atRisk, name: 'Edited in A' }), saveTemplate(tabB, { ...expansion, name: 'Edited in B' })]);
    tabB.close();
    const names = (await readTemplates(db)).slice(0, 2).map((template) => template.name);
    expect(names).toEqual(['Edited in A', 'Edited in B']);
  });

  it('restore to the shipped defaults', async () => {
    await saveTemplate(db, { ...atRisk, name: 'Edited' });
    await restoreDefaultTemplates(db);
    expect(await readTemplates(db)).toEqual(DEFAULT_PLAYBOOK_TEMPLATES);
  });

  it('leave out a stored template that no longer validates rather than failing', async () => {
    await db.meta.put({ key: PLAYBOOK_TEMPLATES_KEY, value: [atRisk, { id: 'broken', steps: 'nope' }] });
    expect(await readTemplates(db)).toEqual([atRisk]);
  });
});
