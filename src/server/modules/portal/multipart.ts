// The one multipart/form-data body the portal reads: a form with a single file field, posted without any
// script. Enough of RFC 7578 for what browsers send: parts split by the boundary, each with its headers, the
// file's name taken from its Content-Disposition. Anything else in the body is ignored.

export interface FilePart {
  filename: string;
  content: Buffer;
}

/** The boundary named by a `multipart/form-data` content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  const match = /^multipart\/form-data\s*;.*?boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(
    contentType ?? '',
  );
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** The first part named `field` that carries a file (it has a filename), or null when there is none. */
export function fileFromMultipart(
  body: Buffer,
  contentType: string | undefined,
  field: string,
): FilePart | null {
  const boundary = boundaryOf(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // the first delimiter has no CRLF before it when it starts the body
  let at = body.indexOf(Buffer.from(`--${boundary}`));
  if (at === -1) return null;
  at += boundary.length + 2;
  while (at < body.length) {
    if (body.subarray(at, at + 2).toString() === '--') return null; // the closing delimiter
    const headersEnd = body.indexOf('\r\n\r\n', at);
    if (headersEnd === -1) return null;
    const headers = body.subarray(at, headersEnd).toString('utf8');
    const end = body.indexOf(delimiter, headersEnd + 4);
    if (end === -1) return null;
    const disposition = /content-disposition:\s*form-data([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    if (name === field && filename !== undefined) {
      return { filename: filename.replace(/%22/g, '"'), content: body.subarray(headersEnd + 4, end) };
    }
    at = end + delimiter.length;
  }
  return null;
}
