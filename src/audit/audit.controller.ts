import { Controller, Get, Header, Query } from '@nestjs/common';
import { RequireScopes } from '../auth/require-scopes.decorator';
import { AuditLimitPipe } from './audit-limit.pipe';
import { AuditLog } from './audit-log';
import { AuditRecord } from './audit-record';

/** The most recent audit records, for operators holding an admin key. */
@Controller('admin/audit')
@RequireScopes('admin')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  /** `GET /admin/audit?limit=100`: newest first, from the in-memory ring (AUDIT_RING_SIZE records at most). */
  @Get()
  @Header('Cache-Control', 'no-store')
  recent(@Query('limit', AuditLimitPipe) limit: number): { records: AuditRecord[]; capacity: number } {
    return { records: this.audit.recent(limit), capacity: this.audit.capacity };
  }
}
