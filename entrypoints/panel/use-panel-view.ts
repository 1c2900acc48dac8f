/**
 * Whether the side panel is in full view of the person using it. Its page must be web-accessible for host pages to
 * frame it, so a host page could lay something see-through over it and trick a click onto it (click-jacking).
 * Chromium's IntersectionObserver v2 (`trackVisibility`) reports when anything is drawn over an element or it is
 * made see-through or transformed; until it reports the panel fully in view, the panel takes no input.
 * Where the browser cannot tell (no `isVisible`, e.g. Firefox), the panel behaves as before.
 */
import { useEffect, useState, type RefObject } from 'react';

/** IntersectionObserver v2's options and entry field, which TypeScript's DOM types do not have yet. */
interface VisibilityObserverInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  /** Milliseconds between reports; v2 requires at least 100. */
  delay: number;
}
type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

const SUPPORTED = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

/** 'unknown' until the browser's first report (input is held back meanwhile, the banner is not shown). */
export type PanelView = 'unknown' | 'in-view' | 'covered';

export function usePanelView(target: RefObject<HTMLElement | null>, enabled: boolean): PanelView {
  const guarded = enabled && SUPPORTED;
  const [view, setView] = useState<PanelView>(guarded ? 'unknown' : 'in-view');
  useEffect(() => {
    const element = target.current;
    if (!guarded || !element) return;
    const options: VisibilityObserverInit = { trackVisibility: true, delay: 100, threshold: [0] };
    const observer = new IntersectionObserver((entries) => {
      const latest: VisibilityEntry | undefined = entries.at(-1);
      if (latest) setView(latest.isVisible === true ? 'in-view' : 'covered');
    }, options);
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, guarded]);
  return view;
}
