import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { callerFromAuthInfo, CallerRequest } from '../auth/caller';
import { CallerResolver } from '../auth/caller.resolver';
import { AppConfig } from '../config/app-config';
import { auditArguments } from './audit-arguments';
import { AuditLog } from './audit-log';
import { AuditOutcome, AuditRecord } from './audit-record';
import { AuditRequestContext } from './audit-request.context';
import { targetsOf, versionsOf } from './audit-targets';

/** What is known about one finished tool call when it is recorded. */
export interface AuditedCall {
  tool: string;
  args: unknown;
  outcome: AuditOutcome;
  errorKind?: string;
  durationMs: number;
  /** The HTTP request, when the caller of `record` has it; otherwise the one of the current `/mcp` request. */
  request?: unknown;
  authInfo?: AuthInfo;
  jsonRpcId?: string | number;
  result?: unknown;
  /** The error the tool threw, if any (for the page version a conflict reports). */
  failure?: unknown;
}

/** Longest tool name or JSON-RPC id recorded: refused calls carry whatever a client sent. */
const MAX_NAME = 200;

type HttpRequest = CallerRequest & { id?: unknown };

/** Turns a finished call into an audit record: who called, in which request, what it touched, how it ended. */
@Injectable()
export class AuditRecorder {
  private readonly logger = new Logger('Audit');
  private readonly transport: AuditRecord['transport'];

  constructor(
    private readonly log: AuditLog,
    private readonly callers: CallerResolver,
    private readonly requests: AuditRequestContext,
    config: AppConfig,
  ) {
    this.transport = config.mcp.transport;
  }

  /** Never throws: a failure to audit is logged as an error, and the call's answer reaches the client unchanged. */
  record(call: AuditedCall): void {
    try {
      this.log.write(this.build(call));
    } catch (error) {
      this.logger.error({ err: error, tool: call.tool.slice(0, MAX_NAME) }, 'Could not write the audit record of a tool call');
    }
  }

  private build(call: AuditedCall): AuditRecord {
    const request = (call.request ?? this.requests.current()) as HttpRequest | undefined;
    const caller = callerFromAuthInfo(call.authInfo) ?? this.callers.fromRequest(request);
    const dryRun = (call.args as { dry_run?: unknown } | undefined)?.dry_run === true;
    return {
      timestamp: new Date(Date.now() - call.durationMs).toISOString(),
      requestId: requestIdOf(request) ?? randomUUID(),
      jsonRpcId: typeof call.jsonRpcId === 'string' ? call.jsonRpcId.slice(0, MAX_NAME) : call.jsonRpcId,
      transport: this.transport,
      client: { id: caller.id, name: caller.name, actingAs: caller.credentials, connection: caller.connection.id },
      tool: call.tool.slice(0, MAX_NAME),
      outcome: call.outcome,
      errorKind: call.errorKind,
      durationMs: Math.round(call.durationMs * 10) / 10,
      targets: targetsOf(call.tool, call.args, call.result),
      arguments: auditArguments(call.args ?? {}),
      versions: versionsOf(call.tool, call.args, call.result, call.failure),
      ...(dryRun ? { dryRun } : {}),
    };
  }
}

/** pino-http's id of the request (from `X-Request-Id`, or generated). */
function requestIdOf(request: HttpRequest | undefined): string | undefined {
  const id = request?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
