import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { HttpSettings } from '../config/app-config';

/** One year, the value HSTS preload lists expect. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Security headers on every response (helmet), tuned for a JSON API that no
 * browser should frame, render or cache: no content at all may load from an
 * answer, no framing, no referrer. HSTS only when this process serves TLS
 * itself; behind a TLS-terminating proxy that header is the proxy's to send.
 */
export function securityHeaders(http: HttpSettings): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: http.tls ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    }),
    noStore,
  ];
}

/** Answers carry Confluence content that may be confidential: no shared or browser cache may keep them. */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
