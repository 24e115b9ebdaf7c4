import type { Agreement, Commitment } from '../../api/agreements-types';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { SourceCitation } from '../../components/SourceCitation';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';
import { AttributionsForm } from './AttributionsForm';
import { CommitmentStatusBadge, metricLabels, stateLabels } from './labels';
import { VerifyForm } from './VerifyForm';

/** A realisation's state drawn like the status it stands closest to. */
const STATE_CLASS = { reported: 'no_data', verified: 'achieved', disputed: 'off_track' } as const;

/** The commitments of an agreement, each with its trajectory status and its realisations. */
export function CommitmentsSection({ agreement, onChange }: { agreement: Agreement; onChange(): void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">{t('agreements.commitments')}</h2>
      {agreement.commitments.length === 0 ? (
        <p className="muted">{t('agreements.noFigureLong')}</p>
      ) : (
        agreement.commitments.map((c) => (
          <CommitmentCard key={c.id} agreement={agreement} commitment={c} onChange={onChange} />
        ))
      )}
    </section>
  );
}

function CommitmentCard({
  agreement,
  commitment: c,
  onChange,
}: {
  agreement: Agreement;
  commitment: Commitment;
  onChange(): void;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const { can } = useSession();
  const metrics = metricLabels(t);
  const states = stateLabels(t);
  const headingId = `commitment-${c.code}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {metrics[c.metric]} — <LocalText text={c.party.name} />
      </h3>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('agreements.committed')}</dt>
          <dd>
            {c.qualifier === 'at_least'
              ? `${t('agreements.atLeast')} `
              : c.qualifier === 'about'
                ? `${t('agreements.about')} `
                : ''}
            {f.number(c.value, 0)}
            {c.dueYear ? ` ${t('agreements.byYear', { year: String(c.dueYear) })}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.achieved')}</dt>
          <dd>{f.number(c.achieved, 0)}</dd>
        </div>
        <div>
          <dt>{t('agreements.reported')}</dt>
          <dd>{f.number(c.reported, 0)}</dd>
        </div>
        <div>
          <dt>{t('agreements.statusLabel')}</dt>
          <dd>
            <CommitmentStatusBadge status={c.risk.status} />{' '}
            {c.risk.expected !== null && (
              <span className="muted small">
                {t('agreements.expected', { value: f.number(c.risk.expected, 1) })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.source')}</dt>
          <dd>
            <SourceCitation source={c.source} />
          </dd>
        </div>
      </dl>
      {c.attributions.length > 0 && (
        <p className="small">
          {t('agreements.attributedTo')}{' '}
          {c.attributions.map((a) => `${a.strategy} ${a.code} (${f.percent(a.share, 0)})`).join(', ')}
        </p>
      )}
      {can('agreements.manage') && (
        <AttributionsForm agreement={agreement} commitment={c} onDone={onChange} />
      )}
      {c.realisations.length === 0 ? (
        <p className="muted small">{t('agreements.noRealisations')}</p>
      ) : (
        <div className="table-wrap">
          <table className="numeric-table">
            <caption>{t('agreements.realisations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreements.period')}</th>
                <th scope="col">{t('agreements.value')}</th>
                <th scope="col">{t('agreements.stateLabel')}</th>
                <th scope="col">{t('agreements.evidence')}</th>
                <th scope="col">{t('agreements.verification')}</th>
              </tr>
            </thead>
            <tbody>
              {c.realisations.map((r) => (
                <tr key={r.id}>
                  <td>{f.period(r.period)}</td>
                  <td className="num">{f.number(r.value, 0)}</td>
                  <td>
                    <span className={`status-badge status-${STATE_CLASS[r.state]}`}>{states[r.state]}</span>
                  </td>
                  <td>
                    {r.evidence.map((e) => (
                      <a key={e.url} href={e.url} rel="noopener noreferrer" target="_blank" dir="auto">
                        {e.title}
                        <span className="visually-hidden"> {t('common.newWindow')}</span>
                      </a>
                    ))}
                  </td>
                  <td>
                    {r.verifiedBy && <span className="small">{r.verifiedBy}</span>}
                    {r.verificationNote && (
                      <span className="small" dir="auto">
                        {' '}
                        — {r.verificationNote}
                      </span>
                    )}
                    {can('agreements.verify') && <VerifyForm realisation={r} onDone={onChange} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
