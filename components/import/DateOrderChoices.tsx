/** For each date column: the order found in the data, or a question when every date fits both orders. */
import type { DateColumnState } from '@/lib/import/convert-file';
import type { DateOrder } from '@/lib/import/dates';

export interface DateOrderChoicesProps {
  columns: readonly (DateColumnState & { header: string })[];
  chosen: Readonly<Record<number, DateOrder>>;
  disabled: boolean;
  onChoose: (column: number, order: DateOrder | undefined) => void;
}

const ORDER_LABELS: Record<DateOrder, string> = { MDY: 'month/day/year (3/14/2025)', DMY: 'day/month/year (14/3/2025)' };

export function DateOrderChoices({ columns, chosen, disabled, onChoose }: DateOrderChoicesProps) {
  const relevant = columns.filter(({ decision }) => decision.status !== 'not-needed');
  if (relevant.length === 0) return null;
  return (
    <ul className="my-2 space-y-1" data-testid="import-date-orders">
      {relevant.map(({ column, header, decision }) => (
        <li key={column} className={decision.status === 'ambiguous' && !chosen[column] ? 'rounded bg-amber-50 p-2' : ''}>
          <span className="font-medium">Dates in “{header}”: </span>
          {decision.status === 'detected' && !chosen[column] && <span>{ORDER_LABELS[decision.order]} — {decision.reason}. </span>}
          {decision.status === 'conflicting' && <span className="text-red-800">both orders appear ({decision.reason}). </span>}
          {decision.status === 'ambiguous' && <span className="text-amber-900">{decision.reason}. Which is it? </span>}
          <select
            aria-label={`Date order for ${header}`}
            className="rounded border border-slate-300 bg-white px-1 py-0.5"
            value={chosen[column] ?? ''}
            disabled={disabled}
            onChange={(event) => onChoose(column, event.target.value === '' ? undefined : (event.target.value as DateOrder))}
          >
            <option value="">{decision.status === 'ambiguous' ? '— choose —' : 'as detected'}</option>
            <option value="MDY">{ORDER_LABELS.MDY}</option>
            <option value="DMY">{ORDER_LABELS.DMY}</option>
          </select>
        </li>
      ))}
    </ul>
  );
}
