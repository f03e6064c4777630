import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { CallerRequest, toAuthInfo } from './caller';
import { CallerResolver } from './caller.resolver';

/**
 * Guards `/mcp`: decides who the caller is and attaches it to the request.
 * Pass-through for now (every request acts as the configured caller); the
 * security work replaces the resolution with API-key identities.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly callers: CallerResolver) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CallerRequest>();
    const caller = this.callers.local();
    request.caller = caller;
    request.auth = toAuthInfo(caller);
    return true;
  }
}
