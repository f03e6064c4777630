import { readFileSync } from 'node:fs';
import type { HttpsOptions } from '@nestjs/common/interfaces/external/https-options.interface';
import { createSecureContext } from 'node:tls';
import { HttpSettings } from '../config/app-config';
import { InvalidEnvironmentError } from '../config/environment';

/**
 * The key and certificate HTTPS serves, read once at start-up, or undefined
 * for plain HTTP. A file that cannot be read, or a pair that does not make a
 * usable TLS context, stops start-up naming the variable, never the contents.
 */
export function httpsOptions(http: HttpSettings): HttpsOptions | undefined {
  if (!http.tls) return undefined;
  const key = readPem('TLS_KEY_FILE', http.tls.keyFile);
  const cert = readPem('TLS_CERT_FILE', http.tls.certFile);
  try {
    createSecureContext({ key, cert });
  } catch (error) {
    throw new InvalidEnvironmentError([`TLS_KEY_FILE, TLS_CERT_FILE: not a usable key and certificate pair (${codeOf(error)})`]);
  }
  return { key, cert };
}

function readPem(variable: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InvalidEnvironmentError([`${variable}: cannot read ${path} (${codeOf(error)})`]);
  }
}

/** The error's code (ENOENT, ERR_OSSL_…), which says what is wrong without quoting key material. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'invalid';
}
