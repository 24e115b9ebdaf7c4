import { useState } from 'react';
import type { IndicatorDetail, TargetPoint, TargetVersion } from '../../api/strategy-types';
import { useFormat } from '../../components/format';
import { SourceCitation } from '../../components/SourceCitation';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';
import { TargetForm } from './TargetForm';

function author(createdBy: TargetVersion['createdBy']): string | null {
  if (!createdBy) return null;
  return typeof createdBy === 'string' ? createdBy : (createdBy.username ?? null);
}

/** The target in force (each point with its source), its earlier versions, and the form to change it. */
export function TargetSection({
  indicator,
  onSaved,
}: {
  indicator: IndicatorDetail;
  onSaved(version: number): void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const target = indicator.target;
  const d = indicator.decimals;
  const points: { role: string; point: TargetPoint }[] = target
    ? [
        ...(target.baseline ? [{ role: t('chart.baseline'), point: target.baseline }] : []),
        ...target.milestones.map((point) => ({ role: t('chart.milestone'), point })),
        ...(target.final ? [{ role: t('chart.finalTarget'), point: target.final }] : []),
      ]
    : [];
  return (
    <section className="card" aria-labelledby="target-heading">
      <div className="section-head">
        <h2 id="target-heading">{t('target.title')}</h2>
        {can('indicators.manage') && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('target.change')}
          </button>
        )}
      </div>
      {editing && (
        <TargetForm
          indicator={indicator}
          onCancel={() => setEditing(false)}
          onSaved={(version) => {
            setEditing(false);
            onSaved(version);
          }}
        />
      )}
      {!target ? (
        <p className="muted">{t('target.none')}</p>
      ) : (
        <>
          <p data-testid="target-version">
            {t('target.inForce', {
              version: String(target.version),
              date: format.date(target.effectiveFrom),
            })}{' '}
            <span className="muted">
              {t('target.reasonIs')} <bdi>{target.reason}</bdi>
            </span>
          </p>
          <div className="table-wrap">
            <table className="compact-table">
              <caption className="visually-hidden">{t('target.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('target.point')}</th>
                  <th scope="col">{t('target.period')}</th>
                  <th scope="col" className="num">
                    {t('target.valueShort')}
                  </th>
                  <th scope="col">{t('observations.source')}</th>
                </tr>
              </thead>
              <tbody>
                {points.map(({ role, point }) => (
                  <tr key={`${role}-${point.period}`}>
                    <td>{role}</td>
                    <td className="nowrap">{format.period(point.period)}</td>
                    <td className="num">{format.number(point.value, d)}</td>
                    <td>
                      <SourceCitation source={point.source} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {indicator.targetVersions.length > 0 && (
        <>
          <h3>{t('target.history')}</h3>
          <div className="table-wrap">
            <table className="compact-table" data-testid="target-versions">
              <caption className="visually-hidden">{t('target.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('target.version')}</th>
                  <th scope="col">{t('target.effectiveFrom')}</th>
                  <th scope="col">{t('target.reason')}</th>
                  <th scope="col">{t('target.recorded')}</th>
                </tr>
              </thead>
              <tbody>
                {[...indicator.targetVersions]
                  .sort((a, b) => b.version - a.version)
                  .map((version) => (
                    <tr
                      key={version.version}
                      className={version.version === target?.version ? 'is-current' : undefined}
                    >
                      <td>
                        {t('target.versionN', { version: String(version.version) })}
                        {version.version === target?.version && (
                          <span className="badge badge-small">{t('target.current')}</span>
                        )}
                      </td>
                      <td className="nowrap">{format.date(version.effectiveFrom)}</td>
                      <td>
                        <bdi>{version.reason}</bdi>
                      </td>
                      <td>
                        {format.date(version.createdAt)}
                        {author(version.createdBy) && (
                          <>
                            {' · '}
                            <code>{author(version.createdBy)}</code>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
