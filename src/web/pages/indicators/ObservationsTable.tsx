import { useState } from 'react';
import type { Dimension, IndicatorDetail, Observation } from '../../api/strategy-types';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { observationStateLabels } from '../../components/labels';
import { SourceCitation } from '../../components/SourceCitation';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';
import { ObservationForm } from './ObservationForm';

/** Every observation with its breakdown, state, the figure as the source printed it, source and confidence. */
export function ObservationsTable({
  indicator,
  dimensions,
  onSaved,
}: {
  indicator: IndicatorDetail;
  dimensions: Dimension[];
  onSaved(period: string, created: boolean): void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  const states = observationStateLabels(t);
  const d = indicator.decimals;
  const member = (dimension: string, code: string) =>
    dimensions.find((x) => x.code === dimension)?.members.find((m) => m.code === code)?.name;

  const breakdown = (observation: Observation) => {
    const entries = Object.entries(observation.dims);
    if (entries.length === 0) return <span className="muted">{t('observations.national')}</span>;
    return (
      <ul className="comma-list">
        {entries.map(([dimension, code]) => (
          <li key={dimension}>
            <LocalText text={member(dimension, code)} fallback={code} />
          </li>
        ))}
      </ul>
    );
  };

  return (
    <section className="card" aria-labelledby="observations-heading">
      <div className="section-head">
        <h2 id="observations-heading">{t('observations.title')}</h2>
        {can('observations.write') && !adding && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('observations.add')}
          </button>
        )}
      </div>
      {adding && (
        <ObservationForm
          indicator={indicator}
          dimensions={dimensions}
          onCancel={() => setAdding(false)}
          onSaved={(period, created) => {
            setAdding(false);
            onSaved(period, created);
          }}
        />
      )}
      {indicator.observations.length === 0 ? (
        <p className="muted">{t('observations.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="compact-table">
            <caption className="visually-hidden">{t('observations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('observations.period')}</th>
                <th scope="col">{t('observations.breakdown')}</th>
                <th scope="col" className="num">
                  {t('target.valueShort')}
                </th>
                <th scope="col">{t('observations.stateLabel')}</th>
                <th scope="col">{t('observations.reported')}</th>
                <th scope="col">{t('observations.source')}</th>
              </tr>
            </thead>
            <tbody>
              {indicator.observations.map((observation) => (
                <tr key={`${observation.period}-${JSON.stringify(observation.dims)}`}>
                  <td className="nowrap">{format.period(observation.period)}</td>
                  <td>{breakdown(observation)}</td>
                  <td className="num">{format.number(observation.value, d)}</td>
                  <td>{states[observation.state] ?? observation.state}</td>
                  <td>
                    {observation.reported ? (
                      <>
                        <bdi>{observation.reported.text ?? format.number(observation.reported.value)}</bdi>
                        {observation.comparison?.result?.mismatch && (
                          <span className="mismatch-tag">{t('observations.mismatch')}</span>
                        )}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    <SourceCitation source={observation.source} confidence={observation.confidence} compact />
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
