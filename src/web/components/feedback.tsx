import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { fieldId } from './fields';

/** A message about the whole page or form; errors are announced at once, successes politely. */
export function Alert({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/**
 * The list of what is wrong in a form, shown above it and focused on a failed submit, each entry a link to
 * its field (the pattern of GOV.UK's error summary, which tests well with screen-reader users).
 */
export function ErrorSummary({
  form,
  errors,
  order,
}: {
  form: string;
  errors: Record<string, string>;
  order: string[];
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const fields = order.filter((name) => errors[name]);
  const signature = fields.join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (fields.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert">
      <h2>{t('form.errorSummary', { count: fields.length })}</h2>
      <ul>
        {fields.map((name) => (
          <li key={name}>
            <a
              href={`#${fieldId(form, name)}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(fieldId(form, name))?.focus();
              }}
            >
              {errors[name]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A status line while something loads, announced to assistive technology. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
