import type { ReactNode } from 'react';
import { methodLabel, reasonLabel } from '../components/labels';
import { usePortal } from './context';

/** A calculation as the domain returns it: method, formula with the actual numbers, and the steps used. */
export interface ComputationView {
  method: string;
  formula?: string;
  reason?: string;
  thresholds?: Record<string, number>;
  steps?: ComputationView[];
}

/** The distinct steps of a calculation, depth first (progress and performance often repeat one roll-up). */
function flatten(computation: ComputationView, out: ComputationView[] = []): ComputationView[] {
  for (const step of computation.steps ?? []) {
    if (!out.some((seen) => seen.method === step.method && seen.formula === step.formula)) out.push(step);
    flatten(step, out);
  }
  return out;
}

/** One method and its arithmetic; the formula reads left to right whatever the page's direction. */
function Step({ step }: { step: ComputationView }) {
  const { t } = usePortal();
  return (
    <>
      <span>{methodLabel(t, step.method)}</span>
      {step.formula && (
        <>
          {' '}
          <code dir="ltr">{step.formula}</code>
        </>
      )}
      {step.reason && <span className="muted"> — {reasonLabel(t, step.reason)}</span>}
    </>
  );
}

/**
 * "How was this computed?": a disclosure that works without script (`<details>`), with the method, the
 * thresholds, every step and its formula, and whatever the page adds (the inputs as a table).
 */
export function HowComputed({
  computation,
  children,
  id,
}: {
  computation: ComputationView | null | undefined;
  children?: ReactNode;
  id: string;
}) {
  const { t, f } = usePortal();
  if (!computation) return null;
  const thresholds = computation.thresholds;
  const steps = flatten(computation);
  return (
    <details className="how" id={id}>
      <summary>{t('how.title')}</summary>
      <p>
        <Step step={computation} />
      </p>
      {children}
      {steps.length > 0 && (
        <ol className="steps">
          {steps.map((step) => (
            <li key={`${step.method}|${step.formula}`}>
              <Step step={step} />
            </li>
          ))}
        </ol>
      )}
      {thresholds?.onTrack !== undefined && thresholds.atRisk !== undefined && (
        <p className="muted">
          {t('how.thresholdsText', {
            onTrack: f.percent(thresholds.onTrack, 0),
            atRisk: f.percent(thresholds.atRisk, 0),
          })}
        </p>
      )}
    </details>
  );
}
