/**
 * Peak JS heap of a page and its dedicated workers (the import runs in one), sampled through CDP every
 * `intervalMs`: Runtime.getHeapUsage on the page, and on each worker through a non-flat auto-attach session
 * (Target.sendMessageToTarget). Sampling can miss a peak shorter than the interval; the figure is a lower bound.
 */
import type { CDPSession, Page } from 'playwright-core';

interface HeapUsage {
  usedSize: number;
}

export interface HeapPeak {
  /** Largest sum of page and worker heaps seen in one sample, in MB. */
  totalMb: number;
  pageMb: number;
  workerMb: number;
  samples: number;
}

export class HeapSampler {
  private workers = new Map<string, number>();
  private nextId = 1;
  private waiting = new Map<number, (result: unknown) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private peak: HeapPeak = { totalMb: 0, pageMb: 0, workerMb: 0, samples: 0 };
  private sampling = false;

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<HeapSampler> {
    const cdp = await page.context().newCDPSession(page);
    const sampler = new HeapSampler(cdp);
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') sampler.workers.set(event.sessionId, 0);
    });
    cdp.on('Target.detachedFromTarget', (event) => {
      sampler.workers.delete(event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id === undefined) return;
      sampler.waiting.get(message.id)?.(message.result);
      sampler.waiting.delete(message.id);
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return sampler;
  }

  private workerCall<T>(sessionId: string, method: string): Promise<T | undefined> {
    const id = this.nextId++;
    const answer = new Promise<T | undefined>((resolve) => {
      this.waiting.set(id, (result) => resolve(result as T | undefined));
      setTimeout(() => resolve(undefined), 2000);
    });
    void this.cdp
      .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
      .catch(() => this.waiting.get(id)?.(undefined));
    return answer;
  }

  private workerHeap(sessionId: string): Promise<number> {
    return this.workerCall<HeapUsage>(sessionId, 'Runtime.getHeapUsage').then((usage) => usage?.usedSize ?? 0);
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const [page, ...workers] = await Promise.all([
        this.cdp.send('Runtime.getHeapUsage').then((u) => u.usedSize),
        ...[...this.workers.keys()].map((sessionId) => this.workerHeap(sessionId)),
      ]);
      const mb = (bytes: number) => bytes / 2 ** 20;
      const worker = workers.reduce((a, b) => a + b, 0);
      this.peak.samples++;
      this.peak.pageMb = Math.max(this.peak.pageMb, mb(page));
      this.peak.workerMb = Math.max(this.peak.workerMb, mb(worker));
      this.peak.totalMb = Math.max(this.peak.totalMb, mb(page + worker));
    } catch {
      // The page is busy closing or navigating: skip this sample.
    } finally {
      this.sampling = false;
    }
  }

  /**
   * Starts a new peak measurement from collected heaps, so garbage an earlier measurement left behind (the floor's
   * parsed rows, say) does not count against the next one.
   */
  async start(intervalMs = 50): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([
      this.cdp.send('HeapProfiler.collectGarbage'),
      ...[...this.workers.keys()].map((sessionId) => this.workerCall(sessionId, 'HeapProfiler.collectGarbage')),
    ]);
    this.peak = { totalMb: 0, pageMb: 0, workerMb: 0, samples: 0 };
    this.timer = setInterval(() => void this.sample(), intervalMs);
  }

  async stop(): Promise<HeapPeak> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sample();
    return { ...this.peak };
  }

  async detach(): Promise<void> {
    await this.stop();
    await this.cdp.detach().catch(() => undefined);
  }
}
