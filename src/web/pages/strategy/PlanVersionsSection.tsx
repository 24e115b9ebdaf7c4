import { type FormEvent, useState } from 'react';
import { api, apiPath } from '../../api/client';
import type { PlanChange, PlanComparison, PlanTarget, TargetPoint } from '../../api/strategy-types';
import { problemMessage, serverFailure } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { type Formatters, useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';

const FORM = 'compare';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const today = () => new Date().toISOString().slice(0, 10);
const dayBefore = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};

/** A target point as "value (period)", or a dash. */
function point(format: Formatters, value: TargetPoint | null | undefined): string {
  if (!value) return '—';
  return `${format.number(value.value)} (${format.period(value.period)})`;
}

/** One side of the comparison: the target version in force, its baseline, milestones and final value. */
function TargetCell({ target, t, format }: { target: PlanTarget | null; t: Translator; format: Formatters }) {
  if (!target) return <span className="muted">{t('versions.noTarget')}</span>;
  return (
    <dl className="facts facts-compact">
      <div>
        <dt>{t('versions.version')}</dt>
        <dd>
          {t('versions.versionN', { n: String(target.version) })} ·{' '}
          {t('versions.effective', { date: format.date(target.effectiveFrom) })}
        </dd>
      </div>
      <div>
        <dt>{t('versions.baseline')}</dt>
        <dd>{point(format, target.baseline)}</dd>
      </div>
      <div>
        <dt>{t('versions.milestones')}</dt>
        <dd>{(target.milestones ?? []).map((m) => point(format, m)).join(' · ') || '—'}</dd>
      </div>
      <div>
        <dt>{t('versions.final')}</dt>
        <dd>{point(format, target.final)}</dd>
      </div>
    </dl>
  );
}

/**
 * The plan's versions: every change (a new target version or a new weight) with when, by whom and why; and the
 * plan as of two dates side by side.
 */
export function PlanVersionsSection({ code }: { code: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const path = `/api/strategies/${encodeURIComponent(code)}/plan-versions`;
  const list = useLoad(() => api<{ strategy: string; items: PlanChange[] }>('GET', path), code);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(today());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [comparison, setComparison] = useState<PlanComparison | null>(null);
  const [busy, setBusy] = useState(false);
  const items = list.data?.items ?? [];

  const compare = async (a: string, b: string) => {
    const found: Record<string, string> = {};
    if (!DAY.test(a)) found.from = t('validation.required');
    if (!DAY.test(b)) found.to = t('validation.required');
    if (!found.from && !found.to && a > b) found.to = t('versions.dateOrder');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      setComparison(await api<PlanComparison>('GET', apiPath(`${path}/compare`, { from: a, to: b })));
      window.setTimeout(() => document.getElementById('compare-result')?.focus(), 0);
    } catch (error) {
      const result = serverFailure(t, error, ['from', 'to']);
      setErrors(result.errors);
      setFailure(result.failure);
    } finally {
      setBusy(false);
    }
  };

  const compareAround = (change: PlanChange) => {
    const day = (change.effectiveFrom ?? change.at).slice(0, 10);
    const before = dayBefore(day);
    setFrom(before);
    setTo(day);
    void compare(before, day);
  };

  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('versions.title')}</h2>
      <p className="lead">{t('versions.lead')}</p>
      {list.error ? <Alert kind="error">{problemMessage(t, list.error)}</Alert> : null}
      {list.data === undefined ? (
        list.loading && <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('versions.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('versions.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.what')}</th>
                <th scope="col">{t('versions.change')}</th>
                <th scope="col">{t('versions.when')}</th>
                <th scope="col">{t('versions.who')}</th>
                <th scope="col">{t('versions.why')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('versions.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.kind}-${item.subject}-${item.at}-${item.version ?? ''}-${item.to ?? ''}`}>
                  <th scope="row">
                    <code>{item.subject}</code>{' '}
                    <span className="muted small">
                      {item.kind === 'target' ? t('versions.kindTarget') : t('versions.kindWeight')}
                    </span>
                  </th>
                  <td>
                    {item.kind === 'target'
                      ? t('versions.newVersion', {
                          n: String(item.version ?? ''),
                          date: format.date(item.effectiveFrom),
                        })
                      : t('versions.weightChange', {
                          from: format.number(item.from),
                          to: format.number(item.to),
                        })}
                  </td>
                  <td className="nowrap">{format.date(item.at)}</td>
                  <td>{item.createdBy ? <bdi dir="auto">{item.createdBy}</bdi> : '—'}</td>
                  <td>{item.reason ? <span dir="auto">{item.reason}</span> : '—'}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => compareAround(item)}
                      aria-label={t('versions.compareAround', {
                        subject: item.subject,
                        date: format.date(item.effectiveFrom ?? item.at),
                      })}
                    >
                      {t('versions.compareShort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form
        className="card inline-form"
        aria-labelledby="compare-title"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void compare(from, to);
        }}
      >
        <h3 id="compare-title">{t('versions.compareTitle')}</h3>
        <TextField
          form={FORM}
          name="from"
          type="date"
          label={t('versions.from')}
          required
          value={from}
          error={errors.from}
          onChange={(event) => setFrom(event.target.value)}
        />
        <TextField
          form={FORM}
          name="to"
          type="date"
          label={t('versions.to')}
          required
          value={to}
          error={errors.to}
          onChange={(event) => setTo(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('versions.compare')}
        </button>
      </form>
      {failure && <Alert kind="error">{failure}</Alert>}

      {comparison && (
        <section className="card" aria-labelledby="compare-result" id="compare-region">
          <h3 id="compare-result" tabIndex={-1}>
            {t('versions.resultTitle', {
              from: format.date(comparison.from),
              to: format.date(comparison.to),
            })}
          </h3>
          {comparison.targets.length === 0 && comparison.weights.length === 0 ? (
            <p className="muted">{t('versions.noDifference')}</p>
          ) : null}
          {comparison.targets.length > 0 && (
            <div className="table-wrap">
              <table className="compare-table">
                <caption>{t('versions.targetsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('versions.indicator')}</th>
                    <th scope="col">{t('versions.asOf', { date: format.date(comparison.from) })}</th>
                    <th scope="col">{t('versions.asOf', { date: format.date(comparison.to) })}</th>
                    <th scope="col">{t('versions.changesBetween')}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.targets.map((row) => (
                    <tr key={row.indicator}>
                      <th scope="row">
                        <code>{row.indicator}</code> <LocalText text={row.name} />
                      </th>
                      <td>
                        <TargetCell target={row.from} t={t} format={format} />
                      </td>
                      <td>
                        <TargetCell target={row.to} t={t} format={format} />
                      </td>
                      <td>
                        <ul className="plain-list">
                          {row.changes.map((c) => (
                            <li key={c.version}>
                              {t('versions.changeLine', {
                                n: String(c.version),
                                date: format.date(c.createdAt),
                                who: c.createdBy ?? '—',
                              })}
                              {c.reason && (
                                <>
                                  {' '}
                                  — <span dir="auto">{c.reason}</span>
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {comparison.weights.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption>{t('versions.weightsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('versions.node')}</th>
                    <th scope="col">{t('versions.weightFrom')}</th>
                    <th scope="col">{t('versions.weightTo')}</th>
                    <th scope="col">{t('versions.weightEffective')}</th>
                    <th scope="col">{t('versions.when')}</th>
                    <th scope="col">{t('versions.who')}</th>
                    <th scope="col">{t('versions.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.weights.map((w) => (
                    <tr key={`${w.node}-${w.at}-${w.from}-${w.to}`}>
                      <th scope="row">
                        <code>{w.node}</code>
                      </th>
                      <td>{format.number(w.from)}</td>
                      <td>{format.number(w.to)}</td>
                      <td className="nowrap">{format.date(w.effectiveFrom)}</td>
                      <td className="nowrap">{format.date(w.at)}</td>
                      <td>{w.by ? <bdi dir="auto">{w.by}</bdi> : '—'}</td>
                      <td>
                        <span dir="auto">{w.reason}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
