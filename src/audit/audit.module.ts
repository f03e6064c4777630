import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MCP_PATH } from '../server-info';
import { AuditController } from './audit.controller';
import { AuditFailureProbe, AuditFailures } from './audit-failures';
import { AuditInterceptor } from './audit.interceptor';
import { AuditLog } from './audit-log';
import { AuditRecorder } from './audit-recorder';
import { AuditRequestContext, AuditRequestMiddleware } from './audit-request.context';
import { RejectedCallsAudit } from './rejected-calls.audit';

/**
 * The audit trail of tool calls: the interceptor pair the tools module wraps
 * around every call, the listener for calls refused before a tool ran, the
 * log and ring they write to, and `GET /admin/audit`.
 */
@Module({
  controllers: [AuditController],
  providers: [
    AuditLog,
    AuditRecorder,
    AuditRequestContext,
    AuditFailures,
    AuditInterceptor,
    AuditFailureProbe,
    RejectedCallsAudit,
  ],
  exports: [AuditInterceptor, AuditFailureProbe, AuditLog],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditRequestMiddleware).forRoutes({ path: MCP_PATH, method: RequestMethod.ALL });
  }
}
