/**
 * Import on the options page: choose a file → kind, column mapping and date order (detected, editable) → preview
 * with validation → commit in one transaction → result. Reading, validating and writing happen in the import
 * worker; this component only holds the user's choices and what the worker reports.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { DateOrderChoices } from '@/components/import/DateOrderChoices';
import { ImportResultSummary } from '@/components/import/ImportResultSummary';
import { MappingTable } from '@/components/import/MappingTable';
import { PreviewTable } from '@/components/import/PreviewTable';
import { ProblemList } from '@/components/import/ProblemList';
import { ProgressBar } from '@/components/import/ProgressBar';
import { UnlinkedList } from '@/components/import/UnlinkedList';
import type { FileAnalysis } from '@/lib/import/analyze-file';
import { blockingIssues, dateColumns, type ImportChoices } from '@/lib/import/convert-file';
import { autoMapColumns } from '@/lib/import/header-mapping';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '@/lib/import/import-kinds';
import { KIND_SPECS } from '@/lib/import/kinds';
import { describeProblem } from '@/lib/import/problems';
import type { ImportProgress, ImportSummary } from '@/lib/import/run-import';
import type { ValidationReport } from '@/lib/import/worker-protocol';
import { ImportCancelled, ImportRequestError, ImportWorkerClient } from './import-client';

type Busy = 'analyze' | 'validate' | 'commit' | undefined;

const PHASE_LABELS: Record<ImportProgress['phase'], { label: string; unit: string }> = {
  analyze: { label: 'Reading the file', unit: 'rows' },
  validate: { label: 'Checking every row', unit: 'rows' },
  commit: { label: 'Saving', unit: 'rows' },
};

function choicesFor(analysis: FileAnalysis, kind: ImportKind): ImportChoices {
  return { kind, mapping: autoMapColumns(analysis.headers, KIND_SPECS[kind].fields), dateOrders: {} };
}

const plural = (count: number, noun: string) => `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;

function messageOf(error: unknown): string {
  if (error instanceof ImportRequestError && error.failure.problem) return describeProblem(error.failure.problem);
  return error instanceof Error ? error.message : String(error);
}

export function ImportSection() {
  const [progress, setProgress] = useState<ImportProgress>();
  const client = useRef<ImportWorkerClient>(undefined);
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<string>();
  const [analysis, setAnalysis] = useState<FileAnalysis>();
  const [choices, setChoices] = useState<ImportChoices>();
  const [report, setReport] = useState<ValidationReport>();
  const [reportIsStale, setReportIsStale] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [summary, setSummary] = useState<ImportSummary>();
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const worker = new ImportWorkerClient(setProgress);
    client.current = worker;
    return () => worker.dispose();
  }, []);

  const issues = useMemo(() => (analysis && choices ? blockingIssues(analysis, choices) : []), [analysis, choices]);
  const dates = useMemo(
    () => (analysis && choices ? dateColumns(analysis, choices.kind, choices.mapping).map((c) => ({ ...c, header: analysis.headers[c.column]! })) : []),
    [analysis, choices],
  );

  async function step<T>(name: Exclude<Busy, undefined>, run: (worker: ImportWorkerClient) => Promise<T>): Promise<T | undefined> {
    setBusy(name);
    setError(undefined);
    setProgress(undefined);
    try {
      return await run(client.current!);
    } catch (caught) {
      setError(caught instanceof ImportCancelled ? 'Cancelled: nothing was written.' : messageOf(caught));
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }

  async function validate(next: ImportChoices) {
    const result = await step('validate', (worker) => worker.validate(next));
    if (result) {
      setReport(result);
      setReportIsStale(false);
      setSkipInvalid(false);
    }
  }

  async function chooseFile(file: File) {
    setAnalysis(undefined);
    setChoices(undefined);
    setReport(undefined);
    setSummary(undefined);
    const result = await step('analyze', (worker) => worker.analyze(file, file.name));
    if (!result) return;
    const initial = choicesFor(result, result.kindGuesses[0]!.kind);
    setAnalysis(result);
    setChoices(initial);
    // When everything was detected, go straight to the preview; otherwise the user answers first.
    if (blockingIssues(result, initial).length === 0) await validate(initial);
  }

  function changeChoices(next: ImportChoices) {
    setChoices(next);
    if (report) setReportIsStale(true);
  }

  async function commit() {
    const result = await step('commit', (worker) => worker.commit(skipInvalid));
    if (result) {
      setSummary(result);
      setReport(undefined);
    }
  }

  function reset() {
    setAnalysis(undefined);
    setChoices(undefined);
    setReport(undefined);
    setSummary(undefined);
    setError(undefined);
    if (fileInput.current) fileInput.current.value = '';
  }

  const spec = choices ? KIND_SPECS[choices.kind] : undefined;
  const canCommit = report && !reportIsStale && !busy && report.validCount > 0 && (report.invalidRows === 0 || skipInvalid);

  return (
    <section className="my-6" aria-labelledby="import-heading">
      <h2 id="import-heading" className="text-lg font-semibold">
        Import
      </h2>
      <p className="text-slate-600">
        Accounts, contacts, usage, tickets, NPS responses, meetings, milestones or opportunities — CSV (Salesforce reports, Zendesk exports,
        spreadsheets) or JSON/NDJSON (Zendesk exports). Nothing is written until you confirm; re-importing a file updates what changed.
      </p>

      <label className="mt-3 block">
        <span className="mr-2 font-medium">File</span>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,text/csv,application/json"
          data-testid="import-file"
          disabled={busy !== undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void chooseFile(file);
          }}
        />
      </label>

      {busy && (
        <ProgressBar
          label={progress ? PHASE_LABELS[progress.phase].label : busy === 'commit' ? 'Saving' : 'Reading the file'}
          done={progress?.done ?? 0}
          total={progress?.total}
          unit={progress ? PHASE_LABELS[progress.phase].unit : 'rows'}
          bytes={progress?.bytesRead !== undefined && progress.totalBytes ? { read: progress.bytesRead, total: progress.totalBytes } : undefined}
          onCancel={() => client.current?.cancel()}
        />
      )}

      {error && (
        <p className="my-3 rounded border border-red-300 bg-red-50 p-2 text-red-900" role="alert" data-testid="import-error">
          {error}
        </p>
      )}

      {analysis && choices && spec && !summary && (
        <div className="mt-4 space-y-3">
          <p className="text-slate-600" data-testid="import-file-info">
            {analysis.fileName}: {analysis.rowCount.toLocaleString()} {analysis.rowLabel}s, {analysis.sniff.format.toUpperCase()}, {analysis.encoding}
            {analysis.delimiter ? `, “${analysis.delimiter === '\t' ? 'tab' : analysis.delimiter}”-separated` : ''}
            {analysis.footerRowsDropped > 0 ? `, report footer of ${analysis.footerRowsDropped} lines ignored` : ''}.
          </p>
          <label className="block">
            <span className="mr-2 font-medium">This file holds</span>
            <select
              data-testid="import-kind"
              className="rounded border border-slate-300 bg-white px-1 py-0.5"
              value={choices.kind}
              disabled={busy !== undefined}
              onChange={(event) => changeChoices(choicesFor(analysis, event.target.value as ImportKind))}
            >
              {IMPORT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {IMPORT_KIND_LABELS[kind]}
                  {kind === analysis.kindGuesses[0]!.kind ? ' (detected)' : ''}
                </option>
              ))}
            </select>
          </label>
          <details open={issues.length > 0 || !report}>
            <summary className="cursor-pointer font-medium">Column mapping</summary>
            <MappingTable
              fields={spec.fields}
              headers={analysis.headers}
              mapping={choices.mapping}
              sampleRows={analysis.sampleRows}
              disabled={busy !== undefined}
              onChange={(field, column) => changeChoices({ ...choices, mapping: { ...choices.mapping, [field]: column } })}
            />
          </details>
          <DateOrderChoices
            columns={dates}
            chosen={choices.dateOrders}
            disabled={busy !== undefined}
            onChoose={(column, order) => {
              const dateOrders = { ...choices.dateOrders };
              if (order) dateOrders[column] = order;
              else delete dateOrders[column];
              changeChoices({ ...choices, dateOrders });
            }}
          />
          {issues.length > 0 && (
            <ul className="list-disc pl-5 text-amber-900" data-testid="import-blocking">
              {issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          )}
          {(!report || reportIsStale) && (
            <button
              type="button"
              className="rounded bg-slate-800 px-3 py-1 text-white disabled:opacity-40"
              disabled={issues.length > 0 || busy !== undefined}
              onClick={() => void validate(choices)}
              data-testid="import-check"
            >
              {report ? 'Check again with these choices' : 'Check rows'}
            </button>
          )}
        </div>
      )}

      {report && analysis && spec && !summary && (
        <div className={`mt-4 ${reportIsStale ? 'opacity-50' : ''}`} data-testid="import-report">
          <h3 className="font-semibold">Preview</h3>
          <p>
            {report.validCount.toLocaleString()} of {report.rowsRead.toLocaleString()} rows are ready: {report.plan.created.toLocaleString()} new,{' '}
            {report.plan.updated.toLocaleString()} changed, {report.plan.unchanged.toLocaleString()} unchanged.
            {report.invalidRows > 0 && <strong className="text-red-800"> {plural(report.invalidRows, 'row')} invalid.</strong>}
          </p>
          {report.notes.length > 0 && (
            <ul className="my-2 list-disc rounded bg-amber-50 p-2 pl-6 text-amber-900" data-testid="import-notes">
              {report.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <PreviewTable rows={report.preview} fields={spec.fields} rowLabel={analysis.rowLabel} />
          <ProblemList title="Invalid rows" problems={report.problems} total={report.problemCount} testId="import-problems" />
          <UnlinkedList rows={report.unlinked} total={report.unlinkedCount} rowLabel={analysis.rowLabel} testId="import-unlinked" />
          {report.invalidRows > 0 && (
            <label className="my-2 block">
              <input type="checkbox" checked={skipInvalid} onChange={(event) => setSkipInvalid(event.target.checked)} data-testid="import-skip-invalid" />{' '}
              Skip the invalid {plural(report.invalidRows, 'row')} and import the rest
            </label>
          )}
          <button
            type="button"
            className="rounded bg-emerald-700 px-4 py-1.5 font-medium text-white disabled:opacity-40"
            disabled={!canCommit}
            onClick={() => void commit()}
            data-testid="import-commit"
          >
            Import {plural(report.validCount, 'row')}
          </button>
        </div>
      )}

      {summary && <ImportResultSummary summary={summary} onAnother={reset} />}
    </section>
  );
}
