import { format } from 'date-fns';
import { useState } from 'react';
import type { Note } from '@/lib/schemas/records';

export function NotesTimeline(props: { notes: Note[]; olderNotes?: number; onAdd(text: string): Promise<void> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  return (
    <section className="space-y-2" data-testid="notes">
      <form
        className="space-y-1"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            await props.onAdd(text);
            setText('');
            setError(undefined);
          } catch (e) {
            setError(e instanceof Error ? 'Write something first (up to 10,000 characters).' : String(e));
          }
        }}
      >
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={2}
          placeholder="What happened? What's next?"
          className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          data-testid="note-text"
        />
        {error ? <p className="text-xs text-red-700">{error}</p> : null}
        <button type="submit" className="rounded bg-slate-800 px-2 py-1 text-xs font-medium text-white" data-testid="note-add">
          Add note
        </button>
      </form>
      <ol className="space-y-2">
        {props.notes.map((note) => (
          <li key={note.id} className="border-l-2 border-slate-200 pl-2" data-testid="note">
            <p className="text-xs text-slate-500">
              {format(note.at, 'd MMM yyyy HH:mm')}
              {note.author ? ` · ${note.author}` : ''}
            </p>
            <p className="whitespace-pre-wrap text-sm">{note.text}</p>
          </li>
        ))}
      </ol>
      {props.olderNotes ? <p className="text-xs text-slate-500">{props.olderNotes} older note(s) not shown.</p> : null}
    </section>
  );
}
