import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A freshly generated certificate for localhost / 127.0.0.1, and where its files are. */
export interface TestCertificate {
  keyFile: string;
  certFile: string;
  /** The certificate in PEM, for a client to trust it (it is its own CA). */
  pem: string;
  remove(): void;
}

/** Generates a one-day self-signed P-256 certificate with openssl, in a temporary directory. */
export function generateCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-tls-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const subject = ['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'];
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  execFileSync('openssl', ['req', '-x509', '-days', '1', ...key, '-keyout', keyFile, '-out', certFile, ...subject], { stdio: 'pipe' });
  return { keyFile, certFile, pem: readFileSync(certFile, 'utf8'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
