import { InvalidRateLimitError, parseRateLimit } from './rate-limit';

describe('parseRateLimit', () => {
  it.each([
    ['100/minute', 100, 60_000],
    ['10/second', 10, 1_000],
    ['10/s', 10, 1_000],
    ['5000/hour', 5000, 3_600_000],
    ['20000/day', 20000, 86_400_000],
    ['300/5min', 300, 300_000],
    [' 7 / Minutes ', 7, 60_000],
  ])('reads %p', (text, limit, periodMs) => {
    expect(parseRateLimit(text)).toMatchObject({ limit, periodMs, text: text.trim() });
  });

  it.each(['', '100', '100/fortnight', '-1/minute', '0/minute', '1.5/minute', '100/0minutes', 'minute/100'])('refuses %p', (text) => {
    expect(() => parseRateLimit(text)).toThrow(InvalidRateLimitError);
  });

  it('lets ten seconds of the rate arrive at once by default, at least 10 and never more than the limit', () => {
    expect(parseRateLimit('600/minute').burst).toBe(100);
    expect(parseRateLimit('100/minute').burst).toBe(17);
    expect(parseRateLimit('1000/hour').burst).toBe(10);
    expect(parseRateLimit('3/minute').burst).toBe(3);
    expect(parseRateLimit('10/second').burst).toBe(10);
  });

  it('takes an explicit burst, capped by the limit', () => {
    expect(parseRateLimit('100/minute', 5).burst).toBe(5);
    expect(parseRateLimit('100/minute', 500).burst).toBe(100);
  });
});
