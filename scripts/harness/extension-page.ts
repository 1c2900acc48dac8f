/**
 * Helpers that run inside an extension page (popup.html, options.html, …): raw runtime messages and raw
 * IndexedDB writes. The functions passed to page.evaluate are serialized into the page, so they use no imports
 * and declare no named inner functions (tsx's name-keeping helper would not exist in the page).
 */
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { DATABASE_NAME } from '../../lib/db/database';
import { ROLLUP_SOURCE_TABLES } from '../../lib/db/scoring-rollups';
import { describeZodError } from '../../lib/messaging/errors';
import { Account } from '../../lib/schemas/records';

/** The slice of the extension API the evaluated functions use (the page's own global). */
export interface ExtensionPageGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/** What the background answers: `{ res }` on success, `{ err }` when it refused or failed (@webext-core/messaging). */
export type RuntimeReply = { res: unknown; err?: undefined } | { err: { message?: string; name?: string }; res?: undefined };

/** Sends any message as it is, bypassing the typed client (for malformed-message tests). */
export async function sendRuntimeMessage(page: Page, message: unknown): Promise<RuntimeReply> {
  return page.evaluate((m) => (globalThis as unknown as ExtensionPageGlobals).chrome.runtime.sendMessage(m), message) as Promise<RuntimeReply>;
}

let nextId = 1;

/** A message in the envelope Sightline's messenger uses. */
export function protocolMessage(type: string, data: unknown): { id: number; type: string; data: unknown; timestamp: number } {
  return { id: nextId++, type, data, timestamp: Date.now() };
}

/** The running service worker's start time and schema version (a new startedAt proves a restart). */
export async function ping(page: Page): Promise<{ startedAt: number; schemaVersion: number }> {
  const reply = await sendRuntimeMessage(page, protocolMessage('ping', null));
  if (reply.err) throw new Error(`ping failed: ${reply.err.message ?? JSON.stringify(reply.err)}`);
  return reply.res as { startedAt: number; schemaVersion: number };
}

/**
 * Puts records into one object store of the extension's database with the raw IndexedDB API (Dexie's instance is
 * not reachable from a test). The database must already exist: open an extension page that uses it first (popup,
 * options); this waits up to `timeoutMs` for it rather than creating an empty one Dexie would then mis-upgrade.
 * Pages that show live queries do not see raw writes: reload them afterwards.
 * Rows that feed scores (usage, tickets, NPS, meetings) also drop their accounts' scoring rollups in the same
 * transaction, as the app's own write paths refresh them: the next rescoring rebuilds them from the rows.
 */
export async function seedRecords(page: Page, store: string, records: readonly unknown[], timeoutMs = 10_000): Promise<void> {
  await page.evaluate(
    async ({ name, store, records, timeoutMs, rollupSources }) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await indexedDB.databases()).some((db) => db.name === name)) {
        if (Date.now() > deadline) throw new Error(`database "${name}" does not exist yet: open an extension page that uses it first`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains(store)) throw new Error(`database "${name}" has no store "${store}"`);
        const rollups = rollupSources.includes(store) && db.objectStoreNames.contains('scoringRollups');
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(rollups ? [store, 'scoringRollups'] : [store], 'readwrite');
          for (const record of records) {
            tx.objectStore(store).put(record);
            const accountId = (record as { accountId?: unknown }).accountId;
            if (rollups && typeof accountId === 'string') tx.objectStore('scoringRollups').delete(accountId);
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        });
      } finally {
        db.close();
      }
    },
    { name: DATABASE_NAME, store, records, timeoutMs, rollupSources: [...ROLLUP_SOURCE_TABLES] as string[] },
  );
}

/** Validates the accounts against the record schema (bad test data fails here, not as a confusing miss later). */
export async function seedAccounts(page: Page, accounts: readonly Account[]): Promise<void> {
  const parsed = z.array(Account).safeParse(accounts);
  if (!parsed.success) throw new Error(`seedAccounts: ${describeZodError(parsed.error)}`);
  await seedRecords(page, 'accounts', parsed.data);
}

/** Reads every record of one store (for asserting what the extension wrote). */
export async function readStore<T = unknown>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    async ({ name, store }) => {
      if (!(await indexedDB.databases()).some((db) => db.name === name)) throw new Error(`database "${name}" does not exist yet`);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        return await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      } finally {
        db.close();
      }
    },
    { name: DATABASE_NAME, store },
  ) as Promise<T[]>;
}
