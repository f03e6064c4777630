import { decodeBase64Content } from './attachment-base64';

describe('decodeBase64Content', () => {
  const bytes = Buffer.from('hello, attachment\n');
  const encoded = bytes.toString('base64');

  it('decodes standard base64, tolerating line breaks', () => {
    expect(decodeBase64Content(encoded, 100).bytes).toEqual(bytes);
    expect(decodeBase64Content(`${encoded.slice(0, 8)}\n${encoded.slice(8)}\r\n`, 100).bytes).toEqual(bytes);
  });

  it('accepts a data: URL and reports its media type', () => {
    const decoded = decodeBase64Content(`data:Text/Plain;charset=utf-8;base64,${encoded}`, 100);
    expect(decoded.bytes).toEqual(bytes);
    expect(decoded.dataUrlMediaType).toBe('text/plain');
  });

  it('refuses content over the limit by its length, before decoding it', () => {
    const spy = jest.spyOn(Buffer, 'from');
    try {
      expect(() => decodeBase64Content('A'.repeat(4000), 2999)).toThrow(/3000 bytes, more than the 2999-byte upload limit/);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('accepts content exactly at the limit', () => {
    expect(decodeBase64Content(Buffer.alloc(30, 7).toString('base64'), 30).bytes).toHaveLength(30);
  });

  it.each([
    ['/etc/passwd', /multiple of 4/],
    ['/tmp/report.pdf', /"\." at position 11/],
    ['aGVsbG8', /multiple of 4/],
    ['aGV=sbG8', /padding/],
    ['aGVsbG9-', /"-" at position 7/],
    ['aGVsbG9=', /not canonical/],
    ['', /empty/],
  ])('refuses %p', (input, message) => {
    expect(() => decodeBase64Content(input, 100)).toThrow(message);
  });
});
