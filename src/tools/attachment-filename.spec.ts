import { sanitizeFilename } from './attachment-filename';
import { ToolFailure } from './tool-failure';

describe('sanitizeFilename', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\Desktop\\notes.txt', 'notes.txt'],
    ['/tmp/a/b/diagram.png', 'diagram.png'],
    ['in\u0000voice\u0007.txt', 'invoice.txt'],
    ['what?<is>"this"|*.md', 'whatisthis.md'],
    ['photo\u202Egnp.exe', 'photognp.exe'],
    ['  spaced name.txt  ', 'spaced name.txt'],
    ['trailing dots...', 'trailing dots'],
    ['.env', '.env'],
  ])('turns %p into %p', (raw, clean) => {
    expect(sanitizeFilename(raw)).toBe(clean);
  });

  it.each(['', '../..', 'dir/', '..', '<>|', '\u0001\u0002'])('refuses %p, which has no usable name', (raw) => {
    expect(() => sanitizeFilename(raw)).toThrow(ToolFailure);
    expect(() => sanitizeFilename(raw)).toThrow(/nothing usable left/);
  });

  it('refuses a name longer than Confluence allows', () => {
    expect(() => sanitizeFilename(`${'a'.repeat(300)}.txt`)).toThrow(/at most 255/);
  });
});
