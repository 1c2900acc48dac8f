/**
 * Talks to a fixture server running in another process (the e2e global setup's) through its control API on
 * https://127.0.0.1:PORT, pinning the server's self-signed certificate.
 */
import { request } from 'node:https';
import type { RequestLogEntry } from './fixture-server';
import { pickHostTables } from './fixture-server';
import type { HostDataset } from './host-model';

export interface FixtureEndpoint {
  port: number;
  /** The server's certificate (PEM). */
  cert: string;
}

function call(endpoint: FixtureEndpoint, method: string, path: string, body?: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: endpoint.port, method, path, ca: endpoint.cert, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Replaces the data set the fixture hosts serve (only the tables they use are sent). */
export async function setFixtureDataset(endpoint: FixtureEndpoint, dataset: HostDataset): Promise<void> {
  const { status, json } = await call(endpoint, 'PUT', '/__fixture/dataset', JSON.stringify(pickHostTables(dataset)));
  if (status !== 200) throw new Error(`fixture server refused the data set: ${JSON.stringify(json)}`);
}

/** The server's recent requests, oldest first (e.g. to check what a content script asked the host API). */
export async function fixtureRequests(endpoint: FixtureEndpoint): Promise<RequestLogEntry[]> {
  const { json } = await call(endpoint, 'GET', '/__fixture/requests');
  return json as RequestLogEntry[];
}
