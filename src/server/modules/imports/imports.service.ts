import { Readable } from 'node:stream';
import { requirePermission } from '../../access/permissions';
import { AppError } from '../../errors';
import type { Ctx } from '../../types';
import { type Progress, runOperation, startOperation } from '../operations/operations.service';
import { workbookToPackage } from './formats/xlsx';
import { importObservationsCsv, rowErrorsToFields } from './observations-import.service';
import { importPackage } from './package-import.service';

export const IMPORT_FORMATS = ['json', 'xlsx', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ImportFormat, string> = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

export interface ImportInput {
  format: ImportFormat;
  filename: string | null;
  body: Buffer;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new AppError('malformed_json', 400, `The file is not valid JSON: ${(error as Error).message}`);
  }
}

/** The work of one import, whatever its format; throws an AppError with every problem found. */
async function runImport(ctx: Ctx, input: ImportInput, progress: Progress): Promise<Record<string, unknown>> {
  const source = input.filename ?? `${input.format} upload`;
  if (input.format === 'csv') {
    return { ...(await importObservationsCsv(ctx, Readable.from([input.body]), { source, progress })) };
  }
  let pkg: unknown;
  if (input.format === 'xlsx') {
    const parsed = await workbookToPackage(input.body);
    if (!parsed.ok) {
      throw new AppError(
        'workbook_invalid',
        422,
        'The workbook has errors; nothing was imported',
        {},
        rowErrorsToFields(parsed.errors),
      );
    }
    pkg = parsed.pkg;
  } else {
    pkg = parseJson(input.body);
  }
  return { ...(await importPackage(ctx, pkg, { source, progress })) };
}

/** Starts an import as a tracked operation; the caller may wait for it to finish. */
export async function startImport(ctx: Ctx, input: ImportInput, onCrash: (error: unknown) => void) {
  requirePermission(ctx.actor, 'imports.run');
  return startOperation(
    ctx,
    { kind: 'import', format: input.format, filename: input.filename },
    (progress) => runImport(ctx, input, progress),
    onCrash,
  );
}

/** Runs an import to its end (the CLI's way), reporting progress as it goes. */
export async function importAndWait(ctx: Ctx, input: ImportInput, onProgress?: Progress) {
  requirePermission(ctx.actor, 'imports.run');
  return runOperation(
    ctx,
    { kind: 'import', format: input.format, filename: input.filename },
    async (progress) =>
      runImport(ctx, input, async (done, total) => {
        await onProgress?.(done, total);
        await progress(done, total);
      }),
  );
}
