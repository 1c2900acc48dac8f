/**
 * One value of one imported row, before it is interpreted: CSV gives strings, JSON also numbers, booleans,
 * null and lists of strings (Zendesk `domain_names`, `tags`).
 */
export type Cell = string | number | boolean | null | undefined | readonly string[];

/** Empty means "no value": missing, null, blank text or an empty list. */
export function isEmptyCell(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') return cell.trim() === '';
  if (Array.isArray(cell)) return cell.length === 0;
  return false;
}

/** The cell as it is shown in previews and error messages. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (Array.isArray(cell)) return cell.join(', ');
  return String(cell);
}
