/** Which Zendesk agent-workspace page a URL shows. Only these three carry a customer. */
export type ZendeskRoute =
  | { kind: 'ticket'; id: string }
  | { kind: 'user'; id: string }
  | { kind: 'organization'; id: string };

const ROUTES: [RegExp, ZendeskRoute['kind']][] = [
  [/^\/agent\/tickets\/(\d{1,15})(?:\/|$)/, 'ticket'],
  [/^\/agent\/users\/(\d{1,20})(?:\/|$)/, 'user'],
  [/^\/agent\/organizations\/(\d{1,20})(?:\/|$)/, 'organization'],
];

export function parseZendeskRoute(url: string | URL): ZendeskRoute | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname.endsWith('.zendesk.com')) return null;
  for (const [pattern, kind] of ROUTES) {
    const id = pattern.exec(parsed.pathname)?.[1];
    if (id) return { kind, id };
  }
  return null;
}

/** The same-origin API path that describes the customer behind a route. */
export function zendeskApiPath(route: ZendeskRoute): string {
  switch (route.kind) {
    case 'ticket':
      return `/api/v2/tickets/${route.id}.json?include=users,organizations`;
    case 'user':
      return `/api/v2/users/${route.id}.json`;
    case 'organization':
      return `/api/v2/organizations/${route.id}.json`;
  }
}
