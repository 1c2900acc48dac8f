/**
 * Web and email domains as accounts are matched by: lower case, no scheme, no `www.`, no path or port.
 * `https://www.Acme.com/about` → `acme.com`.
 */
const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function normalizeDomain(text: string): string | undefined {
  let value = text.trim().toLowerCase();
  if (!value) return undefined;
  const at = value.lastIndexOf('@');
  if (at >= 0) value = value.slice(at + 1);
  value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#:].*$/, '').replace(/\.$/, '');
  if (value.startsWith('www.')) value = value.slice(4);
  return DOMAIN_PATTERN.test(value) ? value : undefined;
}

/** Splits a cell that may list several domains (`acme.com; acme.io`, `acme.com acme.io`). */
export function splitDomainList(text: string): string[] {
  return text.split(/[\s,;|]+/).filter(Boolean);
}
