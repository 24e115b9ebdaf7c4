import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** The DOM id of a form field: the error summary links to it. */
export function fieldId(form: string, name: string): string {
  return `${form}-${name.replaceAll('.', '-')}`;
}

interface FieldFrameProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}

function FieldFrame({ id, label, error, hint, required, children }: FieldFrameProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {children(describedBy)}
    </div>
  );
}

type Common = {
  form: string;
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
};

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({
  form,
  name,
  label,
  error,
  hint,
  required,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = fieldId(form, name);
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required}>
      {(describedBy) => (
        <input
          id={id}
          name={name}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

/** A labelled select; options are given as children. */
export function SelectField({
  form,
  name,
  label,
  error,
  hint,
  required,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = fieldId(form, name);
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required}>
      {(describedBy) => (
        <select
          id={id}
          name={name}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...select}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

/** A labelled multi-line text box. */
export function TextAreaField({
  form,
  name,
  label,
  error,
  hint,
  required,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = fieldId(form, name);
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}
