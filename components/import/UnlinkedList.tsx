/** Rows whose account could not be found: stored without an account (tickets, contacts) or skipped (the rest). */
import type { UnlinkedRow } from '@/lib/import/convert-rows';
import type { RowLabel } from '@/lib/import/problems';

export interface UnlinkedListProps {
  rows: readonly UnlinkedRow[];
  total: number;
  rowLabel: RowLabel;
  testId: string;
}

const SHOWN = 50;

export function UnlinkedList({ rows, total, rowLabel, testId }: UnlinkedListProps) {
  if (total === 0) return null;
  return (
    <section className="my-3" data-testid={testId}>
      <h4 className="font-medium text-amber-900">Rows not linked to an account ({total.toLocaleString()})</h4>
      <ul className="mt-1 max-h-60 list-disc overflow-auto pl-5 text-amber-950">
        {rows.slice(0, SHOWN).map((row) => (
          <li key={row.row}>
            {rowLabel} {row.row}: {row.reason} — {row.stored ? 'imported without an account' : 'skipped'}
          </li>
        ))}
      </ul>
      {total > Math.min(rows.length, SHOWN) && <p className="text-slate-600">…and {(total - Math.min(rows.length, SHOWN)).toLocaleString()} more.</p>}
    </section>
  );
}
