import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthErrors } from './auth-errors';
import { ApiKeyRegistry } from './api-key.registry';
import { Caller, CallerRequest, toAuthInfo } from './caller';
import { CallerResolver } from './caller.resolver';
import { presentedKey } from './presented-key';
import { UserCredentials, UserCredentialsError } from './user-credentials';

/**
 * Guards `/mcp` (and, through `RequireScopes`, the admin endpoints): decides who
 * the caller is and attaches it to the request — `request.caller` for Nest code
 * and the SDK's `request.auth` for MCP handlers. With keys configured, a request
 * without a valid one gets 401 and never reaches mcp-nest; without keys (loopback,
 * or MCP_AUTH=none) it acts as the local caller.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly callers: CallerResolver,
    private readonly keys: ApiKeyRegistry,
    private readonly userCredentials: UserCredentials,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    this.authenticateRequest(http.getRequest<Request & CallerRequest>(), http.getResponse<Response>());
    return true;
  }

  /**
   * Attaches the caller to the request, or throws the HTTP refusal. Also run before the
   * body is read (ApiKeyMiddleware); a request already authenticated there passes straight through.
   */
  authenticateRequest(request: Request & CallerRequest, response: Response): void {
    if (request.caller) return;
    const caller = this.withUserCredentials(this.authenticate(request, response), request, response);
    request.caller = caller;
    request.auth = toAuthInfo(caller);
  }

  private authenticate(request: Request, response: Response): Caller {
    if (!this.keys.enabled) return this.callers.local();
    const presented = presentedKey(request.headers);
    if ('missing' in presented) throw AuthErrors.missingKey(response, presented.missing);
    if ('ambiguous' in presented) throw AuthErrors.badRequest(response, presented.ambiguous);
    const client = this.keys.find(presented.key);
    if (!client || client.revoked) {
      if (client) this.logger.warn(`Refused a revoked API key of client ${client.id}`);
      throw AuthErrors.invalidKey(response);
    }
    return this.callers.forClient(client);
  }

  private withUserCredentials(caller: Caller, request: Request, response: Response): Caller {
    try {
      return this.userCredentials.apply(caller, request.headers);
    } catch (error) {
      if (error instanceof UserCredentialsError) throw AuthErrors.badRequest(response, error.message);
      throw error;
    }
  }
}
