import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, isLoopback } from '../config/app-config';

/**
 * Says at start-up how `/mcp` is protected, loudly when it is not: MCP_AUTH=none
 * is a legitimate choice only behind an authenticating proxy, and an operator
 * reading the logs must not miss it.
 */
@Injectable()
export class AuthStartupReport implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    const { mcp, auth } = this.config;
    if (mcp.transport !== 'http') return;
    if (auth.mode === 'none') {
      this.logger.warn(
        `AUTHENTICATION IS DISABLED (MCP_AUTH=none): anyone who can reach ${mcp.host}:${mcp.port} can use /mcp with this ` +
          "server's Confluence credentials. Only run like this behind a proxy that authenticates every request.",
      );
    } else if (auth.clients.length === 0 && isLoopback(mcp.host)) {
      this.logger.log('No API keys configured: /mcp accepts local callers only (loopback)');
    } else {
      const revoked = auth.clients.filter((client) => client.revoked).length;
      this.logger.log(`API keys required on /mcp: ${auth.clients.length} client(s) configured, ${revoked} revoked`);
    }
    if (auth.userCredentials === 'header') this.logger.log('Per-user Confluence credentials accepted in X-Confluence-Authorization');
  }
}
