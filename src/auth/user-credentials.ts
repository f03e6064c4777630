import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppConfig } from '../config/app-config';
import { ConfluenceAuth } from '../confluence/confluence.types';
import { Caller } from './caller';

/** The header a caller puts its own Confluence credentials in (CONFLUENCE_USER_CREDENTIALS=header). */
export const USER_CREDENTIALS_HEADER = 'x-confluence-authorization';

/** Why a request's user credentials cannot be used; the guard answers 400 with it. */
export class UserCredentialsError extends Error {}

/**
 * Per-user Confluence credentials: with CONFLUENCE_USER_CREDENTIALS=header a
 * caller may send `X-Confluence-Authorization: Bearer <PAT>` or `Basic <base64
 * user:token>`, and that call runs as that Confluence user, so Confluence
 * enforces the user's own permissions. Only the credentials come from the
 * header — never the site (no SSRF). The connection id carries an HMAC of the
 * credential under a per-process secret, so nothing cached for one identity
 * (API clients, space ids) can be served to another, and the id reveals nothing
 * about the token if it ever appears in a log.
 */
@Injectable()
export class UserCredentials {
  private readonly enabled: boolean;
  private readonly secret = randomBytes(32);

  constructor(config: AppConfig) {
    this.enabled = config.auth.userCredentials === 'header';
  }

  /** The caller as this request acts: with the user's own connection when it sent credentials. */
  apply(caller: Caller, headers: IncomingHttpHeaders): Caller {
    const raw = headers[USER_CREDENTIALS_HEADER];
    if (raw === undefined) return caller;
    if (!this.enabled) {
      throw new UserCredentialsError('this server does not accept X-Confluence-Authorization (CONFLUENCE_USER_CREDENTIALS is off); remove the header');
    }
    if (Array.isArray(raw)) throw new UserCredentialsError('send one X-Confluence-Authorization header, not several');
    const auth = parseCredentials(raw);
    const fingerprint = createHmac('sha256', this.secret).update(raw.trim()).digest('base64url').slice(0, 22);
    return { ...caller, credentials: 'user', connection: { ...caller.connection, id: `user:${fingerprint}`, auth } };
  }
}

function parseCredentials(value: string): ConfluenceAuth {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (bearer) return { kind: 'bearer', token: bearer[1] };
  const basic = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(value);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator > 0 && separator < decoded.length - 1) {
      return { kind: 'basic', username: decoded.slice(0, separator), apiToken: decoded.slice(separator + 1) };
    }
  }
  throw new UserCredentialsError('X-Confluence-Authorization must be "Bearer <personal access token>" or "Basic <base64 of user:api-token>"');
}
