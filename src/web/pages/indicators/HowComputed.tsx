import type { Computation, EvaluationResult, IndicatorDetail, Observation } from '../../api/strategy-types';
import { type Formatters, useFormat } from '../../components/format';
import { methodLabel, reasonLabel, statusLabels } from '../../components/labels';
import { StatusBadge } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';

function findStep(computation: Computation | undefined, method: string): Computation | undefined {
  if (!computation) return undefined;
  if (computation.method === method) return computation;
  for (const step of computation.steps ?? []) {
    const found = findStep(step, method);
    if (found) return found;
  }
  return undefined;
}

const num = (value: unknown) => (typeof value === 'number' ? value : null);

/** A formula read left to right whatever the page's direction (U+2066 … U+2069 isolate it in Arabic text). */
const ltr = (formula: string) => `\u2066${formula}\u2069`;

/** The server's own formula, as it computed it: left-to-right, in its notation, for anyone to re-check. */
function ServerFormula({ formula }: { formula: string | undefined }) {
  const { t } = useI18n();
  if (!formula) return null;
  return (
    <p className="server-formula">
      <span className="muted small">{t('how.serverFormula')} </span>
      <code dir="ltr" className="formula">
        {formula}
      </code>
    </p>
  );
}

/**
 * "How was this computed?": the status, achievement and forecast of an indicator in plain words, with the
 * method, the inputs, the thresholds and the formula; figures reported by a source are set against the
 * computed ones and a mismatch is flagged.
 */
export function HowComputed({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useI18n();
  const compared = indicator.observations.filter((o) => o.comparison);
  return (
    <section className="card how-panel" aria-labelledby="how-title">
      <h2 id="how-title">{t('how.title')}</h2>
      <Evaluation indicator={indicator} />
      <Forecast indicator={indicator} />
      {compared.length > 0 && (
        <section aria-labelledby="how-reported">
          <h3 id="how-reported">{t('how.reportedTitle')}</h3>
          {compared.map((observation) => (
            <ReportedComparison
              key={`${observation.period}-${JSON.stringify(observation.dims)}`}
              indicator={indicator}
              observation={observation}
            />
          ))}
        </section>
      )}
    </section>
  );
}

function Evaluation({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const computed = indicator.computed;
  const result = computed.result as EvaluationResult | undefined;
  const d = indicator.decimals;
  const expectedStep = findStep(computed, 'trajectory.expected_value');
  const trajectory = findStep(computed, 'status.trajectory');
  // Progress against the trajectory and achievement of the final target coincide once the final date has
  // passed: the same formula is then shown once.
  const ratios = (trajectory?.steps ?? [])
    .filter((s) => s.method.startsWith('achievement.'))
    .filter((s, i, all) => all.findIndex((other) => other.formula === s.formula) === i);
  const thresholds = computed.thresholds as { onTrack?: number; atRisk?: number } | undefined;
  return (
    <section aria-labelledby="how-status">
      <h3 id="how-status">{t('how.statusTitle')}</h3>
      <p>
        <span className="muted">{t('how.methodIs')}</span> {methodLabel(t, computed.method)}
      </p>
      {computed.reason || !result || result.achievement === null ? (
        <p>
          {result && <StatusBadge status={result.status} />}{' '}
          {reasonLabel(t, computed.reason ?? String(trajectory?.reason ?? 'no_data'))}
        </p>
      ) : (
        <ol className="steps">
          {expectedStep && (
            <li>
              {expectedText(t, format, expectedStep, d)}
              <ServerFormula formula={expectedStep.formula} />
            </li>
          )}
          {ratios.map((step, i) => (
            <li key={`${step.method}-${step.formula}`}>
              {ratioText(t, format, step, d, i === 0 && ratios.length > 1 ? 'progress' : 'achievement')}
              <ServerFormula formula={step.formula} />
            </li>
          ))}
          <li>
            {t('how.statusStep', {
              progress: format.percent(
                num((trajectory?.result as Record<string, unknown>)?.progress) ?? result.performance,
              ),
              status: statusLabels(t)[result.status],
            })}{' '}
            <StatusBadge status={result.status} />
            {thresholds?.onTrack !== undefined && thresholds.atRisk !== undefined && (
              <span className="muted">
                {' '}
                {t('how.thresholdsText', {
                  onTrack: format.percent(thresholds.onTrack, 0),
                  atRisk: format.percent(thresholds.atRisk, 0),
                })}
              </span>
            )}
            <ServerFormula formula={computed.formula} />
          </li>
        </ol>
      )}
    </section>
  );
}

function expectedText(t: Translator, format: Formatters, step: Computation, decimals: number): string {
  const result = (step.result ?? {}) as {
    value?: number | null;
    basis?: string;
    date?: string;
    from?: { period?: string; value?: number } | null;
    to?: { period?: string; value?: number } | null;
  };
  const params = { date: format.date(result.date), value: format.number(result.value, decimals) };
  switch (result.basis) {
    case 'after_final':
      return t('how.expectedAfterFinal', { ...params, period: format.period(result.from?.period) });
    case 'declared':
      return t('how.expectedDeclared', { ...params, period: format.period(result.from?.period) });
    case 'interpolated':
      return t('how.expectedInterpolated', {
        ...params,
        from: format.period(result.from?.period),
        to: format.period(result.to?.period),
      });
    default:
      return t('how.expectedNone', params);
  }
}

function ratioText(
  t: Translator,
  format: Formatters,
  step: Computation,
  decimals: number,
  kind: 'progress' | 'achievement',
): string {
  const inputs = step.inputs ?? {};
  const result = (step.result ?? {}) as { ratio?: number | null };
  const actual = format.number(num(inputs.actual), decimals);
  const baseline = format.number(num(inputs.baseline), decimals);
  const target = format.number(num(inputs.target), decimals);
  const ratio = format.percent(result.ratio);
  const params = {
    actual,
    target,
    ratio,
    formula: ltr(`(${actual} − ${baseline}) / (${target} − ${baseline}) = ${ratio}`),
  };
  if (step.method === 'achievement.flat_target') return t('how.flatTarget', params);
  return kind === 'progress' ? t('how.progressStep', params) : t('how.achievementStep', params);
}

function Forecast({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const forecast = indicator.forecast;
  const result = forecast.result;
  const reason = forecast.reason ?? result?.reason ?? null;
  const observations = Array.isArray(forecast.inputs?.observations) ? forecast.inputs.observations.length : 0;
  const d = indicator.decimals;
  return (
    <section aria-labelledby="how-forecast">
      <h3 id="how-forecast">{t('how.forecastTitle')}</h3>
      <p>
        <span className="muted">{t('how.methodIs')}</span> {methodLabel(t, forecast.method)}
        {observations > 0 && <> — {t('how.forecastInputs', { count: observations })}</>}
      </p>
      {result && result.slopePerYear !== null && (
        <ul className="plain-list">
          <li>{t('how.slope', { slope: format.number(result.slopePerYear, Math.max(d, 2)) })}</li>
          {result.r2 !== null && <li>{t('how.r2', { r2: format.number(result.r2, 3) })}</li>}
          <li>
            {t('how.valueAtTarget', {
              date: format.date(result.targetDate),
              value: format.number(result.valueAtTargetDate, d),
            })}
          </li>
          {result.reachDate && <li>{t('how.reachDate', { date: format.date(result.reachDate) })}</li>}
        </ul>
      )}
      {reason && <p>{reasonLabel(t, reason)}</p>}
      <ServerFormula formula={forecast.formula} />
    </section>
  );
}

function ReportedComparison({
  indicator,
  observation,
}: {
  indicator: IndicatorDetail;
  observation: Observation;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const comparison = observation.comparison;
  const result = comparison?.result;
  if (!comparison || !result) return null;
  const baseline = indicator.target?.baseline?.value ?? null;
  const final = indicator.target?.final?.value ?? null;
  const d = indicator.decimals;
  const ratio =
    observation.value !== null && final !== null
      ? baseline === null || baseline === 0
        ? `${format.number(observation.value, d)} / ${format.number(final, d)}`
        : `(${format.number(observation.value, d)} − ${format.number(baseline, d)}) / (${format.number(final, d)} − ${format.number(baseline, d)})`
      : null;
  const tolerance = num(comparison.thresholds?.tolerancePoints);
  return (
    <div
      className={result.mismatch ? 'comparison comparison-mismatch' : 'comparison'}
      data-testid="comparison"
    >
      <p>
        <strong>{format.period(observation.period)}</strong> —{' '}
        {t('how.reported', {
          text: observation.reported?.text ?? format.points(result.reportedPercent),
        })}
      </p>
      <p>
        {t('how.recomputed', {
          formula: ltr(
            ratio
              ? `${ratio} = ${format.points(result.computedPercent)}`
              : format.points(result.computedPercent),
          ),
        })}
      </p>
      <p>
        {result.mismatch ? (
          <strong className="mismatch-flag">
            <span aria-hidden="true">⚠ </span>
            {t('how.mismatch', {
              gap: format.number(Math.abs(result.gapPoints), 1),
              tolerance: format.number(tolerance ?? 1, 1),
            })}
          </strong>
        ) : (
          t('how.match', { gap: format.number(Math.abs(result.gapPoints), 1) })
        )}
      </p>
      <ServerFormula formula={comparison.formula} />
    </div>
  );
}
