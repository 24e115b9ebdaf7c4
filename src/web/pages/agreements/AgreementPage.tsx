import type { Agreement } from '../../api/agreements-types';
import { api } from '../../api/client';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LocalText, localText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { SourceCitation } from '../../components/SourceCitation';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/history';
import { href } from '../../router/routes';
import { useSession } from '../../session/SessionProvider';
import { CommitmentForm } from './CommitmentForm';
import { CommitmentsSection } from './CommitmentsSection';
import { kindLabels, partyRoleLabels, TotalsTable } from './labels';
import { ReportRealisationForm } from './ReportRealisationForm';

/** One agreement: parties, signing, sources, totals, and each commitment with its realisations. */
export function AgreementPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const f = useFormat();
  const { can } = useSession();
  const loaded = useLoad(() => api<Agreement>('GET', `/api/agreements/${encodeURIComponent(code)}`), code);
  const a = loaded.data;
  if (loaded.error && !a) return <Alert kind="error">{problemMessage(t, loaded.error)}</Alert>;
  if (!a) return <Loading />;
  const reload = () => void loaded.reload();
  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link href={href('agreements')}>{t('agreements.title')}</Link>
      </nav>
      <PageHeader title={localText(a.title, locale, a.code)} />
      <p className="lead">
        <LocalText text={a.scope} fallback="" />
      </p>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('agreements.code')}</dt>
          <dd>
            <code>{a.code}</code> · {kindLabels(t)[a.kind]}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.signedOn')}</dt>
          <dd>{a.signedOn ? f.date(a.signedOn) : (a.signedOnText ?? '—')}</dd>
        </div>
        <div>
          <dt>{t('agreements.event')}</dt>
          <dd>{a.event ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('agreements.signingPlace')}</dt>
          <dd>{a.signingPlace ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('agreements.place')}</dt>
          <dd>
            {a.place ?? '—'}
            {a.regionCode && (
              <>
                {' · '}
                <LocalText text={a.regionName} fallback={a.regionCode} />
              </>
            )}
          </dd>
        </div>
        <div className="facts-wide">
          <dt>{t('agreements.parties')}</dt>
          <dd>
            <ul className="plain-list">
              {a.parties.map((p) => (
                <li key={p.code}>
                  <Link href={href('organization', { code: p.code })}>
                    <LocalText text={p.name} />
                  </Link>{' '}
                  <span className="muted small">({partyRoleLabels(t)[p.role] ?? p.role})</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {a.nodes.length > 0 && (
          <div className="facts-wide">
            <dt>{t('agreements.nodes')}</dt>
            <dd>
              <ul className="plain-list">
                {a.nodes.map((n) => (
                  <li key={`${n.strategy}/${n.code}`}>
                    <code>{n.code}</code> <LocalText text={n.title} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="facts-wide">
          <dt>{t('agreements.sources')}</dt>
          <dd>
            <ul className="plain-list">
              {a.sources.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sources have no id and never reorder here
                <li key={i}>
                  <SourceCitation source={s} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t('agreements.totalsHeading')}</h2>
        <TotalsTable totals={a.totals} caption={t('agreements.totalsCaption')} />
      </section>
      <CommitmentsSection agreement={a} onChange={reload} />
      {can('agreements.manage') && <CommitmentForm agreement={a} onDone={reload} />}
      {can('agreements.report') && a.commitments.length > 0 && (
        <ReportRealisationForm agreement={a} onDone={reload} />
      )}
    </div>
  );
}
