import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { McpModule, McpTransportType, Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { AuditFailureProbe } from '../src/audit/audit-failures';
import { AuditInterceptor } from '../src/audit/audit.interceptor';
import { AuditModule } from '../src/audit/audit.module';
import { AuthModule } from '../src/auth/auth.module';
import { CancellationScope } from '../src/common/cancellation-scope';
import { RejectedToolCalls } from '../src/common/rejected-tool-calls';
import { ToolCallHooksModule } from '../src/common/tool-call-hooks.module';
import { AppConfig } from '../src/config/app-config';
import { AppConfigModule } from '../src/config/app-config.module';
import { validateEnvironment } from '../src/config/environment';
import { cancellationServerMutator } from '../src/tools/cancellation.mutator';
import { rejectionsServerMutator } from '../src/tools/rejections.mutator';
import { ToolErrorsInterceptor } from '../src/tools/tool-errors.interceptor';
import { TOOL_INTERCEPTORS } from '../src/tools/tool-interceptors.constants';
import { ToolInvocationExplorer } from '../src/tools/tool-invocation.explorer';
import { postMcp, toolCallBody } from './support/raw-mcp';

/**
 * The two outcomes no real tool produces on purpose — a protocol error escaping the
 * tool, and a bug the error edge hides — shown on probe tools wrapped exactly as the
 * real ones are (metrics aside): audit, the error edge, the failure probe.
 */
@Injectable()
class ProbeTools {
  @Tool({ name: 'probe_protocol_error', description: 'throws an McpError', parameters: z.object({ page_id: z.string() }) })
  protocolError(): never {
    throw new McpError(ErrorCode.InvalidRequest, 'refused by the probe');
  }

  @Tool({ name: 'probe_bug', description: 'throws a plain Error', parameters: z.object({}) })
  bug(): never {
    throw new Error('a bug in the probe');
  }
}

@Module({
  imports: [DiscoveryModule, AuditModule, McpModule.forFeature([ProbeTools], 'probe')],
  providers: [
    ProbeTools,
    ToolErrorsInterceptor,
    {
      provide: TOOL_INTERCEPTORS,
      useFactory: (audit: AuditInterceptor, errors: ToolErrorsInterceptor, probe: AuditFailureProbe) => [audit, errors, probe],
      inject: [AuditInterceptor, ToolErrorsInterceptor, AuditFailureProbe],
    },
    ToolInvocationExplorer,
  ],
})
class ProbeModule {}

describe('audit of thrown calls and unexpected failures', () => {
  const auditFile = join(mkdtempSync(join(tmpdir(), 'audit-probe-')), 'audit.log');
  const config = AppConfig.fromEnvironment(
    validateEnvironment({
      CONFLUENCE_URL: 'https://wiki.example.com',
      CONFLUENCE_PERSONAL_TOKEN: 'unused',
      MCP_TRANSPORT: 'http',
      AUDIT_LOG_FILE: auditFile,
    }),
  );
  const hooks = { cancellation: new CancellationScope(), rejections: new RejectedToolCalls() };

  it('records a protocol error as thrown and a bug as an error of kind internal, once each', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(config),
        AuthModule,
        ToolCallHooksModule.forRoot(hooks),
        ProbeModule,
        McpModule.forRoot({
          name: 'probe',
          version: '1',
          transport: McpTransportType.STREAMABLE_HTTP,
          streamableHttp: { statelessMode: true, enableJsonResponse: true, sessionIdGenerator: undefined },
          serverMutator: (server) => cancellationServerMutator(hooks.cancellation)(rejectionsServerMutator(hooks.rejections)(server)),
          logging: false,
        }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    try {
      const thrown = await postMcp(base, toolCallBody('call-1', 'probe_protocol_error', { page_id: '42' }));
      expect(thrown.json).toMatchObject({ id: 'call-1', error: { code: ErrorCode.InvalidRequest } });
      const bug = await postMcp(base, toolCallBody('call-2', 'probe_bug', {}));
      expect(bug.json).toMatchObject({ id: 'call-2', result: { isError: true } });

      const records = readFileSync(auditFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
      expect(records).toHaveLength(2);
      expect(records[0]).toMatchObject({
        jsonRpcId: 'call-1',
        tool: 'probe_protocol_error',
        outcome: 'thrown',
        errorKind: 'protocol',
        client: { id: 'local' },
        targets: { pageId: '42' },
      });
      expect(records[1]).toMatchObject({ jsonRpcId: 'call-2', tool: 'probe_bug', outcome: 'error', errorKind: 'internal' });
    } finally {
      await app.close();
    }
  });
});
