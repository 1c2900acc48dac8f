/**
 * Issue 5's floor: the least an extension can do to show a score on a Zendesk ticket page. Written by the bench
 * as plain files: a manifest, a content script that follows navigations the same way as WXT's
 * `wxt:locationchange` (the Navigation API's `navigate` event), sends ONE runtime message to its service worker,
 * which answers with ONE indexed IndexedDB lookup (accounts by ticket id, a multi-entry index), and paints a div
 * carrying `data-score`. `seed` messages (from the bench, through the worker) fill its database.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the floor's database holds per account. */
export interface FloorAccount {
  id: string;
  name: string;
  score: number;
  ticketIds: number[];
}

const MANIFEST = {
  manifest_version: 3,
  name: 'Sightline bench floor',
  version: '1.0.0',
  background: { service_worker: 'background.js' },
  content_scripts: [{ matches: ['https://*.zendesk.com/*'], js: ['content.js'] }],
};

const BACKGROUND = `
const opened = new Promise((resolve, reject) => {
  const request = indexedDB.open('floor', 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore('accounts', { keyPath: 'id' }).createIndex('ticket', 'ticketIds', { multiEntry: true });
  };
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
self.seedFloor = async (accounts) => {
  const db = await opened;
  await new Promise((resolve, reject) => {
    const tx = db.transaction('accounts', 'readwrite');
    for (const account of accounts) tx.objectStore('accounts').put(account);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  return accounts.length;
};
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type !== 'lookup') return false;
  opened.then((db) => {
    const request = db.transaction('accounts', 'readonly').objectStore('accounts').index('ticket').get(message.ticketId);
    request.onsuccess = () => sendResponse(request.result ?? null);
    request.onerror = () => sendResponse(null);
  });
  return true;
});
`;

const CONTENT = `
let current = 0;
function show(url) {
  const match = /^\\/agent\\/tickets\\/(\\d+)/.exec(new URL(url).pathname);
  const token = ++current;
  document.querySelector('div[data-floor-badge]')?.remove();
  if (!match) return;
  const ticketId = Number(match[1]);
  chrome.runtime.sendMessage({ type: 'lookup', ticketId }).then((account) => {
    if (token !== current || !account) return;
    const badge = document.createElement('div');
    badge.dataset.floorBadge = '';
    badge.dataset.accountId = account.id;
    badge.dataset.score = String(account.score);
    badge.textContent = account.name + ' ' + account.score;
    badge.style.cssText = 'position:fixed;top:8px;right:8px;z-index:2147483647;background:#fff;border:1px solid #999;padding:2px 6px';
    document.documentElement.append(badge);
  });
}
navigation.addEventListener('navigate', (event) => show(event.destination.url));
show(location.href);
`;

export function writeFloorExtension(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  writeFileSync(join(dir, 'content.js'), CONTENT);
  return dir;
}
