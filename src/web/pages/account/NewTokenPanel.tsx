import { useEffect, useRef, useState } from 'react';
import type { CreatedApiToken } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

/** The new token's secret, shown this once, with a copy button; focus lands here so it is not missed. */
export function NewTokenPanel({ token, onDone }: { token: CreatedApiToken; onDone(): void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const ref = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused: select the text so Ctrl+C works.
      inputRef.current?.select();
      setCopied('no');
    }
  };

  return (
    <section className="card token-panel" aria-labelledby="new-token-title" tabIndex={-1} ref={ref}>
      <h2 id="new-token-title">{t('tokens.createdTitle', { name: token.name })}</h2>
      <p className="warning-text">{t('tokens.showOnce')}</p>
      <div className="token-value">
        <label htmlFor="new-token-value" className="visually-hidden">
          {t('tokens.secret')}
        </label>
        <input
          id="new-token-value"
          ref={inputRef}
          readOnly
          value={token.token}
          dir="ltr"
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-primary" onClick={copy}>
          {t('tokens.copy')}
        </button>
      </div>
      <p role="status" className="muted">
        {copied === 'yes' ? t('tokens.copied') : copied === 'no' ? t('tokens.copyFailed') : ''}
      </p>
      <button type="button" className="button" onClick={onDone}>
        {t('tokens.done')}
      </button>
    </section>
  );
}
