import { INestApplication, NestMiddleware, Type } from '@nestjs/common';
import type { RequestHandler } from 'express';
import { ApiKeyMiddleware } from './api-key.middleware';
import { HostMiddleware } from './host.middleware';
import { OriginMiddleware } from './origin.middleware';

/**
 * The checks in front of `/mcp`, in order — Host (DNS rebinding), Origin, API key —
 * as plain Express handlers, so the app can mount them before the JSON body parser:
 * a request refused at the door never has its body read.
 */
export function mcpEdgeMiddleware(app: INestApplication): RequestHandler[] {
  return handlers(app, [HostMiddleware, OriginMiddleware, ApiKeyMiddleware]);
}

/**
 * The Host check in front of the admin endpoints: on loopback without keys the local caller is
 * an admin, so a DNS-rebinding page must not reach `/admin/audit` under a foreign Host name.
 */
export function adminEdgeMiddleware(app: INestApplication): RequestHandler[] {
  return handlers(app, [HostMiddleware]);
}

function handlers(app: INestApplication, types: Type<NestMiddleware>[]): RequestHandler[] {
  return types.map((type) => {
    const middleware = app.get(type);
    return middleware.use.bind(middleware) as RequestHandler;
  });
}
