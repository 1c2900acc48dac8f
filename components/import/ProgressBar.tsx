/** A labelled progress bar with counts ("12,000 of 100,000 rows"); indeterminate while the total is unknown. */
export interface ProgressBarProps {
  label: string;
  done: number;
  total?: number;
  unit: string;
  /** Bytes read, shown when the row total is not known yet. */
  bytes?: { read: number; total: number };
  onCancel?: () => void;
}

const number = new Intl.NumberFormat();
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function ProgressBar({ label, done, total, unit, bytes, onCancel }: ProgressBarProps) {
  const fraction = total ? done / total : bytes && bytes.total ? bytes.read / bytes.total : undefined;
  return (
    <div className="my-3 rounded border border-slate-200 bg-slate-50 p-3" role="status" data-testid="import-progress">
      <div className="mb-1 flex items-center justify-between gap-3">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums text-slate-600">
          {number.format(done)}
          {total !== undefined ? ` of ${number.format(total)}` : ''} {unit}
          {bytes ? ` · ${megabytes(bytes.read)} of ${megabytes(bytes.total)}` : ''}
        </span>
      </div>
      <progress className="h-2 w-full" max={1} value={fraction} aria-label={label} />
      {onCancel && (
        <button type="button" className="mt-2 rounded border border-slate-300 px-3 py-1 hover:bg-white" onClick={onCancel} data-testid="import-cancel">
          Cancel
        </button>
      )}
    </div>
  );
}
