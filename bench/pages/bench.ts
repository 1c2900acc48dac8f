/** The bench page's module: puts the benchmark operations on window for bench/*.ts (see api.ts). */
import { importFile } from '../../entrypoints/options/import-client';
import { getDatabase } from '../../lib/db/database';
import { rescoreAll } from '../../lib/db/rescore';
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
