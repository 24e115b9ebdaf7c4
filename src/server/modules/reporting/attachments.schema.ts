import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum, Uuid } from '../../schemas';
import { ATTACHMENT_TYPES } from './attachments.sniff';

export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid });

export const UploadQuery = Type.Object({
  filename: Type.String({
    minLength: 1,
    maxLength: 255,
    description: 'the file’s name, as shown to readers',
  }),
});

export const Attachment = Type.Object({
  id: Uuid,
  filename: Type.String(),
  type: StringEnum(ATTACHMENT_TYPES, { description: 'detected from the bytes, not from the name' }),
  size: Type.Integer({ description: 'bytes' }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  uploader: Nullable(Type.Object({ id: Uuid, username: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
});
