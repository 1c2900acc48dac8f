/**
 * The side panel: an extension page (panel.html) in an iframe, so account data renders in the extension origin
 * where the host page cannot read it. Docked to the right below the host's top bar, and the host page is
 * narrowed by the panel's width while it is open (as a browser side panel does), so the page's own controls
 * (Zendesk's reply editor and submit button, Lightning's record actions) reflow beside the panel instead of
 * disappearing under it. The panel talks back only through window messages that must come from that iframe and
 * the extension's own origin; nothing the host page posts is obeyed.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export const PANEL_WIDTH_PX = 360;

/** `changed`: the score or band the panel shows moved (an override, an import), so the badge should follow. */
export type PanelEvent = 'close' | 'linked' | 'changed';

export interface PanelFrame {
  open(params: Record<string, string>): void;
  close(): void;
  isOpen(): boolean;
}

/**
 * Room for the panel: the root element gives up the panel's width, so every layout built in normal flow or
 * positioned against the root shrinks with it. An overlay badge moves out from under the panel.
 */
function roomCss(widthPx: number): string {
  return `html { margin-right: ${widthPx}px !important; }
sightline-badge[data-placement="overlay"] { right: ${widthPx + 16}px !important; }`;
}

export function createPanelFrame(
  ctx: ContentScriptContext,
  { topOffsetPx, onEvent }: { topOffsetPx: number; onEvent: (event: PanelEvent) => void },
): PanelFrame {
  // Built here rather than with WXT's createIframeUi, which registers an invalidation callback per mount that is
  // never released: a panel opened on every navigation would pile them up.
  let mounted: { wrapper: HTMLElement; iframe: HTMLIFrameElement; room: HTMLStyleElement } | undefined;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (!mounted || event.origin !== extensionOrigin || event.source !== mounted.iframe.contentWindow) return;
    const type = (event.data as { type?: unknown } | null)?.type;
    if (type === 'sightline:close') {
      close();
      onEvent('close');
    } else if (type === 'sightline:linked') {
      onEvent('linked');
    } else if (type === 'sightline:changed') {
      onEvent('changed');
    }
  });
  ctx.addEventListener(document, 'keydown', (event: KeyboardEvent) => {
    // Only a real key press: a host script dispatching a synthetic Escape is not the user closing the panel.
    if (event.key === 'Escape' && event.isTrusted && mounted) {
      close();
      onEvent('close');
    }
  });
  ctx.onInvalidated(close);

  function open(params: Record<string, string>): void {
    close();
    const iframe = document.createElement('iframe');
    iframe.src = `${browser.runtime.getURL('/panel.html')}?${new URLSearchParams(params)}`;
    iframe.setAttribute('data-sightline', 'panel');
    iframe.title = 'Sightline customer panel';
    Object.assign(iframe.style, { width: '100%', height: '100%', border: '0', display: 'block', background: '#fff' });

    const wrapper = document.createElement('div');
    wrapper.setAttribute('data-sightline', 'panel-frame');
    Object.assign(wrapper.style, {
      position: 'fixed',
      top: `${topOffsetPx}px`,
      right: '0',
      bottom: '0',
      width: `${PANEL_WIDTH_PX}px`,
      boxSizing: 'border-box',
      zIndex: '2147483001',
      borderLeft: '1px solid #cbd5e1',
      background: '#fff',
    });
    wrapper.append(iframe);

    const room = document.createElement('style');
    room.setAttribute('data-sightline', 'panel-room');
    room.textContent = roomCss(PANEL_WIDTH_PX);

    document.documentElement.append(room);
    document.body.append(wrapper);
    mounted = { wrapper, iframe, room };
  }

  function close(): void {
    mounted?.wrapper.remove();
    mounted?.room.remove();
    mounted = undefined;
  }

  return { open, close, isOpen: () => mounted !== undefined };
}
