/**
 * One benchmark figure as printed and saved: the measured value next to the floor measured in the same run, the
 * ratio, and the issue's goal. A row passes when every goal it states is met, except an absolute goal below the
 * floor measured in the same run: then the ratio alone is judged, and the result says so.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRow {
  /** The issue the figure belongs to (2, 3, 4, 5, 7). */
  issue: number;
  bench: string;
  metric: string;
  unit: 'ms' | 'KB' | 'MB' | 's' | '%';
  value: number | null;
  /** The same work done the simplest way, measured in the same run. */
  floor?: number | null;
  /** Goal on the absolute value (value ≤ goalMax). */
  goalMax?: number;
  /** Goal on value / floor. */
  goalRatio?: number;
  note?: string;
  /** The benchmark could not measure (the message says why). */
  error?: string;
}

export interface BenchRowResult extends BenchRow {
  ratio: number | null;
  /** null: nothing to judge (no goal, or no value). */
  pass: boolean | null;
  /**
   * The floor itself is above the absolute goal, so no implementation can meet it; as ../shared/TESTING.md says,
   * the ratio to the floor is then the goal, and the row is judged on it alone.
   */
  absoluteBelowFloor: boolean;
}

export function judge(row: BenchRow): BenchRowResult {
  const ratio = row.value !== null && row.floor != null && row.floor > 0 ? row.value / row.floor : null;
  const absoluteBelowFloor = row.goalMax !== undefined && row.goalRatio !== undefined && row.floor != null && row.floor > row.goalMax;
  const checks: boolean[] = [];
  if (row.value !== null && row.goalMax !== undefined && !absoluteBelowFloor) checks.push(row.value <= row.goalMax);
  if (ratio !== null && row.goalRatio !== undefined) checks.push(ratio <= row.goalRatio);
  const failedToMeasure = row.error !== undefined || (row.value === null && (row.goalMax !== undefined || row.goalRatio !== undefined));
  return { ...row, ratio, absoluteBelowFloor, pass: failedToMeasure ? false : checks.length ? checks.every(Boolean) : null };
}

const fmt = (n: number | null | undefined, unit = '') => {
  if (n === null || n === undefined) return '—';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};

function goalText(row: BenchRow): string {
  const parts: string[] = [];
  if (row.goalMax !== undefined) parts.push(`≤ ${row.goalMax} ${row.unit}`);
  if (row.goalRatio !== undefined) parts.push(`≤ ${row.goalRatio}× floor`);
  return parts.join(', ') || 'report';
}

export function formatTable(rows: readonly BenchRowResult[]): string {
  const header = ['issue', 'bench', 'metric', 'value', 'floor', 'ratio', 'goal', 'result'];
  const lines = rows.map((r) => [
    `#${r.issue}`,
    r.bench,
    r.metric,
    fmt(r.value, r.unit),
    r.floor === undefined ? '' : fmt(r.floor, r.unit),
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
    goalText(r),
    (r.error !== undefined ? 'FAILED' : r.pass === null ? '' : r.pass ? 'met' : 'NOT met') + (r.absoluteBelowFloor ? ' (ratio: floor > absolute goal)' : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const notes = rows.filter((r) => r.note || r.error).map((r) => `  ${r.bench} / ${r.metric}: ${r.error ?? r.note}`);
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

/** Writes the run as JSON (timestamped, and as latest.json) and returns the timestamped file's path. */
export function saveResults(dir: string, run: { startedAt: string; options: unknown; environment: unknown; rows: readonly BenchRowResult[] }): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${run.startedAt.replace(/[:.]/g, '-')}.json`);
  const text = `${JSON.stringify(run, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(join(dir, 'latest.json'), text);
  return file;
}
