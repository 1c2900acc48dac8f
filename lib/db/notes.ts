import { Note } from '../schemas/records';
import type { SightlineDatabase } from './database';

/** Adds a note to an account's timeline; throws a ZodError naming the field when the note is empty or too long. */
export async function addNote(db: SightlineDatabase, input: { accountId: string; author: string; text: string }, now = Date.now()) {
  const note = Note.parse({ id: crypto.randomUUID(), at: now, ...input });
  await db.notes.add(note);
  return note;
}

export function notesOf(db: SightlineDatabase, accountId: string) {
  return db.notes.where('accountId').equals(accountId).reverse().sortBy('at');
}
