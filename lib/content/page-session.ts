/**
 * One host page's life with Sightline, shared by the Zendesk and Salesforce content scripts: recognise the page
 * from its URL, read its keys, ask the background for the account, show the badge, open the panel.
 *
 * Lifecycle contract (host pages are SPAs we do not control):
 * - every route change (`wxt:locationchange`) aborts the previous page's work and starts afresh, so a slow
 *   answer for the last ticket can never paint over the current one;
 * - what Sightline already holds about the page may paint first; the page's own keys always have the last word;
 * - at most one badge and one panel exist; leaving a customer page removes both;
 * - every listener goes through `ctx` (removed when the script is invalidated) or the page's AbortSignal;
 * - nothing here throws into the host page: failures become a badge state.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createBadge, type BadgeHandle, type BadgeState } from '../../components/badge/badge';
import { sendMessage } from '../messaging/content-client';
import { onPanelCommand } from '../messaging/tab-messaging';
import type { LookupAccountResponse, LookupTicketResponse, PageKeys } from '../schemas/messages';
import { createPanelFrame } from './panel-frame';
import { waitForElement } from './wait-for-element';

/** What a host page yields for the current route. */
export interface PageRead {
  keys: PageKeys | null;
  /** Who the page is about, for "no account for …". */
  label: string;
}

/** A page read that failed in a way the user should see ("can't read this ticket"). */
export class PageReadError extends Error {
  override name = 'PageReadError';
}

/** Where the badge goes: right after an element, or as the last thing inside it. */
export interface BadgeAnchor {
  element: Element;
  place: 'after' | 'inside';
}

export interface HostAdapter<Target> {
  host: 'zendesk' | 'salesforce';
  recognize(url: URL): Target | null;
  /** Two URLs with the same key show the same customer page (no new lookup needed). */
  targetKey(target: Target): string;
  read(target: Target, signal: AbortSignal): Promise<PageRead>;
  /**
   * What Sightline already holds about this page (a ticket imported or seen before), asked before `read`: a match
   * is shown at once, and `read` then waits until the badge has its place and the page has stayed
   * AFTER_MATCH_DELAY_MS. The page's own keys are looked up all the same and have the last word; null (or no
   * match) paints nothing and `read` follows at once.
   */
  known?(target: Target): Promise<LookupTicketResponse | null>;
  /** Extra panel parameters for this page (e.g. the ticket id for the SLA view). */
  panelParams?(target: Target): Record<string, string>;
  /** Where the badge goes; null when the page has no such place (the badge then floats top right). */
  findAnchor(target: Target): BadgeAnchor | null;
  /**
   * Called once the account is known and the page has stayed AFTER_MATCH_DELAY_MS, e.g. to record the ticket's
   * facts. Resolves true when it stored data the score reads (the badge is then refreshed so it agrees with the
   * panel). Failures are ignored.
   */
  afterMatch?(target: Target, match: Extract<LookupAccountResponse, { status: 'matched' }>, signal: AbortSignal): Promise<boolean>;
  /** Pixels the host's fixed top bar takes; the panel docks below it. */
  topBarHeightPx: number;
}

const ANCHOR_WAIT_MS = 4000;
/**
 * How long a page must stay before work that is not urgent runs: confirming a stored answer with the page's own
 * read, and the after-match work (recording the ticket, which reads the host API again and writes). An agent
 * flicking through tickets gets each badge without the previous page's reads and writes in the way (the badge
 * benchmark's route changes took 1.2× as long with them), and Zendesk's API is not read for tickets passed through.
 */
const AFTER_MATCH_DELAY_MS = 500;
/** After the overlay fallback, how long and how often to look for a title that renders late. */
const LATE_ANCHOR_WAIT_MS = 30_000;
const LATE_ANCHOR_CHECK_MS = 250;

/** Resolves true once the page has stayed AFTER_MATCH_DELAY_MS, false as soon as it is left. */
function settled(signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, AFTER_MATCH_DELAY_MS);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function startPageSession<Target>(ctx: ContentScriptContext, adapter: HostAdapter<Target>): void {
  /** `placed`: resolves once the badge is in the page (beside its anchor or floating), or the page is left. */
  let current: { key: string; target: Target; controller: AbortController; badge: BadgeHandle; placed: Promise<void> } | undefined;
  /** What the current page has shown: the answer, and the page's own read once done (a stored answer comes without). */
  let lastRead: { read?: PageRead; answer?: LookupAccountResponse } | undefined;

  const panel = createPanelFrame(ctx, {
    topOffsetPx: adapter.topBarHeightPx,
    onEvent: (event) => {
      // After the user picks an account in the panel, or the panel's score moved, look the page up again so the
      // badge shows what the panel shows.
      if ((event === 'linked' || event === 'changed') && current) void lookUp(current.key, true);
    },
  });

  /** Opens or closes the panel; does nothing while the page shows no customer or is still being read. */
  function togglePanel(): void {
    // An orphan (extension updated or removed without a new script here) cleans up instead of failing.
    if (ctx.isInvalid) return;
    if (panel.isOpen()) return panel.close();
    if (!current || !lastRead) return;
    const { read, answer } = lastRead;
    const params: Record<string, string> = { host: adapter.host, ...adapter.panelParams?.(current.target) };
    if (answer?.status === 'matched') params.account = answer.account.accountId;
    else if (read) {
      params.label = read.label;
      if (read.keys) params.keys = JSON.stringify(read.keys);
    } else return;
    panel.open(params);
  }

  function clear(): void {
    current?.controller.abort();
    current?.badge.host.remove();
    current = undefined;
    lastRead = undefined;
    panel.close();
  }

  /** `leaving`: the anchor shown when the route changed, which belongs to the page being left (never used). */
  async function placeBadge(badge: BadgeHandle, target: Target, signal: AbortSignal, leaving: Element | null, onPlaced: () => void): Promise<void> {
    // The last anchor found, kept so the element waited for comes with its placement.
    const last: { anchor: BadgeAnchor | null } = { anchor: null };
    const findAnchor = () => {
      const anchor = adapter.findAnchor(target);
      last.anchor = anchor && anchor.element !== leaving ? anchor : null;
      return last.anchor?.element ?? null;
    };
    const placeInline = (found: BadgeAnchor) => {
      badge.host.setAttribute('data-placement', 'inline');
      if (found.place === 'inside') found.element.append(badge.host);
      else found.element.after(badge.host);
    };
    const found = await waitForElement(findAnchor, { signal, timeoutMs: ANCHOR_WAIT_MS });
    if (signal.aborted) return;
    if (found && last.anchor) {
      placeInline(last.anchor);
      return onPlaced();
    }
    badge.host.setAttribute('data-placement', 'overlay');
    document.documentElement.append(badge.host);
    onPlaced();
    // A slow host may still render the title: keep looking, at a gentler pace, and move the badge beside it.
    const late = await waitForElement(findAnchor, { signal, timeoutMs: LATE_ANCHOR_WAIT_MS, throttleMs: LATE_ANCHOR_CHECK_MS });
    if (late && last.anchor && !signal.aborted) placeInline(last.anchor);
  }

  async function lookUp(key: string, refresh = false): Promise<void> {
    const session = current;
    if (!session || session.key !== key) return;
    const { controller, badge, target, placed } = session;
    // Once the page's own read or lookup has shown something, an answer from what Sightline already held is stale.
    let pageAnswered = false;
    const show = (state: BadgeState) => {
      pageAnswered = true;
      badge.render(state);
    };
    // Only a head start, so a failure is no answer: the page's own lookup follows.
    const known = refresh || !adapter.known ? Promise.resolve(null) : adapter.known(target).catch(() => null);
    const shownKnown = known.then((answer) => {
      if (pageAnswered || controller.signal.aborted || answer?.status !== 'matched') return false;
      lastRead = { answer };
      badge.render({ kind: 'matched', account: answer.account, method: answer.method, matchedOn: answer.matchedOn });
      return true;
    });
    /**
     * The page's own read; null when the page was left first. When a stored answer is on screen the read only
     * confirms it, once the badge has its place and the page has settled: it never competes with the host reading
     * and rendering the same page, nor with the next page's badge.
     */
    const readPage = async (): Promise<PageRead | null> => {
      if ((await shownKnown) && !(await placed.then(() => settled(controller.signal)))) return null;
      return adapter.read(target, controller.signal);
    };
    try {
      const read = refresh && lastRead?.read ? lastRead.read : await readPage();
      if (!read || controller.signal.aborted) return;
      // The stored answer stays until the page's own lookup replaces it (the panel opens on it meanwhile).
      lastRead = { ...lastRead, read };
      if (!read.keys) {
        show({ kind: 'no-match', reason: 'the page names no customer', label: read.label });
        return;
      }
      const answer = await sendMessage('lookupAccount', read.keys);
      if (controller.signal.aborted) return;
      lastRead = { read, answer };
      if (answer.status === 'matched') {
        show({ kind: 'matched', account: answer.account, method: answer.method, matchedOn: answer.matchedOn });
        if (!adapter.afterMatch || !(await settled(controller.signal))) return;
        const stored = await adapter.afterMatch(target, answer, controller.signal).catch(() => false);
        if (!stored || controller.signal.aborted) return;
        const fresh = await sendMessage('lookupAccount', read.keys);
        if (controller.signal.aborted || fresh.status !== 'matched') return;
        lastRead = { read, answer: fresh };
        badge.render({ kind: 'matched', account: fresh.account, method: fresh.method, matchedOn: fresh.matchedOn });
      } else {
        show({ kind: 'no-match', reason: answer.reason, label: read.label });
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      const message = error instanceof PageReadError ? error.message : 'Sightline is unavailable right now';
      show({ kind: 'error', message });
    }
  }

  /** `url` comes from the navigation event: it fires before `location` changes. */
  function onLocation(url: URL, routeChanged = true): void {
    if (ctx.isInvalid) return;
    const target = adapter.recognize(url);
    if (!target) return clear();
    const key = adapter.targetKey(target);
    if (current?.key === key) return;
    clear();
    const controller = new AbortController();
    const badge = createBadge(togglePanel);
    const onPlaced: { resolve?: () => void } = {};
    const placed = new Promise<void>((resolve) => {
      onPlaced.resolve = resolve;
      controller.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    current = { key, target, controller, badge, placed };
    // The lookup first: it starts the longest waits (the stored answer, the host API read).
    void lookUp(key);
    // The event comes before the host renders the new route: a title shown now is the previous page's (Zendesk
    // keeps the ticket being left in the DOM, hidden once the new one shows), and a badge put there would vanish.
    const leaving = routeChanged ? (adapter.findAnchor(target)?.element ?? null) : null;
    void placeBadge(badge, target, controller.signal, leaving, onPlaced.resolve!);
  }

  ctx.addEventListener(window, 'wxt:locationchange', (event) => onLocation(event.newUrl));
  // The keyboard shortcut arrives from the background (browser commands are not page key events).
  ctx.onInvalidated(
    onPanelCommand(() => {
      if (!current) return { handled: false, panelOpen: false };
      togglePanel();
      return { handled: true, panelOpen: panel.isOpen() };
    }),
  );
  ctx.onInvalidated(clear);
  onLocation(new URL(location.href), false);
}
