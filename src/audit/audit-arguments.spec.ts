import { createHash } from 'node:crypto';
import { auditArguments } from './audit-arguments';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('auditArguments', () => {
  it('keeps short plain fields and replaces bodies, file content and queries by length + SHA-256', () => {
    const args = { page_id: { id: '42' }, title: 'Plan', body: 'hi', content_base64: 'aGk=', cql: 'type = page', limit: 5, dry_run: true };
    expect(auditArguments(args)).toEqual({
      page_id: { id: '42' },
      title: 'Plan',
      body: { length: 2, sha256: sha256('hi') },
      content_base64: { length: 4, sha256: sha256('aGk=') },
      cql: { length: 11, sha256: sha256('type = page') },
      limit: 5,
      dry_run: true,
    });
  });

  it('digests any long string, wherever it is', () => {
    const long = 'x'.repeat(201);
    expect(auditArguments({ title: long, nested: [long] })).toEqual({
      title: { length: 201, sha256: sha256(long) },
      nested: [{ length: 201, sha256: sha256(long) }],
    });
  });

  it('bounds depth, list length and key count, and keeps __proto__ a plain field', () => {
    const deep = { a: { b: { c: { d: { e: 1 } } } } };
    expect(auditArguments(deep)).toEqual({ a: { b: { c: { d: { object: 1 } } } } });
    const list = auditArguments({ labels: Array.from({ length: 60 }, (_, i) => i) }) as { labels: unknown[] };
    expect(list.labels).toHaveLength(51);
    expect(list.labels[50]).toEqual({ omitted: 10 });
    const wide = auditArguments(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i]))) as Record<string, unknown>;
    expect(Object.keys(wide)).toHaveLength(51);
    const hostile = auditArguments(JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(hostile)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
