import { Injectable } from '@nestjs/common';
import { RejectedCall, RejectedToolCalls, RejectionReason } from '../common/rejected-tool-calls';
import { toolTraits } from '../tools/tool-catalog';
import { AuditOutcome } from './audit-record';
import { AuditRecorder } from './audit-recorder';

/**
 * Records the calls answered before any tool ran, which the interceptors never
 * see: arguments that failed validation, tools the caller's policy hides
 * (refused exactly like unknown ones, but a known name means policy), unknown tools,
 * and calls refused by the rate limit.
 */
@Injectable()
export class RejectedCallsAudit {
  constructor(rejections: RejectedToolCalls, recorder: AuditRecorder) {
    rejections.listen((_tool, reason, call) => recorder.record({ ...facts(reason, call), tool: call.name }));
  }
}

function facts(reason: RejectionReason, call: RejectedCall) {
  const outcome: AuditOutcome = reason === 'unknown_tool' ? (toolTraits(call.name) ? 'refused' : 'unknown_tool') : reason;
  const errorKind = outcome === 'refused' ? 'policy' : outcome;
  return { args: call.args, outcome, errorKind, durationMs: call.durationMs, authInfo: call.authInfo, jsonRpcId: call.requestId };
}
