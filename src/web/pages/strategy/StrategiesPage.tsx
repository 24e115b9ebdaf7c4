import { api } from '../../api/client';
import type { Strategy } from '../../api/strategy-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { strategyStateLabels } from '../../components/labels';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';
import { useSession } from '../../session/SessionProvider';

/** Every strategy as a card: title, period, state, and the strategies before and after it. */
export function StrategiesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useLoad(() => api<ListOf<Strategy>>('GET', '/api/strategies'), 'all');
  const items = list.data?.items ?? [];
  return (
    <div className="page">
      <PageHeader title={t('strategies.title')} lead={t('strategies.lead')}>
        {can('imports.run') && (
          <Link className="button" href={href('imports')}>
            {t('imports.title')}
          </Link>
        )}
      </PageHeader>
      {list.error ? <Alert kind="error">{problemMessage(t, list.error)}</Alert> : null}
      {list.data === undefined && list.loading ? (
        <Loading />
      ) : (
        <ul className="card-list">
          {items.map((strategy) => (
            <li key={strategy.code}>
              <StrategyCard strategy={strategy} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function StrategyCard({ strategy }: { strategy: Strategy }) {
  const { t } = useI18n();
  const format = useFormat();
  const states = strategyStateLabels(t);
  const titleId = `strategy-${strategy.code}`;
  return (
    <article className="card strategy-card" aria-labelledby={titleId}>
      <div className="card-top">
        <code className="code-chip">{strategy.code}</code>
        <span className={`state-badge state-${strategy.state}`}>
          {states[strategy.state] ?? strategy.state}
        </span>
      </div>
      <h2 id={titleId}>
        <Link href={href('strategy', { code: strategy.code })}>
          <LocalText text={strategy.title} />
        </Link>
      </h2>
      {strategy.subtitle && <LocalText as="p" className="muted" text={strategy.subtitle} />}
      <p className="period-line">
        {t('strategies.period', {
          start: format.date(strategy.periodStart),
          end: format.date(strategy.periodEnd),
        })}
      </p>
      {(strategy.predecessor || strategy.successors.length > 0) && (
        <dl className="inline-dl">
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
      )}
    </article>
  );
}
