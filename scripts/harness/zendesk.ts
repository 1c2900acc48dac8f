/**
 * The Zendesk agent workspace imitation: the API's JSON (shaped as in Zendesk's documented examples) and the SPA
 * shell. The shell's script (tests/fixtures/hosts/zendesk/app.js) renders every route from the same-origin API with
 * the agent's session cookie, keeps several ticket tabs in the DOM at once (one visible) and navigates with
 * history.pushState, as the real agent workspace does.
 */
import type { HostModel, ZendeskOrganization, ZendeskTicket, ZendeskUser } from './host-model';
import { html, jsonForScript, type SafeHtml } from './html';

/** Zendesk's session cookie; the API answers 401 without it. */
export const SESSION_COOKIE = '_zendesk_session';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function organizationJson(org: ZendeskOrganization, origin: string) {
  return {
    url: `${origin}/api/v2/organizations/${org.id}.json`,
    id: org.id,
    name: org.name,
    shared_tickets: false,
    shared_comments: false,
    external_id: org.externalId,
    created_at: org.createdAt,
    updated_at: org.createdAt,
    domain_names: org.domainNames,
    details: null,
    notes: null,
    group_id: null,
    tags: [],
    organization_fields: {},
  };
}

function userJson(user: ZendeskUser, origin: string) {
  return {
    id: user.id,
    url: `${origin}/api/v2/users/${user.id}.json`,
    name: user.name,
    email: user.email,
    created_at: user.createdAt,
    updated_at: user.createdAt,
    time_zone: 'Eastern Time (US & Canada)',
    iana_time_zone: 'America/New_York',
    phone: null,
    shared_phone_number: null,
    photo: null,
    locale_id: 1,
    locale: 'en-US',
    organization_id: user.organizationId,
    role: 'end-user',
    verified: true,
    external_id: null,
    tags: [],
    alias: null,
    active: true,
    shared: false,
    shared_agent: false,
    last_login_at: null,
    two_factor_auth_enabled: null,
    signature: null,
    details: '',
    notes: '',
    role_type: null,
    custom_role_id: null,
    moderator: false,
    ticket_restriction: 'requested',
    only_private_comments: false,
    restricted_agent: true,
    suspended: false,
    default_group_id: null,
    report_csv: false,
    user_fields: {},
  };
}

function satisfactionJson(ticket: ZendeskTicket) {
  const score = ticket.satisfaction;
  return score === 'good' || score === 'bad' ? { score, id: ticket.id * 10 + 1, comment: '' } : { score };
}

function ticketJson(ticket: ZendeskTicket, origin: string) {
  return {
    url: `${origin}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    external_id: null,
    via: { channel: 'email', source: { from: {}, to: {}, rel: null } },
    created_at: iso(ticket.createdAt),
    updated_at: iso(ticket.solvedAt ?? ticket.createdAt),
    generated_timestamp: Math.floor((ticket.solvedAt ?? ticket.createdAt) / 1000),
    type: 'question',
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: `${ticket.subject}\n\nSent from the customer's mail client.`,
    priority: ticket.priority,
    status: ticket.status,
    recipient: 'support@acme.zendesk.com',
    requester_id: ticket.requesterId,
    submitter_id: ticket.requesterId,
    assignee_id: 1_900_000_001,
    organization_id: ticket.organizationId,
    group_id: 360_000_000_001,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: [],
    custom_fields: [],
    satisfaction_rating: satisfactionJson(ticket),
    sharing_agreement_ids: [],
    custom_status_id: 1,
    fields: [],
    followup_ids: [],
    ticket_form_id: 1,
    brand_id: 1,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  };
}

const minutes = (value: number | null) => ({ calendar: value, business: value === null ? null : Math.round(value * 0.6) });

function ticketMetricJson(ticket: ZendeskTicket, origin: string) {
  const created = iso(ticket.createdAt);
  const solved = ticket.solvedAt === null ? null : iso(ticket.solvedAt);
  const resolution = ticket.solvedAt === null ? null : Math.round((ticket.solvedAt - ticket.createdAt) / 60_000);
  return {
    url: `${origin}/api/v2/ticket_metrics/${ticket.id}.json`,
    id: ticket.id + 1_000_000,
    ticket_id: ticket.id,
    created_at: created,
    updated_at: solved ?? created,
    group_stations: 1,
    assignee_stations: 1,
    reopens: 0,
    replies: ticket.firstReplyMinutes === null ? 0 : 1,
    assignee_updated_at: solved,
    requester_updated_at: created,
    status_updated_at: solved ?? created,
    initially_assigned_at: created,
    assigned_at: created,
    solved_at: solved,
    latest_comment_added_at: solved ?? created,
    reply_time_in_minutes: minutes(ticket.firstReplyMinutes),
    reply_time_in_seconds: { calendar: ticket.firstReplyMinutes === null ? null : Math.round(ticket.firstReplyMinutes * 60) },
    first_resolution_time_in_minutes: minutes(resolution),
    full_resolution_time_in_minutes: minutes(resolution),
    agent_wait_time_in_minutes: minutes(resolution === null ? null : 0),
    requester_wait_time_in_minutes: minutes(resolution),
    on_hold_time_in_minutes: minutes(0),
    custom_status_updated_at: solved ?? created,
  };
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

const NOT_FOUND: ApiAnswer = { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };

/** Answers a Zendesk API path (`/api/v2/…`, query already split off); undefined when the route is unknown. */
export function zendeskApi(model: HostModel, path: string, query: URLSearchParams, origin: string): ApiAnswer | undefined {
  const { organizations, users, tickets } = model.zendesk;
  let m: RegExpExecArray | null;
  if ((m = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(path))) {
    const ticket = tickets.get(Number(m[1]));
    if (!ticket) return NOT_FOUND;
    const include = new Set((query.get('include') ?? '').split(',').map((s) => s.trim()));
    const body: Record<string, unknown> = { ticket: ticketJson(ticket, origin) };
    if (include.has('users')) {
      const requester = users.get(ticket.requesterId);
      body.users = requester ? [userJson(requester, origin)] : [];
    }
    if (include.has('organizations')) {
      const org = ticket.organizationId === null ? undefined : organizations.get(ticket.organizationId);
      body.organizations = org ? [organizationJson(org, origin)] : [];
    }
    return { status: 200, body };
  }
  if ((m = /^\/api\/v2\/tickets\/(\d+)\/metrics\.json$/.exec(path))) {
    const ticket = tickets.get(Number(m[1]));
    return ticket ? { status: 200, body: { ticket_metric: ticketMetricJson(ticket, origin) } } : NOT_FOUND;
  }
  if ((m = /^\/api\/v2\/users\/(\d+)\.json$/.exec(path))) {
    const user = users.get(Number(m[1]));
    return user ? { status: 200, body: { user: userJson(user, origin) } } : NOT_FOUND;
  }
  if ((m = /^\/api\/v2\/organizations\/(\d+)\.json$/.exec(path))) {
    const org = organizations.get(Number(m[1]));
    return org ? { status: 200, body: { organization: organizationJson(org, origin) } } : NOT_FOUND;
  }
  if ((m = /^\/api\/v2\/users\/(\d+)\/tickets\/requested\.json$/.exec(path))) {
    const id = Number(m[1]);
    if (!users.has(id)) return NOT_FOUND;
    return ticketList([...tickets.values()].filter((t) => t.requesterId === id), origin, query);
  }
  if ((m = /^\/api\/v2\/organizations\/(\d+)\/tickets\.json$/.exec(path))) {
    const id = Number(m[1]);
    if (!organizations.has(id)) return NOT_FOUND;
    return ticketList([...tickets.values()].filter((t) => t.organizationId === id), origin, query);
  }
  if (path === '/api/v2/tickets.json') return ticketList([...tickets.values()], origin, query);
  return undefined;
}

/** A list endpoint with Zendesk's offset pagination (`per_page` ≤ 100, `page` from 1). */
function ticketList(list: ZendeskTicket[], origin: string, query: URLSearchParams): ApiAnswer {
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page')) || 100));
  const page = Math.max(1, Number(query.get('page')) || 1);
  const slice = list.slice((page - 1) * perPage, page * perPage);
  const more = page * perPage < list.length;
  return {
    status: 200,
    body: {
      tickets: slice.map((t) => ticketJson(t, origin)),
      next_page: more ? `${origin}/api/v2/tickets.json?page=${page + 1}&per_page=${perPage}` : null,
      previous_page: page > 1 ? `${origin}/api/v2/tickets.json?page=${page - 1}&per_page=${perPage}` : null,
      count: list.length,
    },
  };
}

/** Paths the agent workspace shell serves (the SPA renders the rest client-side). */
export function isAgentRoute(path: string): boolean {
  return /^\/agent\/(dashboard|tickets\/\d+|users\/\d+|organizations\/\d+)\/?$/.test(path);
}

/**
 * Ticket tabs the shell opens besides the current route. Real agents keep several tickets open; the fixture
 * restores the two tickets after the requested one in data-set order (or the ids in `?tabs=1,2`).
 */
function restoredTabs(model: HostModel, path: string, query: URLSearchParams): string[] {
  const requested = query.get('tabs');
  if (requested !== null) {
    return requested.split(',').filter((id) => /^\d+$/.test(id)).map((id) => `/agent/tickets/${id}`);
  }
  const ids = [...model.zendesk.tickets.keys()];
  const current = /^\/agent\/tickets\/(\d+)/.exec(path)?.[1];
  const at = current === undefined ? -1 : ids.indexOf(Number(current));
  const picked: number[] = [];
  for (let step = 1; step <= ids.length && picked.length < 2; step++) {
    const id = ids[(at + step) % ids.length]!;
    if (String(id) !== current) picked.push(id);
  }
  return picked.map((id) => `/agent/tickets/${id}`);
}

/** The agent workspace's page; `slowImage`, when given, is an image URL that holds the page's load event back. */
export function zendeskShell(model: HostModel, path: string, query: URLSearchParams, subdomain: string, slowImage?: string): SafeHtml {
  const boot = { openTabs: restoredTabs(model, path, query), subdomain };
  return html`<!doctype html>
<html lang="en" class="zendesk-agent">
<head>
<meta charset="utf-8">
<title>Agent Workspace - ${subdomain} - Zendesk</title>
<link rel="stylesheet" href="/__fixture/assets/zendesk/app.css">
</head>
<body>
<div id="root" data-garden-id="chrome.chrome" class="app">
  <nav data-test-id="support-nav" class="app_nav" aria-label="Main navigation">
    <a class="nav-logo" href="/agent/dashboard" title="Zendesk Support">Z</a>
    <a data-test-id="nav-home" href="/agent/dashboard" title="Home">⌂</a>
    <a data-test-id="nav-views" href="/agent/dashboard" title="Views">☰</a>
    <a data-test-id="nav-customers" href="/agent/dashboard" title="Customers">☺</a>
    <a data-test-id="nav-reporting" href="/agent/dashboard" title="Reporting">▤</a>
  </nav>
  <div class="app_body">
    <header data-test-id="header-toolbar" class="app_header">
      <div role="tablist" data-test-id="header-tablist" class="header-tabs"></div>
      <div class="header-tools">
        <input type="search" data-test-id="header-search" placeholder="Search" aria-label="Search">
        <span data-test-id="header-profile" class="avatar" title="Avery Agent">AA</span>
      </div>
    </header>
    <section id="main_panes" class="main_panes" data-test-id="main-panes"></section>
  </div>
</div>
<script type="application/json" id="fixture-boot">${jsonForScript(boot)}</script>
<script src="/__fixture/assets/zendesk/app.js"></script>
${slowImage === undefined ? '' : html`<img src="${slowImage}" alt="" width="1" height="1" style="position:absolute;left:-9999px">`}
</body>
</html>`;
}

/** What Zendesk serves to a browser hitting the API without JSON (here: the misbehaving "HTML" id). */
export const LOGIN_PAGE_HTML = html`<!doctype html><html><head><title>Sign in - Zendesk</title></head>
<body><form action="/access/login" method="post"><h1>Sign in to Zendesk</h1><input name="email"><input name="password" type="password"></form></body></html>`;
