/**
 * The fixture hosts: one https server on 127.0.0.1 answering for every `*.zendesk.com`, `*.lightning.force.com`
 * and `*.my.salesforce.com` host (Chromium maps those names here with --host-resolver-rules), plus a control API
 * on the 127.0.0.1 host itself for tests running in other processes (see fixture-client.ts).
 *
 * Routes by host:
 * - `SUB.zendesk.com`: `/agent/dashboard`, `/agent/tickets/:id`, `/agent/users/:id`, `/agent/organizations/:id`
 *   (the agent workspace SPA; sets the session cookie) and `/api/v2/…` (401 without the cookie; the ids in
 *   MISBEHAVING_IDS answer 404 / 500 / HTML / hang).
 * - `X.lightning.force.com`: `/lightning/r/{Account|Contact|Opportunity|Case}/:id/view`, `/lightning/r/:id/view`
 *   (`?fixtureRenderAfterMs=N`: the record renders client-side N ms after the page starts).
 * - `X.my.salesforce.com`: `/:id` (Classic record pages).
 * - `127.0.0.1`: `GET /__fixture/health`, `PUT /__fixture/dataset`, `GET /__fixture/requests`.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describeZodError } from '../../lib/messaging/errors';
import { Account, Contact, Opportunity, Ticket } from '../../lib/schemas/records';
import { createSelfSignedCert } from './certs';
import { buildHostModel, MISBEHAVING_IDS, type HostDataset, type HostModel } from './host-model';
import type { SafeHtml } from './html';
import { classicPage, lightningPage, lightningView } from './salesforce';
import { isAgentRoute, LOGIN_PAGE_HTML, SESSION_COOKIE, zendeskApi, zendeskShell } from './zendesk';

const ASSETS_DIR = fileURLToPath(new URL('../../tests/fixtures/hosts/', import.meta.url));
const MAX_DATASET_BYTES = 100 * 1024 * 1024;
const REQUEST_LOG_SIZE = 1000;
/** Query parameter of a Lightning record URL: render the record client-side this many ms after start. */
export const RENDER_AFTER_PARAM = 'fixtureRenderAfterMs';
/** On a Zendesk agent page: an image that answers only after this many ms holds the page's load event back. */
export const HOLD_LOAD_PARAM = 'fixtureHoldLoadMs';
const SLOW_IMAGE_PATH = '/__fixture/slow-image';

/** The tables the fixture hosts read, validated so a broken test data set fails loudly at the start. */
const HostDatasetSchema = z.object({
  accounts: z.array(Account).optional(),
  contacts: z.array(Contact).optional(),
  tickets: z.array(Ticket).optional(),
  opportunities: z.array(Opportunity).optional(),
});

/** Keeps only the tables the hosts use, so a whole portfolio (usage, NPS, …) can be passed as it is. */
export function pickHostTables(dataset: HostDataset): HostDataset {
  const { accounts, contacts, tickets, opportunities } = dataset;
  return { accounts, contacts, tickets, opportunities };
}

export interface FixtureServerOptions {
  dataset?: HostDataset;
  /** 0 (default): a free port. */
  port?: number;
  /** How long the "hang" id keeps a request waiting before answering 504. */
  hangMs?: number;
}

export interface RequestLogEntry {
  at: number;
  method: string;
  host: string;
  /** Path and query. */
  url: string;
  status: number;
  /** The request carried a valid Zendesk session cookie. */
  session: boolean;
}

export interface FixtureServer {
  port: number;
  /** PEM of the self-signed certificate (Node clients pin it with `ca`). */
  cert: string;
  setDataset(dataset: HostDataset): void;
  readonly model: HostModel;
  requests(): RequestLogEntry[];
  close(): Promise<void>;
}

function hostKind(hostname: string): 'zendesk' | 'lightning' | 'classic' | 'control' | 'other' {
  if (/^[a-z0-9-]+\.zendesk\.com$/.test(hostname)) return 'zendesk';
  if (/^[a-z0-9-]+\.lightning\.force\.com$/.test(hostname)) return 'lightning';
  if (/^[a-z0-9-]+\.my\.salesforce\.com$/.test(hostname)) return 'classic';
  if (hostname === '127.0.0.1' || hostname === 'localhost') return 'control';
  return 'other';
}

function cookies(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return jar;
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error(`request body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const { key, cert } = createSelfSignedCert();
  const hangMs = options.hangMs ?? 10_000;
  let model = buildHostModel({});
  const sessions = new Set<string>();
  const log: RequestLogEntry[] = [];
  const hangs = new Set<NodeJS.Timeout>();

  const setDataset = (dataset: HostDataset) => {
    const parsed = HostDatasetSchema.safeParse(pickHostTables(dataset));
    if (!parsed.success) throw new Error(`invalid fixture data set: ${describeZodError(parsed.error)}`);
    model = buildHostModel(parsed.data);
  };
  setDataset(options.dataset ?? {});

  const send = (res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  const sendJson = (res: ServerResponse, status: number, body: unknown) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
  const sendHtml = (res: ServerResponse, status: number, body: SafeHtml, headers?: Record<string, string>) =>
    send(res, status, 'text/html; charset=utf-8', body.value, headers);
  const notFoundPage = (res: ServerResponse) => send(res, 404, 'text/html; charset=utf-8', '<!doctype html><title>Not found</title><h1>404 Not found</h1>');

  async function serveAsset(res: ServerResponse, path: string): Promise<boolean> {
    const m = /^\/__fixture\/assets\/(zendesk|salesforce)\/([a-z-]+\.(js|css))$/.exec(path);
    if (!m) return false;
    try {
      const body = await readFile(`${ASSETS_DIR}${m[1]}/${m[2]}`, 'utf8');
      send(res, 200, m[3] === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8', body);
    } catch {
      notFoundPage(res);
    }
    return true;
  }

  async function serveControl(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method === 'GET' && path === '/__fixture/health') {
      return sendJson(res, 200, {
        ok: true,
        tickets: model.zendesk.tickets.size,
        organizations: model.zendesk.organizations.size,
        salesforceRecords: model.salesforce.records.size,
      });
    }
    if (req.method === 'GET' && path === '/__fixture/requests') return sendJson(res, 200, log);
    if (req.method === 'PUT' && path === '/__fixture/dataset') {
      try {
        setDataset(JSON.parse(await readBody(req, MAX_DATASET_BYTES)) as HostDataset);
        return sendJson(res, 200, { ok: true, tickets: model.zendesk.tickets.size, salesforceRecords: model.salesforce.records.size });
      } catch (error) {
        return sendJson(res, 400, { ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return sendJson(res, 404, { ok: false, error: `no control route ${req.method} ${path}` });
  }

  function serveZendeskApi(req: IncomingMessage, res: ServerResponse, url: URL, hasSession: boolean) {
    if (!hasSession) return sendJson(res, 401, { error: "Couldn't authenticate you" });
    const id = Number(/^\/api\/v2\/(?:tickets|users|organizations)\/(\d+)/.exec(url.pathname)?.[1]);
    switch (id) {
      case MISBEHAVING_IDS.notFound:
        return sendJson(res, 404, { error: 'RecordNotFound', description: 'Not found' });
      case MISBEHAVING_IDS.serverError:
        return sendJson(res, 500, { error: 'InternalServerError', description: 'Something went wrong on our side' });
      case MISBEHAVING_IDS.html:
        return sendHtml(res, 200, LOGIN_PAGE_HTML);
      case MISBEHAVING_IDS.hang: {
        const timer = setTimeout(() => {
          hangs.delete(timer);
          sendJson(res, 504, { error: 'GatewayTimeout', description: 'The request took too long' });
        }, hangMs);
        hangs.add(timer);
        req.once('close', () => {
          clearTimeout(timer);
          hangs.delete(timer);
        });
        return;
      }
    }
    const answer = zendeskApi(model, url.pathname, url.searchParams, url.origin);
    if (!answer) return sendJson(res, 404, { error: 'InvalidEndpoint', description: 'Not found' });
    return sendJson(res, answer.status, answer.body);
  }

  function hasSession(req: IncomingMessage): boolean {
    const token = cookies(req).get(SESSION_COOKIE);
    return token !== undefined && sessions.has(token);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostname = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${hostname}`);
    const path = url.pathname;
    const org = hostname.split('.')[0]!;

    if (await serveAsset(res, path)) return;
    if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (path === SLOW_IMAGE_PATH) {
      const timer = setTimeout(() => {
        hangs.delete(timer);
        send(res, 204, 'image/gif', '');
      }, Math.min(60_000, Number(url.searchParams.get('ms')) || 0));
      hangs.add(timer);
      req.once('close', () => {
        clearTimeout(timer);
        hangs.delete(timer);
      });
      return;
    }
    switch (hostKind(hostname)) {
      case 'control':
        return serveControl(req, res, path);
      case 'zendesk': {
        if (path.startsWith('/api/v2/')) return serveZendeskApi(req, res, url, hasSession(req));
        if (path === '/' || path === '/agent' || path === '/agent/') {
          return send(res, 302, 'text/plain', '', { location: '/agent/dashboard' });
        }
        if (!isAgentRoute(path)) return notFoundPage(res);
        const headers: Record<string, string> = {};
        if (!hasSession(req)) {
          // The signed-in agent's session: what the workspace's own API calls (and a content script's) carry.
          const token = randomBytes(16).toString('hex');
          sessions.add(token);
          headers['set-cookie'] = `${SESSION_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=Lax`;
        }
        const holdLoad = url.searchParams.get(HOLD_LOAD_PARAM);
        const slowImage = holdLoad === null ? undefined : `${SLOW_IMAGE_PATH}?ms=${Number(holdLoad) || 0}`;
        return sendHtml(res, 200, zendeskShell(model, path, url.searchParams, org, slowImage), headers);
      }
      case 'lightning': {
        if (path === '/__fixture/lightning/view') {
          const view = lightningView(model, url.searchParams.get('path') ?? '');
          return sendJson(res, view.found ? 200 : 404, { title: view.title, label: view.label, html: view.html.value });
        }
        if (!path.startsWith('/lightning/r/')) return notFoundPage(res);
        const renderAfter = url.searchParams.get(RENDER_AFTER_PARAM);
        const page = lightningPage(model, path, org, renderAfter === null ? {} : { renderAfterMs: Math.min(30_000, Number(renderAfter) || 0) });
        return sendHtml(res, page.status, page.body);
      }
      case 'classic': {
        const page = classicPage(model, path);
        return page ? sendHtml(res, page.status, page.body) : notFoundPage(res);
      }
      default:
        return notFoundPage(res);
    }
  }

  const server: Server = createServer({ key, cert }, (req, res) => {
    const entry: RequestLogEntry = {
      at: Date.now(),
      method: req.method ?? '',
      host: req.headers.host ?? '',
      url: req.url ?? '',
      status: 0,
      session: hasSession(req),
    };
    res.once('finish', () => {
      log.push({ ...entry, status: res.statusCode });
      if (log.length > REQUEST_LOG_SIZE) log.shift();
    });
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'FixtureServerError', description: String(error) });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server has no port');

  return {
    port: address.port,
    cert,
    setDataset,
    get model() {
      return model;
    },
    requests: () => [...log],
    close: async () => {
      for (const timer of hangs) clearTimeout(timer);
      hangs.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
