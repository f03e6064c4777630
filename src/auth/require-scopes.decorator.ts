import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { Scope } from './api-client';
import { ApiKeyGuard } from './api-key.guard';
import { AuthErrors } from './auth-errors';
import { CallerRequest } from './caller';

const REQUIRED_SCOPES = 'confluence-mcp:required-scopes';

/** Refuses, with 403 insufficient_scope, a caller the ApiKeyGuard attached that lacks a scope. */
function assertScopes(context: ExecutionContext, needed: readonly Scope[]): true {
  const request = context.switchToHttp().getRequest<CallerRequest>();
  const scopes = request.caller?.scopes ?? [];
  if (needed.every((scope) => scopes.includes(scope))) return true;
  throw AuthErrors.insufficientScope(context.switchToHttp().getResponse<Response>(), needed);
}

/** Checks the scopes `RequireScopes` declared on the handler or its controller; runs after ApiKeyGuard. */
@Injectable()
export class ScopesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const needed = this.reflector.getAllAndOverride<Scope[] | undefined>(REQUIRED_SCOPES, [context.getHandler(), context.getClass()]);
    return assertScopes(context, needed ?? []);
  }
}

/**
 * Protects a controller or route outside `/mcp` with API keys and scopes:
 * no or a bad key → 401 (as on /mcp), a key without every listed scope → 403.
 * Use `@RequireScopes('admin')` on admin endpoints.
 */
export function RequireScopes(...scopes: Scope[]): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), UseGuards(ApiKeyGuard, ScopesGuard));
}

/** The same as `@RequireScopes('admin')`, for `@UseGuards(AdminScopeGuard)`. */
@Injectable()
export class AdminScopeGuard implements CanActivate {
  constructor(private readonly apiKeys: ApiKeyGuard) {}

  canActivate(context: ExecutionContext): boolean {
    this.apiKeys.canActivate(context);
    return assertScopes(context, ['admin']);
  }
}
