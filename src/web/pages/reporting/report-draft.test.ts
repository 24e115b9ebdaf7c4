import { describe, expect, it } from 'vitest';
import type { Report } from '../../api/reporting-types';
import { contentOf, draftFromReport, fieldOfPath, itemsNeedingExplanation } from './report-draft';

const report = {
  id: 'r',
  cycle: { id: 'c', strategy: 'MN2013', period: '2010', dueDate: '2099-01-31', state: 'open' },
  organization: { code: 'MEN', name: { fr: 'MEN' } },
  state: 'draft',
  isLate: false,
  scope: {
    nodes: [{ code: 'P1.1', title: {} }],
    indicators: [
      { code: 'MN-I01', name: {}, unit: '%', dimensions: [] },
      { code: 'MN-I28', name: {}, unit: 'x', dimensions: ['region'] },
    ],
    projects: [
      {
        code: 'GENIE-VMM',
        title: {},
        milestones: [{ id: 'm', title: {}, plannedDate: '2010-09-30', actualDate: null }],
      },
    ],
  },
  content: {
    figures: [{ indicator: 'MN-I28', period: '2010', value: 60000 }],
    milestones: [{ milestone: 'm', actualDate: null }],
  },
  evaluations: null,
  comments: null,
  followUps: [],
  submittedAt: null,
  approvedAt: null,
  abilities: { edit: true, submit: true, review: false, reopen: false },
  version: 3,
} as Report;

describe('the report draft', () => {
  it('gives every indicator of the scope a row and sends back what the form does not edit', () => {
    const state = draftFromReport(report);
    expect(state.figures.map((f) => [f.indicator, f.value])).toEqual([
      ['MN-I28', '60000'],
      ['MN-I01', ''],
    ]);
    const first = state.figures[1];
    if (first) first.value = '56,5';
    state.explanations['node:P1.1'] = {
      reasonCode: 'funding',
      narrative: 'n',
      correctiveAction: 'c',
      owner: 'o',
      dueDate: '2011-01-01',
      escalate: true,
    };
    const sent = contentOf(state, report);
    expect(sent.content.figures).toEqual([
      { indicator: 'MN-I28', period: '2010', value: 60000 },
      { indicator: 'MN-I01', period: '2010', value: 56.5 },
    ]);
    expect(sent.content.explanations?.[0]).toMatchObject({ kind: 'node', code: 'P1.1', escalate: true });
    expect(sent.content.milestones).toEqual([{ milestone: 'm', actualDate: null }]);
    expect(sent.content.nodes).toEqual([{ node: 'P1.1', progress: null, state: null }]);
  });

  it('puts each server error path on its field', () => {
    const sent = {
      content: {},
      nodeCodes: ['P1.1'],
      milestoneIds: ['m1'],
      realisationIds: ['c1', 'c2'],
      figureKeys: ['a', 'b'],
      explanationKeys: ['node:P1.1'],
    };
    expect(fieldOfPath('/body/milestones/0/actualDate', sent)).toBe('milestones.m1.actualDate');
    expect(fieldOfPath('/body/realisations/1/commitment', sent)).toBe('realisations.c2.value');
    expect(fieldOfPath('/body/figures/1/value', sent)).toBe('figures.b.value');
    expect(fieldOfPath('/body/figures/0/dimensions/region', sent)).toBe('figures.a.dimensions.region');
    expect(fieldOfPath('/report/figures/MN-I01', sent)).toBe('indicator.MN-I01');
    expect(fieldOfPath('/body/explanations/0/dueDate', sent)).toBe('explanations.node:P1.1.dueDate');
    expect(fieldOfPath('/report/explanations/indicator:MN-I28', sent)).toBe('explanations.indicator:MN-I28');
    expect(fieldOfPath('/body/nodes/0/progress', sent)).toBe('nodes.P1.1.progress');
    expect(fieldOfPath('/body/narrative', sent)).toBe('narrative');
  });

  it('finds the items whose explanation the server asks for, codes with dots included', () => {
    expect(
      itemsNeedingExplanation({
        'explanations.indicator:MN-I28': 'x',
        'explanations.node:P1.1': 'x',
        'explanations.node:P1.1.owner': 'x',
        narrative: 'x',
      }),
    ).toEqual(['indicator:MN-I28', 'node:P1.1']);
  });
});
