import { BadRequestException, ForbiddenException, HttpException, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';

/** The realm every challenge names, so clients can tell this server's keys from other credentials. */
export const AUTH_REALM = 'confluence-mcp';

const HOW_TO_SEND = 'Send your API key as "Authorization: Bearer <key>" or "X-API-Key: <key>".';

/**
 * The refusals of the auth layer, as RFC 6750 describes them: a `WWW-Authenticate:
 * Bearer` challenge (with `error` once credentials were sent) and a JSON body
 * that tells a person what to send. Never echoes what the caller sent.
 */
export const AuthErrors = {
  /** No key at all: the challenge carries no error code (RFC 6750 §3.1). */
  missingKey(response: Response, detail: string): HttpException {
    response.setHeader('WWW-Authenticate', `Bearer realm="${AUTH_REALM}"`);
    return new UnauthorizedException({ error: 'unauthorized', error_description: `This server requires an API key (${detail}). ${HOW_TO_SEND}` });
  },

  /** An unknown or revoked key; both answer the same, so probing learns nothing. */
  invalidKey(response: Response): HttpException {
    response.setHeader('WWW-Authenticate', `Bearer realm="${AUTH_REALM}", error="invalid_token", error_description="The API key is not valid"`);
    return new UnauthorizedException({
      error: 'invalid_token',
      error_description: `The API key is not valid (unknown or revoked). ${HOW_TO_SEND}`,
    });
  },

  /** Credentials that cannot be read (two keys, a malformed X-Confluence-Authorization, …). */
  badRequest(response: Response, detail: string): HttpException {
    response.setHeader('WWW-Authenticate', `Bearer realm="${AUTH_REALM}", error="invalid_request"`);
    return new BadRequestException({ error: 'invalid_request', error_description: detail });
  },

  /** A valid key without the scope an endpoint needs (RFC 6750 §3.1: 403 insufficient_scope). */
  insufficientScope(response: Response, needed: readonly string[]): HttpException {
    const scope = needed.join(' ');
    response.setHeader('WWW-Authenticate', `Bearer realm="${AUTH_REALM}", error="insufficient_scope", scope="${scope}"`);
    return new ForbiddenException({
      error: 'insufficient_scope',
      error_description: `This endpoint needs an API key with the ${needed.join(', ')} scope.`,
    });
  },
};
