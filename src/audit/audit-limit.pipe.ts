import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

/** `?limit=` of `GET /admin/audit`: a whole number from 1 to 1000, 100 when absent; anything else is a 400. */
@Injectable()
export class AuditLimitPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    if (value === undefined) return DEFAULT_AUDIT_LIMIT;
    const limit = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : NaN;
    if (limit >= 1 && limit <= MAX_AUDIT_LIMIT) return limit;
    throw new BadRequestException(`limit must be a whole number from 1 to ${MAX_AUDIT_LIMIT}`);
  }
}
