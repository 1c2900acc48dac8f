/** The bench page's module: puts the benchmark operations on window for bench/*.ts (see api.ts). */
import { browser } from 'wxt/browser';
import { CHANGED_ALARM, DIGEST_ALARM } from '../../entrypoints/background/rescoring';
import { importFile } from '../../entrypoints/options/import-client';
import { getDatabase } from '../../lib/db/database';
import { readStoredPopupViews, storePopupViews } from '../../lib/db/popup-view';
import { isStoredPopupViews } from '../../lib/portfolio/popup-view-cache';
import { readPortfolioDigest, refreshPortfolioDigest } from '../../lib/db/portfolio-digest';
import { RESCORE_PROGRESS_KEY, rescoreAll } from '../../lib/db/rescore';
import { loadSettings } from '../../lib/db/settings';
import type { BenchPageApi, BenchPageWindow } from './api';
import { importFloor } from './import-floor';
import { clearStores, putAll, requestDone } from './raw-idb';
import { rescoreFloor } from './rescore-floor';
import { seedPortfolio } from './seed';

function chosenFile(): File {
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  const file = input?.files?.[0];
  if (!file) throw new Error('bench page: choose a file in its file input first');
  return file;
}

async function backend(): Promise<IDBDatabase> {
  const db = getDatabase();
  await db.open();
  return db.backendDB();
}

const api: BenchPageApi = {
  seedPortfolio,
  rescoreFloor,
  async rescore(today) {
    const db = getDatabase();
    const t0 = performance.now();
    const settings = await loadSettings(db);
    const result = await rescoreAll(db, settings, today, { restart: true });
    return { wallMs: performance.now() - t0, result };
  },
  async refreshDigest(today) {
    const db = getDatabase();
    const t0 = performance.now();
    // As the background does after rescoring: the digest, then the popup's views of it.
    const settings = await loadSettings(db);
    const digest = await refreshPortfolioDigest(db, settings, today, Date.now());
    await storePopupViews(db, digest, { settings, today });
    return performance.now() - t0;
  },
  async backgroundWork() {
    const db = getDatabase();
    const [alarms, progress, digest, views] = await Promise.all([
      browser.alarms.getAll(),
      db.meta.get(RESCORE_PROGRESS_KEY),
      readPortfolioDigest(db),
      readStoredPopupViews(db),
    ]);
    const alarmAt = (name: string) => alarms.find((a) => a.name === name)?.scheduledTime ?? null;
    return {
      changeAlarmAt: alarmAt(CHANGED_ALARM),
      digestAlarmAt: alarmAt(DIGEST_ALARM),
      rescoring: progress !== undefined,
      digestBuiltAt: digest?.builtAt ?? null,
      viewsDigestBuiltAt: isStoredPopupViews(views) ? views.digestBuiltAt : null,
    };
  },
  async clearStores(stores) {
    await clearStores(await backend(), stores);
  },
  async countStore(store) {
    const idb = await backend();
    return requestDone(idb.transaction(store, 'readonly').objectStore(store).count());
  },
  async putMeta(key, value) {
    await putAll(await backend(), 'meta', [{ key, value }]);
  },
  async importChosenFile() {
    const file = chosenFile();
    const t0 = performance.now();
    const result = await importFile(file);
    return { ms: performance.now() - t0, result };
  },
  importFloorChosenFile: (columns) => importFloor(chosenFile(), columns),
};

const target = window as unknown as BenchPageWindow;
target.sightlineBench = api;
target.sightlineBenchReady = true;
