import { effectiveMediaType, isTextType, toPayload } from './attachment-content';

describe('attachment content', () => {
  it.each(['text/plain', 'text/csv', 'application/json', 'application/xml', 'image/svg+xml', 'application/vnd.api+json', 'application/yaml', 'application/javascript'])(
    'reads %s as text',
    (type) => {
      expect(isTextType(type)).toBe(true);
    },
  );

  it.each(['image/png', 'application/pdf', 'application/octet-stream', 'application/zip'])('does not read %s as text', (type) => {
    expect(isTextType(type)).toBe(false);
  });

  it('delivers images as images, text as text and everything else as base64', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    expect(toPayload('image/png', png)).toEqual({ kind: 'image', mimeType: 'image/png', base64: png.toString('base64') });
    expect(toPayload('text/markdown', Buffer.from('# Hi ✓'))).toEqual({ kind: 'text', mimeType: 'text/markdown', text: '# Hi ✓' });
    expect(toPayload('image/svg+xml', Buffer.from('<svg/>'))).toMatchObject({ kind: 'text', text: '<svg/>' });
    expect(toPayload('application/pdf', png)).toMatchObject({ kind: 'blob', base64: png.toString('base64') });
  });

  it('keeps text that is not UTF-8 as base64 rather than mangling it', () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
    expect(toPayload('text/plain', latin1)).toEqual({ kind: 'blob', mimeType: 'text/plain', base64: latin1.toString('base64') });
  });

  it('uses the declared media type without parameters, else the file name', () => {
    expect(effectiveMediaType('Text/Plain; charset=UTF-8', 'x.bin')).toBe('text/plain');
    expect(effectiveMediaType('application/octet-stream', 'data.csv')).toBe('text/csv');
    expect(effectiveMediaType(undefined, 'unknown.zzz')).toBe('application/octet-stream');
  });
});
