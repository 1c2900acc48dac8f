/** A titled group of settings fields with an optional note and a group-level error (e.g. weights must add to 100). */
import type { ReactNode } from 'react';

export interface FieldGroupProps {
  title: string;
  note?: ReactNode;
  error?: string;
  testId?: string;
  children: ReactNode;
}

export function FieldGroup({ title, note, error, testId, children }: FieldGroupProps) {
  return (
    <fieldset className={`rounded border p-3 ${error ? 'border-red-400' : 'border-slate-200'}`} data-testid={testId}>
      <legend className="px-1 font-medium">{title}</legend>
      {note && <p className="mb-2 text-xs text-slate-600">{note}</p>}
      <div className="flex flex-wrap gap-4">{children}</div>
      {error && (
        <p className="mt-2 text-sm text-red-700" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
