import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MCP_PATH } from '../server-info';
import { ProtocolVersionMiddleware } from './protocol-version.middleware';
import { SingleMessageMiddleware } from './single-message.middleware';

/**
 * The `/mcp` checks that belong to the transport rather than to identity:
 * the MCP-Protocol-Version header, and one JSON-RPC message per request (no batches). (Helmet, CORS, the body limit and TLS sit
 * on the Express app itself, see app.factory.ts; Host and Origin in AuthModule.)
 */
@Module({})
export class HttpEdgeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ProtocolVersionMiddleware, SingleMessageMiddleware).forRoutes({ path: MCP_PATH, method: RequestMethod.ALL });
  }
}
