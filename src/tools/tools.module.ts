import { Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { McpModule } from '@rekog/mcp-nest';
import { AuditFailureProbe } from '../audit/audit-failures';
import { AuditInterceptor } from '../audit/audit.interceptor';
import { AuditModule } from '../audit/audit.module';
import { ConfluenceModule } from '../confluence/confluence.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ToolMetricsInterceptor } from '../metrics/tool-metrics.interceptor';
import { SERVER_NAME } from '../server-info';
import { AttachmentReader } from './attachment-reader';
import { AttachmentsTools } from './attachments.tools';
import { CommentsTools } from './comments.tools';
import { ConfluenceAccess } from './confluence-access';
import { DisconnectSignals } from './disconnect-signals';
import { CommentWritesTools } from './comment-writes.tools';
import { HistoryTools } from './history.tools';
import { LabelWritesTools } from './label-writes.tools';
import { LabelsTools } from './labels.tools';
import { PageEditsTools } from './page-edits.tools';
import { PageMovesTools } from './page-moves.tools';
import { PageTreeTools } from './page-tree.tools';
import { PagesTools } from './pages.tools';
import { SearchTools } from './search.tools';
import { SpacesTools } from './spaces.tools';
import { ToolErrorsInterceptor } from './tool-errors.interceptor';
import { TOOL_INTERCEPTORS } from './tool-interceptors.constants';
import { ToolInvocationExplorer } from './tool-invocation.explorer';

const TOOLS = [
  SearchTools,
  PagesTools,
  PageTreeTools,
  SpacesTools,
  CommentsTools,
  AttachmentsTools,
  LabelsTools,
  HistoryTools,
  PageEditsTools,
  PageMovesTools,
  CommentWritesTools,
  LabelWritesTools,
];

const PROVIDERS: Provider[] = [
  ...TOOLS,
  ConfluenceAccess,
  AttachmentReader,
  DisconnectSignals,
  ToolErrorsInterceptor,
  {
    provide: TOOL_INTERCEPTORS,
    useFactory: (metrics: ToolMetricsInterceptor, audit: AuditInterceptor, errors: ToolErrorsInterceptor, failures: AuditFailureProbe) => [
      metrics,
      audit,
      errors,
      failures,
    ],
    inject: [ToolMetricsInterceptor, AuditInterceptor, ToolErrorsInterceptor, AuditFailureProbe],
  },
  ToolInvocationExplorer,
];

/**
 * The MCP tools, and the interceptors wrapped around every call, outermost
 * first: metrics and audit see what the client sees; errors become `isError`
 * results; innermost, the audit's probe notes what a tool threw before that.
 * Registered with mcp-nest through `forFeature`, since tools live outside the `forRoot` module.
 */
@Module({
  imports: [DiscoveryModule, ConfluenceModule, MetricsModule, AuditModule, McpModule.forFeature(TOOLS, SERVER_NAME)],
  providers: PROVIDERS,
  exports: [ConfluenceAccess, AttachmentReader],
})
export class ToolsModule {}
