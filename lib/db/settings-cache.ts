/**
 * The settings as loadSettings gives them, kept between a context's reads (every badge lookup needs them) until any
 * context writes the settings table: Dexie's storagemutated event crosses extension pages and the service worker.
 * Kept per database instance, so a database opened afresh (tests) never sees another's settings.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import type { Settings } from '../schemas/settings';
import type { SightlineDatabase } from './database';
import { loadSettings } from './settings';
import { touchesTables } from './storage-notices';

/** The extension opens one database; tests open many. */
const MAX_KEPT = 8;

const kept = new Map<SightlineDatabase, Promise<Settings>>();
let listening = false;

function dropChanged(parts: ObservabilitySet): void {
  for (const db of kept.keys()) {
    if (touchesTables(parts, db.name, ['settings'])) kept.delete(db);
  }
}

export function cachedSettings(db: SightlineDatabase): Promise<Settings> {
  if (!listening) {
    listening = true;
    Dexie.on('storagemutated', dropChanged);
  }
  let settings = kept.get(db);
  if (!settings) {
    if (kept.size >= MAX_KEPT) kept.clear();
    const loading = loadSettings(db);
    kept.set(db, loading);
    // A failed read is not kept: the next lookup tries again.
    loading.catch(() => kept.get(db) === loading && kept.delete(db));
    settings = loading;
  }
  return settings;
}
