import { Injectable, NestMiddleware } from '@nestjs/common';
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import type { NextFunction, Request, Response } from 'express';
import { jsonRpcError } from './json-rpc-error';

/**
 * Refuses a `/mcp` request whose MCP-Protocol-Version header names a version
 * this server does not speak (MCP spec: 400 Bad Request). The SDK transport
 * checks the header too, but only on requests after `initialize` and only on
 * the paths it handles itself; here every method and message is covered the
 * same way. A request without the header is left to the SDK, which assumes
 * the spec's default version.
 */
@Injectable()
export class ProtocolVersionMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const version = req.headers['mcp-protocol-version'];
    if (version === undefined || SUPPORTED_PROTOCOL_VERSIONS.includes(String(version))) return next();
    const shown = String(version).slice(0, 64);
    const message = `Bad Request: unsupported MCP-Protocol-Version ${shown} (supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}).`;
    res.status(400).json(jsonRpcError(-32000, message));
  }
}
