/** The first rows as they will be imported, with each row's status and what is wrong with it. */
import type { PreviewRow, RowStatus } from '@/lib/import/convert-rows';
import type { FieldSpecs } from '@/lib/import/fields';
import type { RowLabel } from '@/lib/import/problems';

export interface PreviewTableProps {
  rows: readonly PreviewRow[];
  fields: FieldSpecs;
  rowLabel: RowLabel;
}

const STATUS: Record<RowStatus, { text: string; className: string }> = {
  valid: { text: 'ok', className: 'text-emerald-800' },
  invalid: { text: 'invalid', className: 'text-red-800' },
  'unlinked-stored': { text: 'no account', className: 'text-amber-800' },
  'unlinked-skipped': { text: 'no account: skipped', className: 'text-amber-800' },
};

export function PreviewTable({ rows, fields, rowLabel }: PreviewTableProps) {
  const keys = Object.keys(rows[0]?.values ?? {});
  return (
    <div className="my-3 max-h-96 overflow-auto rounded border border-slate-200">
      <table className="w-full border-collapse text-left text-xs" data-testid="import-preview">
        <thead className="sticky top-0 bg-slate-100">
          <tr>
            <th className="px-2 py-1 capitalize">{rowLabel}</th>
            <th className="px-2 py-1">Status</th>
            {keys.map((key) => (
              <th key={key} className="px-2 py-1">
                {fields[key]?.label ?? key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} className="border-t border-slate-100 align-top">
              <td className="px-2 py-1 tabular-nums">{row.row}</td>
              <td className={`px-2 py-1 ${STATUS[row.status].className}`} title={row.messages.join('\n')}>
                {STATUS[row.status].text}
                {row.messages.length > 0 && <div className="max-w-xs text-[11px]">{row.messages.join('; ')}</div>}
              </td>
              {keys.map((key) => (
                <td key={key} className="max-w-[16rem] truncate px-2 py-1">
                  {row.values[key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
