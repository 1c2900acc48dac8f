/**
 * The side panel: an extension page (panel.html) in an iframe, so account data renders in the extension origin
 * where the host page cannot read it. Docked to the right below the host's top bar, so the page's header and
 * navigation stay usable. The panel talks back only through window messages that must come from that iframe
 * and the extension's own origin; nothing the host page posts is obeyed.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';

export const PANEL_WIDTH_PX = 380;

export type PanelEvent = 'close' | 'linked';

export interface PanelFrame {
  open(params: Record<string, string>): void;
  close(): void;
  isOpen(): boolean;
}

export function createPanelFrame(
  ctx: ContentScriptContext,
  { topOffsetPx, onEvent }: { topOffsetPx: number; onEvent: (event: PanelEvent) => void },
): PanelFrame {
  let ui: ReturnType<typeof createIframeUi<void>> | undefined;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (!ui || event.origin !== extensionOrigin || event.source !== ui.iframe.contentWindow) return;
    const type = (event.data as { type?: unknown } | null)?.type;
    if (type === 'sightline:close') {
      close();
      onEvent('close');
    } else if (type === 'sightline:linked') {
      onEvent('linked');
    }
  });
  ctx.addEventListener(document, 'keydown', (event: KeyboardEvent) => {
    if (event.key === 'Escape' && ui) {
      close();
      onEvent('close');
    }
  });

  function open(params: Record<string, string>): void {
    close();
    ui = createIframeUi(ctx, {
      page: '/panel.html',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onBeforeMount(wrapper, iframe) {
        iframe.src = `${browser.runtime.getURL('/panel.html')}?${new URLSearchParams(params)}`;
        iframe.setAttribute('data-sightline', 'panel');
        iframe.title = 'Sightline customer panel';
        Object.assign(iframe.style, { width: '100%', height: '100%', border: '0', display: 'block', background: '#fff' });
        wrapper.setAttribute('data-sightline', 'panel-frame');
        Object.assign(wrapper.style, {
          position: 'fixed',
          top: `${topOffsetPx}px`,
          right: '0',
          bottom: '0',
          width: `${PANEL_WIDTH_PX}px`,
          zIndex: '2147483001',
          borderLeft: '1px solid #cbd5e1',
          boxShadow: '-4px 0 16px rgba(15, 23, 42, 0.12)',
          background: '#fff',
        });
      },
    });
    ui.mount();
  }

  function close(): void {
    ui?.remove();
    ui = undefined;
  }

  return { open, close, isOpen: () => ui !== undefined };
}
