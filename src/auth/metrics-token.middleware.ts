import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { sha256 } from './keys/api-key-hash';
import { sameDigest } from './keys/same-digest';

/**
 * `/metrics` is anonymous unless METRICS_TOKEN is set; then it needs
 * `Authorization: Bearer <token>`, compared in constant time (as hashes, so
 * lengths never differ), and anything else gets 401 with a Bearer challenge.
 */
@Injectable()
export class MetricsTokenMiddleware implements NestMiddleware {
  private readonly expected?: Buffer;

  constructor(config: AppConfig) {
    this.expected = config.auth.metricsToken === undefined ? undefined : sha256(config.auth.metricsToken);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (!this.expected) return next();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (match && sameDigest(sha256(match[1]), this.expected)) return next();
    res.setHeader('WWW-Authenticate', `Bearer realm="metrics"${match ? ', error="invalid_token"' : ''}`);
    res.status(401).json({ error: match ? 'invalid_token' : 'unauthorized', error_description: 'Send the METRICS_TOKEN as "Authorization: Bearer <token>".' });
  }
}
