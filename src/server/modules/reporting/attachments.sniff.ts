// What a file is, judged by its bytes alone: the name and the declared type are the sender's word, the magic
// bytes are not. Only the four evidence types are accepted; the others are named so the refusal can say why.

export const ATTACHMENT_TYPES = ['pdf', 'png', 'jpeg', 'xlsx'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const MEDIA_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const EXTENSIONS: Record<AttachmentType, string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  xlsx: ['xlsx'],
};

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const startsWith = (bytes: Buffer, magic: Buffer | number[] | string) =>
  bytes
    .subarray(0, magic.length)
    .equals(typeof magic === 'string' ? Buffer.from(magic, 'latin1') : Buffer.from(magic));

/** The entry names of a ZIP's central directory, or null when the archive's directory cannot be read. */
export function zipEntryNames(bytes: Buffer): string[] | null {
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  // ZIP64 archives (over 65,535 entries or 4 GiB) are far beyond an evidence file: not read.
  if (count === 0xffff || offset === 0xffffffff || offset + size > end) return null;
  const names: string[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > end) return null;
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at = next;
  }
  return names;
}

function isText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) return false;
  try {
    // streaming: a character cut at the sample's end is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The detected type: one of ATTACHMENT_TYPES, or a name for what is refused (`exe`, `zip`, `text`, …). */
export function sniffType(bytes: Buffer): AttachmentType | string {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 'PK\x03\x04')) {
    const names = zipEntryNames(bytes);
    if (!names) return 'zip';
    if (names.includes('[Content_Types].xml') && names.some((name) => name.startsWith('xl/'))) return 'xlsx';
    if (names.includes('[Content_Types].xml') && names.some((name) => name.startsWith('word/')))
      return 'docx';
    return 'zip';
  }
  if (startsWith(bytes, 'MZ')) return 'exe';
  if (startsWith(bytes, '\x7fELF')) return 'elf';
  if (startsWith(bytes, 'GIF8')) return 'gif';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'ole';
  if (isText(bytes)) return 'text';
  return 'unknown';
}

export const isAccepted = (type: string): type is AttachmentType =>
  (ATTACHMENT_TYPES as readonly string[]).includes(type);
