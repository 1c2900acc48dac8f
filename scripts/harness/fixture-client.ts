/**
 * Talks to a fixture server running in another process (the e2e global setup's), pinning its self-signed
 * certificate: the control API on https://127.0.0.1:PORT, and the fixture hosts themselves as Chromium reaches them.
 */
import { request, type RequestOptions } from 'node:https';
import type { RequestLogEntry } from './fixture-server';
import { pickHostTables } from './fixture-server';
import type { HostDataset } from './host-model';

export interface FixtureEndpoint {
  port: number;
  /** The server's certificate (PEM). */
  cert: string;
}

export interface FixtureResponse {
  status: number;
  contentType: string;
  body: string;
}

function send(endpoint: FixtureEndpoint, options: RequestOptions, body?: string): Promise<FixtureResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ ...options, host: '127.0.0.1', port: endpoint.port, ca: endpoint.cert }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Requests a fixture host URL from Node (e.g. `https://acme.zendesk.com/api/v2/tickets/1.json`) as Chromium would
 * reach it: connected to the fixture server, with the real host name for TLS and the Host header.
 */
export function fixtureFetch(endpoint: FixtureEndpoint, url: string, headers: Record<string, string> = {}): Promise<FixtureResponse> {
  const { hostname, pathname, search } = new URL(url);
  return send(endpoint, { method: 'GET', servername: hostname, path: pathname + search, headers: { host: hostname, ...headers } });
}

/** Replaces the data set the fixture hosts serve (only the tables they use are sent). */
export async function setFixtureDataset(endpoint: FixtureEndpoint, dataset: HostDataset): Promise<void> {
  const body = JSON.stringify(pickHostTables(dataset));
  const res = await send(endpoint, { method: 'PUT', path: '/__fixture/dataset', headers: { 'content-type': 'application/json' } }, body);
  if (res.status !== 200) throw new Error(`fixture server refused the data set: ${res.body}`);
}

/** The server's recent requests, oldest first (e.g. to check what a content script asked the host API). */
export async function fixtureRequests(endpoint: FixtureEndpoint): Promise<RequestLogEntry[]> {
  const res = await send(endpoint, { method: 'GET', path: '/__fixture/requests' });
  return JSON.parse(res.body) as RequestLogEntry[];
}
