import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AuditRecord } from './audit-record';
import { AuditRing } from './audit-ring';
import { AuditSink, createAuditSink } from './audit-sink';

/** The audit trail: every record is written as a JSON line and kept in a bounded ring for `GET /admin/audit`. */
@Injectable()
export class AuditLog implements OnApplicationShutdown {
  private readonly ring: AuditRing<AuditRecord>;
  private readonly sink: AuditSink;

  constructor(config: AppConfig) {
    this.ring = new AuditRing(config.log.audit.ringSize);
    this.sink = createAuditSink(config);
  }

  write(record: AuditRecord): void {
    this.ring.push(record);
    this.sink.logger.info(record, 'tool call');
  }

  /** Up to `limit` of the most recent records, newest first. */
  recent(limit: number): AuditRecord[] {
    return this.ring.recent(limit);
  }

  get capacity(): number {
    return this.ring.capacity;
  }

  onApplicationShutdown(): void {
    this.sink.close();
  }
}
