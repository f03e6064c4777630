import { AuditRing } from './audit-ring';

describe('AuditRing', () => {
  it('returns the most recent items newest first, and forgets the oldest past its capacity', () => {
    const ring = new AuditRing<number>(3);
    expect(ring.recent(10)).toEqual([]);
    ring.push(1);
    ring.push(2);
    expect(ring.recent(10)).toEqual([2, 1]);
    for (const n of [3, 4, 5]) ring.push(n);
    expect(ring.recent(10)).toEqual([5, 4, 3]);
    expect(ring.recent(2)).toEqual([5, 4]);
    expect(ring.size).toBe(3);
  });
});
