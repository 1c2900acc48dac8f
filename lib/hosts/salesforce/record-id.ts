/**
 * Salesforce record ids. A 15-character id is case-sensitive; the 18-character form appends three characters
 * that encode the case of each 5-character chunk, so 18-character ids survive case-insensitive handling
 * (spreadsheets, URLs typed by hand). Sightline stores and compares canonical 18-character ids only.
 */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-5]{3})?$/;

function caseSuffix(base15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = base15.charCodeAt(chunk * 5 + i);
      if (ch >= 65 && ch <= 90) bits |= 1 << i; // an upper-case letter sets its bit
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** Re-applies the letter case an 18-character id's suffix records, whatever case the id arrived in. */
function restoreCase(id18: string): string {
  const suffix = id18.slice(15).toUpperCase();
  let base = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX_ALPHABET.indexOf(suffix[chunk]!);
    for (let i = 0; i < 5; i++) {
      const ch = id18[chunk * 5 + i]!;
      base += bits & (1 << i) ? ch.toUpperCase() : ch.toLowerCase();
    }
  }
  return base + suffix;
}

/**
 * The canonical 18-character id for a 15- or 18-character id, or null when the text is not a Salesforce id.
 * A 15-character id is taken as written (its case is meaningful); an 18-character one in any case is restored.
 */
export function toSalesforceId18(id: string): string | null {
  const trimmed = id.trim();
  if (!ID_PATTERN.test(trimmed)) return null;
  if (trimmed.length === 15) return trimmed + caseSuffix(trimmed);
  return restoreCase(trimmed);
}

/** The object a record id belongs to, from its 3-character key prefix (the ones Sightline reads). */
export function salesforceObjectOf(id: string): 'Account' | 'Contact' | 'Opportunity' | 'Case' | 'Other' {
  switch (id.slice(0, 3)) {
    case '001':
      return 'Account';
    case '003':
      return 'Contact';
    case '006':
      return 'Opportunity';
    case '500':
      return 'Case';
    default:
      return 'Other';
  }
}
