import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { getDatabase } from '@/lib/db/database';
import { clearDemoData, loadDemoData, readDemoMarker, type DemoMarker } from '@/lib/db/demo-loader';
import { DEFAULT_DEMO_ACCOUNTS, DEMO_SEED, generateDemoPortfolio } from '@/lib/demo/generate';

const SIZES = [100, 500, 1_000, 5_000, 10_000] as const;

type Job =
  | { kind: 'idle' }
  | { kind: 'loading'; written: number; total: number }
  | { kind: 'clearing' }
  | { kind: 'failed'; message: string };

const formatCount = (n: number) => n.toLocaleString('en-US');

/** Options-page section that loads a fictional portfolio (always seed DEMO_SEED, so everyone sees the same one). */
export function DemoSection() {
  const db = getDatabase();
  // null: no demo data loaded; undefined: still reading.
  const marker = useLiveQuery(async () => (await readDemoMarker(db)) ?? null, [db]);
  const [size, setSize] = useState<number>(DEFAULT_DEMO_ACCOUNTS);
  const [job, setJob] = useState<Job>({ kind: 'idle' });
  const loadAbort = useRef<AbortController | null>(null);
  useEffect(() => () => loadAbort.current?.abort(), []);

  const busy = job.kind === 'loading' || job.kind === 'clearing';

  async function load() {
    const controller = new AbortController();
    loadAbort.current = controller;
    setJob({ kind: 'loading', written: 0, total: 0 });
    try {
      // Let the progress state paint before generation, which runs synchronously.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const portfolio = generateDemoPortfolio({ seed: DEMO_SEED, accounts: size, today: format(new Date(), 'yyyy-MM-dd') });
      await loadDemoData(db, portfolio, {
        signal: controller.signal,
        onProgress: ({ written, total }) => setJob({ kind: 'loading', written, total }),
      });
      setJob({ kind: 'idle' });
    } catch (error) {
      if (controller.signal.aborted) setJob({ kind: 'idle' });
      else setJob({ kind: 'failed', message: `Loading demo data failed, nothing was changed: ${messageOf(error)}` });
    } finally {
      loadAbort.current = null;
    }
  }

  async function clear() {
    setJob({ kind: 'clearing' });
    try {
      await clearDemoData(db);
      setJob({ kind: 'idle' });
    } catch (error) {
      setJob({ kind: 'failed', message: `Removing demo data failed, nothing was changed: ${messageOf(error)}` });
    }
  }

  return (
    <section aria-labelledby="demo-heading" className="mt-8 rounded-lg border border-slate-200 p-5">
      <h2 id="demo-heading" className="text-base font-semibold">
        Demo data
      </h2>
      <p className="mt-1 rounded bg-amber-50 px-3 py-2 text-amber-900">
        Demo data is fictional: made-up companies, people and numbers, generated in your browser. Demo records are
        marked as demo and removing them leaves your own data untouched.
      </p>

      <div className="mt-4 flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Accounts</span>
          <select
            data-testid="demo-size"
            className="rounded border border-slate-300 px-2 py-1.5"
            value={size}
            disabled={busy}
            onChange={(event) => setSize(Number(event.target.value))}
          >
            {SIZES.map((n) => (
              <option key={n} value={n}>
                {formatCount(n)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="load-demo"
          className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
          disabled={busy}
          onClick={load}
        >
          Load demo data
        </button>
        {job.kind === 'loading' && (
          <button
            type="button"
            className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
            onClick={() => loadAbort.current?.abort()}
          >
            Cancel
          </button>
        )}
        <button
          type="button"
          data-testid="clear-demo"
          className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50 disabled:opacity-50"
          disabled={busy}
          onClick={clear}
        >
          Remove demo data
        </button>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        Loading replaces earlier demo data. Larger portfolios take longer: up to a minute for 10,000 accounts.
      </p>

      {job.kind === 'loading' && <LoadProgress written={job.written} total={job.total} />}

      <p data-testid="demo-status" role="status" className="mt-3 font-medium">
        {statusText(job, marker)}
      </p>
      {job.kind === 'failed' && (
        <p data-testid="demo-error" role="alert" className="mt-2 rounded bg-red-50 px-3 py-2 text-red-800">
          {job.message}
        </p>
      )}
    </section>
  );
}

function LoadProgress({ written, total }: { written: number; total: number }) {
  const percent = total === 0 ? 0 : Math.round((100 * written) / total);
  return (
    <div className="mt-3">
      <div
        role="progressbar"
        aria-label="Loading demo data"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {total === 0 ? 'Generating…' : `${formatCount(written)} of ${formatCount(total)} records written`}
      </p>
    </div>
  );
}

function statusText(job: Job, marker: DemoMarker | null | undefined): string {
  if (job.kind === 'loading') return 'Loading demo data…';
  if (job.kind === 'clearing') return 'Removing demo data…';
  if (marker === undefined) return '';
  if (marker === null) return 'No demo data loaded.';
  return `Demo data loaded: ${formatCount(marker.accounts)} accounts`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
