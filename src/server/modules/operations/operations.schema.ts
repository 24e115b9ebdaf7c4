import { Type } from '@sinclair/typebox';
import { Nullable } from '../../schemas';

export const Operation = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: Type.String({ enum: ['queued', 'running', 'succeeded', 'failed'] }),
  format: Nullable(Type.String()),
  filename: Nullable(Type.String()),
  done: Type.Integer(),
  total: Nullable(Type.Integer()),
  summary: Nullable(Type.Record(Type.String(), Type.Unknown())),
  errors: Nullable(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
  createdAt: Type.Unknown(),
  finishedAt: Type.Unknown(),
});
