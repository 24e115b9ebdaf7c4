import type { ProposalTrace as Trace } from '../../api/calls-types';
import { api } from '../../api/client';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';

/** What an answered proposal became: each plan node with its indicators, projects and the budget recorded on it. */
export function ProposalTrace({ code }: { code: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const trace = useLoad(() => api<Trace>('GET', `/api/proposals/${encodeURIComponent(code)}/trace`), code);
  if (trace.error) return <Alert kind="error">{problemMessage(t, trace.error)}</Alert>;
  if (!trace.data) return <Loading />;
  return (
    <ul aria-label={t('consultation.became')}>
      {trace.data.nodes.map((n) => (
        <li key={`${n.strategy}/${n.node}`}>
          <Link href={href('strategy', { code: n.strategy })}>
            {n.strategy} {n.node}
          </Link>{' '}
          <LocalText text={n.title} />
          <dl>
            <dt>{t('consultation.indicators')}</dt>
            <dd>
              {n.indicators.length === 0
                ? '—'
                : n.indicators.map((i, k) => (
                    <span key={i.code}>
                      {k > 0 ? ', ' : ''}
                      <Link href={href('indicator', { code: i.code })}>{i.code}</Link>
                    </span>
                  ))}
            </dd>
            <dt>{t('consultation.projects')}</dt>
            <dd>{n.projects.length === 0 ? '—' : n.projects.map((p) => p.code).join(', ')}</dd>
            <dt>{t('consultation.budget')}</dt>
            <dd>
              {n.budget.byYear.length === 0
                ? t('consultation.noBudget')
                : `${format.number(n.budget.total)}${n.budget.currency ? ` ${n.budget.currency}` : ''}`}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
