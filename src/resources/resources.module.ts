import { Module } from '@nestjs/common';
import { McpModule } from '@rekog/mcp-nest';
import { ConfluenceModule } from '../confluence/confluence.module';
import { SERVER_NAME } from '../server-info';
import { ToolsModule } from '../tools/tools.module';
import { ConfluenceResources } from './confluence.resources';

/**
 * MCP resources (resource templates for pages and attachments), registered on
 * the same MCP server as the tools. Reuses the tools' per-call Confluence access
 * and attachment reader, so policy and limits are enforced in one place.
 */
@Module({
  imports: [ConfluenceModule, ToolsModule, McpModule.forFeature([ConfluenceResources], SERVER_NAME)],
  providers: [ConfluenceResources],
})
export class ResourcesModule {}
