import { windowBody } from './body-window';

describe('windowBody', () => {
  it('returns the whole body when it fits', () => {
    expect(windowBody('hello', 0, 10)).toEqual({ body: 'hello', body_offset: 0, body_total_chars: 5, truncated: false });
  });

  it('cuts at max_chars from the offset and says so', () => {
    expect(windowBody('abcdefghij', 2, 3)).toEqual({ body: 'cde', body_offset: 2, body_total_chars: 10, truncated: true });
  });

  it('clamps an offset past the end', () => {
    expect(windowBody('abc', 99, 5)).toEqual({ body: '', body_offset: 3, body_total_chars: 3, truncated: false });
  });

  it('never splits a surrogate pair', () => {
    const text = 'a😀b';
    expect(windowBody(text, 0, 2).body).toBe('a');
  });
});
