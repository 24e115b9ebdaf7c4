import type { PlanTree, Strategy } from '../../api/strategy-types';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { strategyStateLabels } from '../../components/labels';
import { ProgressBar, StatusBadge, StatusDistribution } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';
import { FiscalCalendarFact } from './FiscalCalendarFact';

/** The header of a strategy page: what it is, when, how it is structured, and where it stands. */
export function StrategySummary({
  strategy,
  tree,
  full,
  onChanged,
}: {
  strategy: Strategy;
  /** Called after the strategy itself was changed here (its fiscal calendar). */
  onChanged(): void;
  tree: PlanTree | undefined;
  /** With the vision and the status of each top-level branch (the plan section); else the key facts only. */
  full: boolean;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const states = strategyStateLabels(t);
  return (
    <section className="strategy-summary" aria-label={t('strategy.summary')}>
      <div className="summary-grid">
        <dl className="facts">
          <div>
            <dt>{t('strategy.period')}</dt>
            <dd>
              {t('strategies.period', {
                start: format.date(strategy.periodStart),
                end: format.date(strategy.periodEnd),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('strategy.state')}</dt>
            <dd>
              <span className={`state-badge state-${strategy.state}`}>
                {states[strategy.state] ?? strategy.state}
              </span>
            </dd>
          </div>
          <FiscalCalendarFact strategy={strategy} onChanged={onChanged} />
          <div>
            <dt>{t('strategy.levels')}</dt>
            <dd>
              <ol className="levels">
                {strategy.levels.map((level) => (
                  <li key={level.key}>
                    <LocalText text={level.name} fallback={level.key} />
                  </li>
                ))}
              </ol>
            </dd>
          </div>
          {strategy.predecessor && (
            <div>
              <dt>{t('strategies.predecessor')}</dt>
              <dd>
                <Link href={href('strategy', { code: strategy.predecessor })}>{strategy.predecessor}</Link>
              </dd>
            </div>
          )}
          {strategy.successors.length > 0 && (
            <div>
              <dt>{t('strategies.successors')}</dt>
              <dd>
                {strategy.successors.map((code, i) => (
                  <span key={code}>
                    {i > 0 && ', '}
                    <Link href={href('strategy', { code })}>{code}</Link>
                  </span>
                ))}
              </dd>
            </div>
          )}
        </dl>
        <div className="overall">
          <h2 className="overall-title">{t('strategy.overall')}</h2>
          {tree ? (
            <>
              <p className="overall-status">
                <StatusBadge status={tree.status} />{' '}
                <ProgressBar value={tree.progress} status={tree.status} />
              </p>
              <p className="muted small">{t('strategy.asOf', { date: format.date(tree.asOf) })}</p>
            </>
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </div>
      </div>
      {full && strategy.vision && (
        <div className="vision">
          <h2>{t('strategy.vision')}</h2>
          <LocalText as="p" text={strategy.vision} />
        </div>
      )}
      {full && tree && tree.nodes.length > 0 && (
        <div className="table-wrap distribution-table">
          <table>
            <caption>{t('strategy.distributionCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tree.node')}</th>
                <th scope="col">{t('tree.status')}</th>
                <th scope="col">{t('tree.progress')}</th>
                <th scope="col">{t('strategy.distribution')}</th>
              </tr>
            </thead>
            <tbody>
              {tree.nodes.map((node) => (
                <tr key={node.code}>
                  <th scope="row">
                    <code>{node.code}</code> <LocalText text={node.title} />
                  </th>
                  <td>
                    <StatusBadge status={node.status} />
                  </td>
                  <td>
                    <ProgressBar value={node.progress} status={node.status} />
                  </td>
                  <td>
                    <StatusDistribution counts={node.statusCounts ?? { [node.status]: 1 }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
