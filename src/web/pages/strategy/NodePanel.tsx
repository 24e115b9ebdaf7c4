import type { I18nText } from '../../../domain/i18n';
import type { IndicatorSummary, Level, TreeNode } from '../../api/strategy-types';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { basisLabels, methodLabel, nodeStateLabels, policyLabels } from '../../components/labels';
import { ProgressBar, StatusBadge, StatusDistribution } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';
import { NodeActions, type NodeActionsProps } from './NodeActions';

interface Props extends Omit<NodeActionsProps, 'node'> {
  node: TreeNode;
  levels: Level[];
  indicators: Map<string, IndicatorSummary>;
  thresholds: { onTrack: number; atRisk: number };
}

/** The selected node: what it is, where it stands, how that was computed, and what can be done with it. */
export function NodePanel({ node, levels, indicators, thresholds, ...actions }: Props) {
  const { t } = useI18n();
  const format = useFormat();
  const level = levels.find((l) => l.key === node.level);
  const states = nodeStateLabels(t);
  return (
    <section className="card node-panel" aria-labelledby="node-panel-title">
      <p className="eyebrow">
        <LocalText text={level?.name as I18nText | undefined} fallback={node.level} /> ·{' '}
        <code>{node.code}</code>
      </p>
      <h2 id="node-panel-title">
        <LocalText text={node.title} />
      </h2>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('tree.status')}</dt>
          <dd>
            <StatusBadge status={node.status} />
          </dd>
        </div>
        <div>
          <dt>{t('tree.progress')}</dt>
          <dd>
            <ProgressBar value={node.progress} status={node.status} />
          </dd>
        </div>
        <div>
          <dt>{t('nodes.weight')}</dt>
          <dd>{format.number(node.weight)}</dd>
        </div>
        {(node.plannedStart || node.plannedEnd) && (
          <div>
            <dt>{t('nodes.planned')}</dt>
            <dd>
              {format.date(node.plannedStart)} – {format.date(node.plannedEnd)}
            </dd>
          </div>
        )}
        {node.state && (
          <div>
            <dt>{t('nodes.stateLabel')}</dt>
            <dd>{states[node.state] ?? node.state}</dd>
          </div>
        )}
        {node.owner && (
          <div>
            <dt>{t('nodes.owner')}</dt>
            <dd>
              <code>{node.owner}</code>
            </dd>
          </div>
        )}
        {node.children.length > 0 && (
          <div className="facts-wide">
            <dt>{t('nodes.subtree')}</dt>
            <dd>
              <StatusDistribution counts={node.statusCounts ?? { [node.status]: 1 }} />
            </dd>
          </div>
        )}
      </dl>
      {node.indicators.length > 0 && (
        <>
          <h3>{t('nodes.indicators')}</h3>
          <ul className="plain-list">
            {node.indicators.map((code) => {
              const indicator = indicators.get(code);
              return (
                <li key={code}>
                  <Link href={href('indicator', { code })}>
                    <code>{code}</code> {indicator ? <LocalText text={indicator.name} /> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <NodeComputation node={node} thresholds={thresholds} />
      <NodeActions node={node} levels={levels} {...actions} />
    </section>
  );
}

/** "How was this computed?" for a node: the basis, the method in words, the figures used and the thresholds. */
function NodeComputation({
  node,
  thresholds,
}: {
  node: TreeNode;
  thresholds: { onTrack: number; atRisk: number };
}) {
  const { t } = useI18n();
  const format = useFormat();
  const components = node.components;
  const policy = String(components?.inputs?.policy ?? '');
  const fromIndicators = (components?.inputs?.indicators ?? []) as { achievement: number | null }[];
  return (
    <details className="how">
      <summary>{t('how.title')}</summary>
      <p>{basisLabels(t)[node.basis] ?? node.basis}</p>
      {components && (
        <dl className="facts facts-compact">
          <div>
            <dt>{t('how.method')}</dt>
            <dd>{methodLabel(t, components.method)}</dd>
          </div>
          {fromIndicators.length > 0 && (
            <div>
              <dt>{t('how.inputs')}</dt>
              <dd>{fromIndicators.map((i) => format.percent(i.achievement)).join(' ; ')}</dd>
            </div>
          )}
          {policy && (
            <div>
              <dt>{t('tree.policy.label')}</dt>
              <dd>{policyLabels(t)[policy] ?? policy}</dd>
            </div>
          )}
          <div className="facts-wide">
            <dt>{t('how.thresholds')}</dt>
            <dd>
              {t('how.thresholdsText', {
                onTrack: format.percent(thresholds.onTrack, 0),
                atRisk: format.percent(thresholds.atRisk, 0),
              })}
            </dd>
          </div>
          {components.formula && (
            <div className="facts-wide">
              <dt>{t('how.formula')}</dt>
              <dd>
                <code dir="ltr" className="formula">
                  {components.formula}
                </code>
              </dd>
            </div>
          )}
        </dl>
      )}
    </details>
  );
}
