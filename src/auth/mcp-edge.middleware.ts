import { INestApplication } from '@nestjs/common';
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
  return [HostMiddleware, OriginMiddleware, ApiKeyMiddleware].map((type) => {
    const middleware = app.get(type);
    return middleware.use.bind(middleware) as RequestHandler;
  });
}
