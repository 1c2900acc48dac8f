/** Which column feeds each field of the chosen kind; required fields are marked, each shows a sample value. */
import type { Cell } from '@/lib/import/cell';
import { cellText } from '@/lib/import/cell';
import type { FieldSpecs } from '@/lib/import/fields';
import type { ColumnMapping } from '@/lib/import/header-mapping';

export interface MappingTableProps {
  fields: FieldSpecs;
  headers: readonly string[];
  mapping: ColumnMapping;
  sampleRows: readonly (readonly Cell[])[];
  disabled: boolean;
  onChange: (field: string, column: number | null) => void;
}

function sampleOf(rows: readonly (readonly Cell[])[], column: number): string {
  for (const row of rows) {
    const text = cellText(row[column]).trim();
    if (text) return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  }
  return '';
}

export function MappingTable({ fields, headers, mapping, sampleRows, disabled, onChange }: MappingTableProps) {
  const used = new Set(Object.values(mapping).filter((column): column is number => column !== null));
  return (
    <table className="w-full border-collapse text-left" data-testid="import-mapping">
      <thead>
        <tr className="border-b border-slate-300 text-slate-600">
          <th className="py-1 pr-3 font-medium">Field</th>
          <th className="py-1 pr-3 font-medium">Column in the file</th>
          <th className="py-1 font-medium">First value</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(fields).map(([key, field]) => {
          const column = mapping[key] ?? null;
          return (
            <tr key={key} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-3">
                <label htmlFor={`map-${key}`}>
                  {field.label}
                  {field.required && <span className="text-red-700" title="required"> *</span>}
                </label>
                {field.hint && <div className="text-xs text-slate-500">{field.hint}</div>}
              </td>
              <td className="py-1 pr-3">
                <select
                  id={`map-${key}`}
                  className="w-full rounded border border-slate-300 bg-white px-1 py-0.5"
                  value={column === null ? '' : String(column)}
                  disabled={disabled}
                  onChange={(event) => onChange(key, event.target.value === '' ? null : Number(event.target.value))}
                >
                  <option value="">— not in this file —</option>
                  {headers.map((header, index) => (
                    <option key={index} value={index} disabled={used.has(index) && index !== column}>
                      {header}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-1 text-slate-600">{column === null ? '' : sampleOf(sampleRows, column)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
