import { Type } from '@sinclair/typebox';
import { serializePackage } from '../../../domain/package/canonical';
import { ctxOf } from '../../context';
import { ProblemResponses, StringEnum } from '../../schemas';
import type { App } from '../../types';
import { packageToWorkbook } from './formats/xlsx';
import { CONTENT_TYPES } from './imports.service';
import { exportStrategy } from './package-export.service';

export default async function exportRoutes(app: App) {
  app.get(
    '/api/strategies/:code/export',
    {
      schema: {
        tags: ['imports'],
        summary: 'Export a strategy as a package (JSON) or workbook (XLSX)',
        params: Type.Object({ code: Type.String() }),
        querystring: Type.Object({
          format: StringEnum(['json', 'xlsx'] as const, { default: 'json' } as never),
        }),
        response: { ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const pkg = await exportStrategy(ctxOf(app, request), request.params.code);
      const name = `marsad-${pkg.strategy.code}`;
      if (request.query.format === 'xlsx') {
        return reply
          .type(CONTENT_TYPES.xlsx)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await packageToWorkbook(pkg));
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.json"`)
        .send(serializePackage(pkg));
    },
  );
}
