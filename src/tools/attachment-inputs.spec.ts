import { attachmentIdInput, parseAttachmentRef } from './attachment-inputs';

describe('parseAttachmentRef', () => {
  it.each([
    ['att229377', { id: 'att229377' }],
    [' ATT229377 ', { id: 'att229377' }],
    ['229377', { id: 'att229377' }],
    [229377, { id: 'att229377' }],
  ])('reads %p as an id', (input, ref) => {
    expect(parseAttachmentRef(input)).toEqual(ref);
  });

  it('reads the attachment id from a preview link and a v2 API URL, remembering the site', () => {
    expect(parseAttachmentRef('https://acme.atlassian.net/wiki/spaces/D/pages/98310/X?preview=/98310/229378/a.png')).toEqual({
      id: 'att229378',
      origin: 'https://acme.atlassian.net',
    });
    expect(parseAttachmentRef('https://acme.atlassian.net/wiki/api/v2/attachments/att5?include-labels=true')).toEqual({
      id: 'att5',
      origin: 'https://acme.atlassian.net',
    });
  });

  it('reads the page and decoded file name from a download URL', () => {
    expect(parseAttachmentRef('https://wiki.example.com/download/attachments/98310/quarterly%20report.pdf?version=1&api=v2')).toEqual({
      pageId: '98310',
      filename: 'quarterly report.pdf',
      origin: 'https://wiki.example.com',
    });
  });

  it.each(['', 'abc', 'att', 'att12x', 'file:///etc/passwd', 'https://example.com/no/attachment', 1.5, 0, -2])('rejects %p', (input) => {
    expect(parseAttachmentRef(input)).toBeUndefined();
  });

  it('explains what an attachment id looks like', () => {
    const result = attachmentIdInput.safeParse('report.pdf');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/attachment id such as "att123456"/);
  });
});
