/** What an import did: created / updated / unchanged / skipped counts, and the rows that could not be linked. */
import type { ImportSummary } from '@/lib/import/run-import';
import { ProblemList } from './ProblemList';
import { UnlinkedList } from './UnlinkedList';

export interface ImportResultSummaryProps {
  summary: ImportSummary;
  onAnother: () => void;
}

export function ImportResultSummary({ summary, onAnother }: ImportResultSummaryProps) {
  const counts: [string, number, string][] = [
    ['created', summary.created, 'import-created'],
    ['updated', summary.updated, 'import-updated'],
    ['unchanged', summary.unchanged, 'import-unchanged'],
    ['skipped (invalid)', summary.skippedInvalid, 'import-skipped'],
    ['skipped (no account)', summary.unlinkedSkipped, 'import-unlinked-skipped'],
  ];
  const seconds = (summary.timings.analyze + summary.timings.validate + summary.timings.commit) / 1000;
  return (
    <section className="my-3 rounded border border-emerald-300 bg-emerald-50 p-3" data-testid="import-result">
      <h3 className="font-semibold text-emerald-900">
        Imported {summary.fileName} as {summary.kind}
      </h3>
      <dl className="mt-2 grid grid-cols-5 gap-2 text-center">
        {counts.map(([label, value, testId]) => (
          <div key={label} className="rounded bg-white p-2">
            <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
              {value.toLocaleString()}
            </dd>
            <dt className="text-xs text-slate-600">{label}</dt>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        {summary.rowsRead.toLocaleString()} rows read in {seconds.toFixed(1)} s ({summary.encoding}
        {summary.footerRowsDropped > 0 ? `, report footer of ${summary.footerRowsDropped} lines ignored` : ''}).
        {summary.unlinkedStored > 0 && ` ${summary.unlinkedStored.toLocaleString()} imported without an account.`}
      </p>
      <UnlinkedList rows={summary.unlinked} total={summary.unlinkedStored + summary.unlinkedSkipped} rowLabel={summary.rowLabel} testId="import-result-unlinked" />
      <ProblemList title="Skipped rows" problems={summary.problems} total={summary.problemCount} testId="import-result-problems" />
      <button type="button" className="mt-2 rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" onClick={onAnother}>
        Import another file
      </button>
    </section>
  );
}
