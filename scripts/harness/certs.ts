/**
 * A throw-away self-signed certificate for the fixture server. The real hosts are https-only (and the content
 * scripts' match patterns say https), so the fixtures must be served over TLS; Chromium is told to accept the
 * certificate with --ignore-certificate-errors, Node clients pin it with `ca`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CERT_HOSTS = ['*.zendesk.com', '*.lightning.force.com', '*.my.salesforce.com'] as const;

export interface FixtureCert {
  key: string;
  cert: string;
}

export function createSelfSignedCert(): FixtureCert {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-cert-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const subjectAltName = [...CERT_HOSTS.map((host) => `DNS:${host}`), 'IP:127.0.0.1'].join(',');
  try {
    // An EC key is generated in milliseconds; RSA-2048 takes noticeably longer on a 2-core machine.
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-nodes', '-days', '2',
        '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
        '-keyout', keyPath, '-out', certPath,
        '-subj', '/CN=Sightline fixture hosts',
        '-addext', `subjectAltName=${subjectAltName}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
  } catch (error) {
    throw new Error(`could not make the fixture certificate with openssl: ${String(error)}`);
  } finally {
    // The server keeps key and certificate in memory; nothing needs the files afterwards.
    rmSync(dir, { recursive: true, force: true });
  }
}
