import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../context';
import { ProblemResponses } from '../../schemas';
import type { App } from '../../types';
import { addMilestone, removeMilestone, updateMilestone } from './projects.milestones.service';
import {
  MilestoneAdd,
  MilestoneParams,
  MilestonePatch,
  Project,
  ProjectInput,
  ProjectParams,
  ProjectPatch,
  ProjectQuery,
  VersionQuery,
} from './projects.schema';
import { createProject, deleteProject, getProject, listProjects, updateProject } from './projects.service';

const tags = ['projects'];
const StrategyParams = Type.Pick(ProjectParams, ['code']);
const scoped =
  'Needs `projects.manage`; a strategy office scoped to an organization may only touch the projects its ' +
  'organization (or one below it) owns.';
const ok = { 200: Project, ...ProblemResponses };

export default async function projectRoutes(app: App) {
  const ctx = (request: FastifyRequest) => ctxOf(app, request);
  const one = '/api/strategies/:code/projects/:projectCode';

  app.get(
    '/api/strategies/:code/projects',
    {
      schema: {
        tags,
        summary: 'Projects of a strategy (public unless the strategy is a draft)',
        params: StrategyParams,
        querystring: ProjectQuery,
        response: { 200: Type.Object({ items: Type.Array(Project) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listProjects(ctx(request), request.params.code, request.query) }),
  );

  app.get(
    one,
    { schema: { tags, summary: 'One project with its milestones', params: ProjectParams, response: ok } },
    (request) => getProject(ctx(request), request.params.code, request.params.projectCode),
  );

  app.post(
    '/api/strategies/:code/projects',
    {
      schema: {
        tags,
        summary: 'Create a project',
        description: scoped,
        params: StrategyParams,
        body: ProjectInput,
        response: { 201: Project, ...ProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createProject(ctx(request), request.params.code, request.body)),
  );

  app.patch(
    one,
    {
      schema: {
        tags,
        summary: 'Edit a project',
        description: scoped,
        params: ProjectParams,
        body: ProjectPatch,
        response: ok,
      },
    },
    (request) => updateProject(ctx(request), request.params.code, request.params.projectCode, request.body),
  );

  app.delete(
    one,
    {
      schema: {
        tags,
        summary: 'Delete a project (soft)',
        description: scoped,
        params: ProjectParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const { code, projectCode } = request.params;
      await deleteProject(ctx(request), code, projectCode, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${one}/milestones`,
    {
      schema: {
        tags,
        summary: 'Add a milestone at the end (returns the project)',
        description: scoped,
        params: ProjectParams,
        body: MilestoneAdd,
        response: { 201: Project, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const { code, projectCode } = request.params;
      return reply.code(201).send(await addMilestone(ctx(request), code, projectCode, request.body));
    },
  );

  app.patch(
    `${one}/milestones/:milestoneId`,
    {
      schema: {
        tags,
        summary: 'Edit a milestone: title, planned and actual dates (returns the project)',
        description: scoped,
        params: MilestoneParams,
        body: MilestonePatch,
        response: ok,
      },
    },
    (request) => {
      const { code, projectCode, milestoneId } = request.params;
      return updateMilestone(ctx(request), code, projectCode, milestoneId, request.body);
    },
  );

  app.delete(
    `${one}/milestones/:milestoneId`,
    {
      schema: {
        tags,
        summary: 'Remove a milestone (returns the project)',
        description: scoped,
        params: MilestoneParams,
        querystring: VersionQuery,
        response: ok,
      },
    },
    (request) => {
      const { code, projectCode, milestoneId } = request.params;
      return removeMilestone(ctx(request), code, projectCode, milestoneId, request.query.version);
    },
  );
}
