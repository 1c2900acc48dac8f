// @vitest-environment happy-dom
/**
 * Issue 5 (host page load): the content script's work waits for the host's load event, runs at once on a page that
 * has loaded (tabs open at install), runs anyway when the load never ends, and never after the script is invalidated.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterPageLoad } from '@/lib/content/after-page-load';

function setReadyState(state: DocumentReadyState): void {
  Object.defineProperty(document, 'readyState', { value: state, configurable: true });
}

let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  ctx = new ContentScriptContext('test');
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

describe('afterPageLoad', () => {
  it('runs at once on a page that has loaded', () => {
    setReadyState('complete');
    const work = vi.fn();
    afterPageLoad(ctx, work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits for the load event, then runs once, in a task after it', () => {
    setReadyState('interactive');
    const work = vi.fn();
    afterPageLoad(ctx, work, 3000);
    vi.advanceTimersByTime(1000);
    expect(work).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('load'));
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs after the longest wait when the load never ends', () => {
    setReadyState('interactive');
    const work = vi.fn();
    afterPageLoad(ctx, work, 3000);
    vi.advanceTimersByTime(2999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('does nothing once the content script is invalidated', () => {
    setReadyState('interactive');
    const work = vi.fn();
    afterPageLoad(ctx, work, 3000);
    ctx.abort();
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(5000);
    expect(work).not.toHaveBeenCalled();
  });
});
