/** A table of number inputs (one row per plan, say), each with its validation message right under it. */
export interface GridColumn<C extends string> {
  key: C;
  label: string;
}

export interface NumberGridProps<R extends string, C extends string> {
  /** Names inputs and test ids: `setting-${id}-${row}-${column}`; errors are looked up at `${id}.${row}.${column}`. */
  id: string;
  caption: string;
  rowHeader: string;
  rows: readonly R[];
  columns: readonly GridColumn<C>[];
  values: Readonly<Record<R, Readonly<Record<C, string>>>>;
  errors: Readonly<Record<string, string>>;
  onChange: (row: R, column: C, value: string) => void;
}

export function NumberGrid<R extends string, C extends string>({ id, caption, rowHeader, rows, columns, values, errors, onChange }: NumberGridProps<R, C>) {
  return (
    <table className="text-left" data-testid={`setting-${id}`}>
      <caption className="pb-1 text-left text-xs text-slate-600">{caption}</caption>
      <thead>
        <tr>
          <th className="pr-3 text-xs font-normal text-slate-500" scope="col">
            {rowHeader}
          </th>
          {columns.map((column) => (
            <th key={column.key} className="pr-3 text-xs font-normal text-slate-500" scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row} className="align-top">
            <th scope="row" className="pr-3 pt-1 font-normal">
              {row}
            </th>
            {columns.map((column) => {
              const path = `${id}.${row}.${column.key}`;
              const error = errors[path];
              const inputId = `${id}-${row}-${column.key}`;
              return (
                <td key={column.key} className="pr-3 pb-1">
                  <input
                    id={inputId}
                    className={`w-20 rounded border px-1.5 py-0.5 ${error ? 'border-red-500 bg-red-50' : 'border-slate-300'}`}
                    inputMode="decimal"
                    aria-label={`${row}: ${column.label}`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${inputId}-error` : undefined}
                    value={values[row][column.key]}
                    data-testid={`setting-${inputId}`}
                    onChange={(event) => onChange(row, column.key, event.target.value)}
                  />
                  {error && (
                    <span id={`${inputId}-error`} className="block max-w-28 text-xs text-red-700" role="alert">
                      {error}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
