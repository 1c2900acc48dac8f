/**
 * The health badge shown on host pages. Plain DOM in a closed shadow root (no React: the content script must
 * stay small), sized in px so the host's root font size cannot change it, and a real <button> so it is
 * keyboard reachable. The host element carries the stable testing attributes of DESIGN.md §5 and nothing else.
 * Text is always set with textContent: account names never become markup.
 */
import type { AccountSummary, MatchMethod } from '../../lib/schemas/messages';
import { BADGE_CSS } from './badge-style';

export type BadgeState =
  | { kind: 'loading' }
  | { kind: 'matched'; account: AccountSummary; method: MatchMethod; matchedOn: string }
  | { kind: 'no-match'; reason: string; label: string }
  | { kind: 'error'; message: string };

export interface BadgeHandle {
  /** The `sightline-badge` element to place in the page. */
  host: HTMLElement;
  render(state: BadgeState): void;
}

const METHOD_LABELS: Record<MatchMethod, string> = {
  'sf-id': 'Salesforce account id',
  'zendesk-org': 'Zendesk organization',
  'contact-email': 'contact email',
  'email-domain': 'email domain',
  name: 'account name',
  chosen: 'your earlier choice for',
};

const BAND_LABELS: Record<AccountSummary['band'], string> = {
  healthy: 'Healthy',
  'at-risk': 'At risk',
  critical: 'Critical',
  unknown: 'No score',
};

function trendText(delta: number | null, days: number): string | null {
  if (delta === null || delta === 0) return null;
  return `${delta > 0 ? '▲' : '▼'}${Math.abs(delta)} in ${days} d`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Describes the state in words: the button's accessible name and tooltip. */
export function describeBadge(state: BadgeState): string {
  switch (state.kind) {
    case 'loading':
      return 'Sightline: looking up the customer…';
    case 'error':
      return `Sightline: ${state.message}`;
    case 'no-match':
      return `Sightline: no account for ${state.label} (${state.reason}). Open to pick the right account.`;
    case 'matched': {
      const { account, method, matchedOn } = state;
      const score = account.score === null ? 'no health score yet' : `health ${account.score} (${BAND_LABELS[account.band]})`;
      const parts = [`${account.name}: ${score}`];
      if (account.overridden) parts.push(`set by hand; computed ${account.computedScore ?? 'n/a'}`);
      const trend = trendText(account.trend30, 30) ?? trendText(account.trend7, 7);
      if (trend) parts.push(trend);
      if (account.stale) parts.push('some inputs are stale');
      if (account.demo) parts.push('demo data');
      parts.push(`matched by ${METHOD_LABELS[method]} ${matchedOn}`);
      return `Sightline: ${parts.join(' · ')}. Open the panel for details.`;
    }
  }
}

export function createBadge(onActivate: () => void): BadgeHandle {
  const host = document.createElement('sightline-badge');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  const button = element('button', 'badge');
  button.type = 'button';
  button.addEventListener('click', (event) => {
    event.stopPropagation(); // host pages must not treat a click on the badge as a click on their own UI
    onActivate();
  });
  shadow.append(style, button);

  function render(state: BadgeState): void {
    const account = state.kind === 'matched' ? state.account : undefined;
    host.setAttribute('data-band', account?.band ?? 'unknown');
    host.setAttribute('data-score', account?.score === null || !account ? '' : String(account.score));
    host.setAttribute('data-account-id', account?.accountId ?? '');
    host.setAttribute('data-state', state.kind);

    const description = describeBadge(state);
    button.title = description;
    button.setAttribute('aria-label', description);
    button.dataset.band = account?.band ?? 'unknown';
    button.dataset.state = state.kind;

    const parts: HTMLElement[] = [];
    switch (state.kind) {
      case 'loading':
        parts.push(element('span', 'dot'), element('span', 'label muted', 'Sightline…'));
        break;
      case 'error':
        parts.push(element('span', 'dot'), element('span', 'label muted', state.message));
        break;
      case 'no-match':
        parts.push(element('span', 'dot'), element('span', 'label', 'No account'), element('span', 'action', 'Pick…'));
        break;
      case 'matched': {
        const { account } = state;
        parts.push(element('span', 'score', account.score === null ? '–' : String(account.score)));
        parts.push(element('span', 'label', account.name));
        const delta = account.trend30 ?? account.trend7;
        if (delta !== null && delta !== 0) {
          parts.push(element('span', delta > 0 ? 'trend up' : 'trend down', `${delta > 0 ? '▲' : '▼'}${Math.abs(delta)}`));
        }
        if (account.overridden) parts.push(element('span', 'flag', 'set'));
        if (account.stale) parts.push(element('span', 'flag stale', 'stale'));
        if (account.demo) parts.push(element('span', 'flag', 'demo'));
        break;
      }
    }
    button.replaceChildren(...parts);
  }

  render({ kind: 'loading' });
  return { host, render };
}
