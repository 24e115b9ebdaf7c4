import type { StrategySummary } from '../../../server/modules/portal/portal.service';
import { strategyStateLabels } from '../../components/labels';
import { PageHead, Progress, StatusBadge } from '../bits';
import { Local, useHref, usePortal } from '../context';

export function HomePage({
  strategies,
}: {
  strategies: (StrategySummary & { progress: number | null; status: string })[];
}) {
  const { t, f } = usePortal();
  const href = useHref();
  return (
    <>
      <PageHead title={t('portal.home.title')}>
        <p className="lead">{t('portal.home.lead')}</p>
      </PageHead>
      <ul className="cards">
        {strategies.map((s) => (
          <li key={s.code} className="card">
            <h2>
              <a href={href(`/strategies/${s.code}`)}>
                <Local text={s.title} />
              </a>
            </h2>
            <p className="meta">
              <span>
                {t('strategies.period', { start: f.date(s.periodStart), end: f.date(s.periodEnd) })}
              </span>
              {' · '}
              <span>{strategyStateLabels(t)[s.state] ?? s.state}</span>
            </p>
            <p className="overall card-progress">
              <Progress value={s.progress} status={s.status} /> <StatusBadge status={s.status} />
            </p>
            {s.subtitle && (
              <p>
                <Local text={s.subtitle} />
              </p>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a href={href('/data')}>{t('portal.home.dataLink')}</a>
      </p>
    </>
  );
}
