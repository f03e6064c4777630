import { booleanInput, limitInput, pageIdInput, parsePageRef, spaceKeyInput, wordInput } from './tool-inputs';

const parsePageId = (value: string | number) => parsePageRef(value)?.id;

describe('parsePageId', () => {
  it.each([
    ['123456', '123456'],
    ['  98305 ', '98305'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/pages/123456/Runbook', '123456'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/pages/123456', '123456'],
    ['https://wiki.example.com/pages/viewpage.action?pageId=777', '777'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/pages/edit-v2/4242', '4242'],
  ])('reads %s as %s', (input, id) => {
    expect(parsePageId(input)).toBe(id);
  });

  it('remembers which site a page URL came from', () => {
    expect(parsePageRef('https://acme.atlassian.net/wiki/spaces/ENG/pages/77/X')).toEqual({ id: '77', origin: 'https://acme.atlassian.net' });
    expect(parsePageRef(' 77 ')).toEqual({ id: '77' });
  });

  it('accepts a positive whole number', () => {
    expect(parsePageId(98305)).toBe('98305');
  });

  it.each(['abc', '12a', '', 'ftp://x/pages/1', 'https://example.com/no-id-here', '-5'])('rejects %p', (input) => {
    expect(parsePageId(input)).toBeUndefined();
  });

  it.each([1.5, -3, 0])('rejects the number %p', (input) => {
    expect(parsePageId(input)).toBeUndefined();
  });
});

describe('input schemas', () => {
  it('explain what a page id should look like', () => {
    const result = pageIdInput.safeParse('my page');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/numeric page id/);
  });

  it('trim space keys and refuse anything but letters, digits and underscore', () => {
    expect(spaceKeyInput.parse(' ENG ')).toBe('ENG');
    expect(spaceKeyInput.parse('~alice')).toBe('~alice');
    expect(spaceKeyInput.safeParse('EN G').success).toBe(false);
    expect(spaceKeyInput.safeParse('ENG"').success).toBe(false);
  });

  it('default limit to 25 and accept a numeric string within 1-100', () => {
    expect(limitInput.parse(undefined)).toBe(25);
    expect(limitInput.parse('40')).toBe(40);
    expect(limitInput.safeParse(0).success).toBe(false);
    expect(limitInput.safeParse(101).success).toBe(false);
    expect(limitInput.safeParse(2.5).success).toBe(false);
  });

  it('read "true"/"false" strings as booleans', () => {
    const flag = booleanInput(false);
    expect(flag.parse('true')).toBe(true);
    expect(flag.parse(undefined)).toBe(false);
    expect(flag.safeParse('maybe').success).toBe(false);
  });
});

describe('wordInput', () => {
  const format = wordInput(['markdown', 'storage', 'text']);

  it('forgives case and whitespace', () => {
    expect(format.parse(' Markdown ')).toBe('markdown');
  });

  it('lists the allowed words when it refuses', () => {
    const result = format.safeParse('html');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('expected one of: markdown, storage, text');
  });
});
