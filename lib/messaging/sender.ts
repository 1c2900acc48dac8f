import { browser } from 'wxt/browser';

/** What a message's or port's sender says about where it comes from (Chrome adds `origin`; the types lack it). */
export interface SenderInfo {
  url?: string;
  origin?: string;
}

/**
 * Whether a message or port comes from one of the extension's own pages (panel, popup, options), judged by the
 * sender's URL against the extension's root URL. A content script's sender URL is its host page's.
 */
export function isExtensionPageSender(sender: SenderInfo, extensionRoot = browser.runtime.getURL('/')): boolean {
  const root = new URL(extensionRoot);
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return false;
  }
  // Compared by scheme and host: URL.origin is "null" for non-web schemes outside the browser.
  const rootOrigin = `${root.protocol}//${root.host}`;
  return url.protocol === root.protocol && url.host === root.host && (sender.origin === undefined || sender.origin === rootOrigin);
}
