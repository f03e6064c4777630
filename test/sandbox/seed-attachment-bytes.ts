/** Real file bytes for the seeded attachments: a text file, a valid PNG and a small PDF. */
export const RELEASE_NOTES_TXT = Buffer.from(
  'Release 2.4.0\n\n- Faster search\n- Attachment previews\n- Fixed pagination of child pages\n',
  'utf8',
);

/** A 1x1 transparent PNG (signature, IHDR, IDAT, IEND). */
export const DIAGRAM_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export const REPORT_PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n%', 'latin1'),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
  Buffer.from(
    '\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
      'trailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  ),
]);
