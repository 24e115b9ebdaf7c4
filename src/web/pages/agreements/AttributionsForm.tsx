import { type FormEvent, useState } from 'react';
import type { Agreement, Commitment } from '../../api/agreements-types';
import { api } from '../../api/client';
import { serverFailure } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { useI18n } from '../../i18n/I18nProvider';

interface Row {
  strategy: string;
  node: string;
  percent: string;
}

/**
 * The shares of a commitment credited to plan nodes, in percent. They add up to at most 100 %, so that a job
 * credited to two measures is counted once wherever they roll up.
 */
export function AttributionsForm({
  agreement,
  commitment,
  onDone,
}: {
  agreement: Agreement;
  commitment: Commitment;
  onDone(): void;
}) {
  const { t } = useI18n();
  const form = `attributions-${commitment.code}`;
  const initial = commitment.attributions.map((a) => ({
    strategy: a.strategy,
    node: a.code,
    percent: String(Math.round(a.share * 10000) / 100),
  }));
  const [rows, setRows] = useState<Row[]>(
    initial.length ? initial : [{ strategy: '', node: '', percent: '' }],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setCell = (i: number, key: keyof Row, value: string) =>
    setRows((list) => list.map((row, j) => (j === i ? { ...row, [key]: value } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const filled = rows.filter((r) => r.strategy.trim() || r.node.trim() || r.percent.trim());
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      await api(
        'PUT',
        `/api/agreements/${encodeURIComponent(agreement.code)}/commitments/${encodeURIComponent(commitment.code)}/attributions`,
        {
          version: commitment.version,
          items: filled.map((r) => ({
            strategy: r.strategy.trim(),
            node: r.node.trim(),
            share: Number(r.percent.replace(',', '.')) / 100,
          })),
        },
      );
      onDone();
    } catch (error) {
      const fields = ['items', ...filled.flatMap((_, i) => [`items.${i}.node`, `items.${i}.share`])];
      const outcome = serverFailure(t, error, fields);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="inline-form">
      <summary>{t('agreements.form.attributions')}</summary>
      <form onSubmit={submit} noValidate>
        <p className="hint">{t('agreements.form.attributionsHint')}</p>
        {failure && <Alert kind="error">{failure}</Alert>}
        {errors.items && <Alert kind="error">{errors.items}</Alert>}
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id yet
          <div className="form-grid" key={i}>
            <TextField
              form={form}
              name={`items.${i}.strategy`}
              label={t('agreements.form.strategy')}
              value={row.strategy}
              onChange={(e) => setCell(i, 'strategy', e.target.value)}
            />
            <TextField
              form={form}
              name={`items.${i}.node`}
              label={t('agreements.form.node')}
              error={errors[`items.${i}.node`]}
              value={row.node}
              onChange={(e) => setCell(i, 'node', e.target.value)}
            />
            <TextField
              form={form}
              name={`items.${i}.share`}
              label={t('agreements.form.sharePercent')}
              inputMode="decimal"
              error={errors[`items.${i}.share`]}
              value={row.percent}
              onChange={(e) => setCell(i, 'percent', e.target.value)}
            />
          </div>
        ))}
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => setRows((list) => [...list, { strategy: '', node: '', percent: '' }])}
          >
            {t('agreements.form.addRow')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
