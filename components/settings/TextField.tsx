/** A labelled input with its validation message right beside it. */
export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  error?: string;
  suffix?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  width?: string;
  onChange: (value: string) => void;
}

export function TextField({ id, label, value, error, suffix, inputMode = 'decimal', width = 'w-20', onChange }: TextFieldProps) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs text-slate-600">
        {label}
      </label>
      <div className="flex items-center gap-1">
        <input
          id={id}
          className={`${width} rounded border px-1.5 py-0.5 ${error ? 'border-red-500 bg-red-50' : 'border-slate-300'}`}
          value={value}
          inputMode={inputMode}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid={`setting-${id}`}
          onChange={(event) => onChange(event.target.value)}
        />
        {suffix && <span className="text-xs text-slate-500">{suffix}</span>}
      </div>
      {error && (
        <span id={`${id}-error`} className="text-xs text-red-700" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
