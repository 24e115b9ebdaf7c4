import { describe, expect, it } from 'vitest';
import { boundaryOf, fileFromMultipart } from './multipart';

const CRLF = '\r\n';
const body = (boundary: string, parts: string[]) =>
  Buffer.from(
    `${parts.map((p) => `--${boundary}${CRLF}${p}${CRLF}`).join('')}--${boundary}--${CRLF}`,
    'binary',
  );

describe('reading the file of a multipart form', () => {
  const type = 'multipart/form-data; boundary=----WebKitFormBoundaryAbC123';
  const b = '----WebKitFormBoundaryAbC123';

  it('finds the boundary, quoted or not', () => {
    expect(boundaryOf(type)).toBe(b);
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(boundaryOf('application/json')).toBeNull();
    expect(boundaryOf(undefined)).toBeNull();
  });

  it('takes the named file part with its name and exact bytes, after other fields', () => {
    const bytes = '%PDF-1.4\r\n--not-the-boundary\r\n\u00ff\u0000%%EOF';
    const parsed = fileFromMultipart(
      body(b, [
        `Content-Disposition: form-data; name="version"${CRLF}${CRLF}3`,
        `Content-Disposition: form-data; name="file"; filename="r%22apport.pdf"${CRLF}Content-Type: application/pdf${CRLF}${CRLF}${bytes}`,
      ]),
      type,
      'file',
    );
    expect(parsed?.filename).toBe('r"apport.pdf');
    expect(parsed?.content.equals(Buffer.from(bytes, 'binary'))).toBe(true);
  });

  it('answers null when no file was chosen or the body is not multipart', () => {
    const none = body(b, [`Content-Disposition: form-data; name="other"${CRLF}${CRLF}x`]);
    expect(fileFromMultipart(none, type, 'file')).toBeNull();
    const empty = body(b, [
      `Content-Disposition: form-data; name="file"; filename=""${CRLF}Content-Type: application/octet-stream${CRLF}${CRLF}`,
    ]);
    expect(fileFromMultipart(empty, type, 'file')).toEqual({ filename: '', content: Buffer.alloc(0) });
    expect(fileFromMultipart(Buffer.from('{}'), 'application/json', 'file')).toBeNull();
  });
});
