import { DEFAULT_SETTINGS, Settings } from '../schemas/settings';
import type { SightlineDatabase } from './database';

/**
 * The team's settings, defaults filled in. A stored record that no longer validates (an older shape, a manual
 * edit) falls back to the defaults field by field rather than breaking every page.
 */
export async function loadSettings(db: SightlineDatabase): Promise<Settings> {
  const row = await db.settings.get('settings');
  if (!row) return DEFAULT_SETTINGS;
  const merged = { ...DEFAULT_SETTINGS, ...(row.value as Partial<Settings>) };
  const parsed = Settings.safeParse(merged);
  if (parsed.success) return parsed.data;
  const repaired: Record<string, unknown> = { ...merged };
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field in DEFAULT_SETTINGS) {
      repaired[field] = DEFAULT_SETTINGS[field as keyof Settings];
    }
  }
  return Settings.parse(repaired);
}

/** Validates and stores settings; throws a ZodError naming the offending field when they are invalid. */
export async function saveSettings(db: SightlineDatabase, candidate: unknown): Promise<Settings> {
  const settings = Settings.parse(candidate);
  await db.settings.put({ key: 'settings', value: settings });
  return settings;
}
