import { type FormEvent, useEffect, useState } from 'react';
import { problemMessage } from '../components/errors';
import { ErrorSummary } from '../components/feedback';
import { TextField } from '../components/fields';
import { PageHeader } from '../components/page';
import { useI18n } from '../i18n/I18nProvider';
import { navigate, useLocation } from '../router/history';
import { safeNext } from '../router/routes';
import { useSession } from '../session/SessionProvider';

const FORM = 'login';

/** Sign-in form; on success goes back to the page that asked for it (`?next=`). */
export function LoginPage() {
  const { t } = useI18n();
  const { signIn, user } = useSession();
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Signed in (just now, or already when the page was opened): go where the person was headed.
  useEffect(() => {
    if (user) navigate(safeNext(new URLSearchParams(search).get('next')), { replace: true });
  }, [user, search]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!username.trim()) found.username = t('login.usernameRequired');
    if (!password) found.password = t('login.passwordRequired');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      setFailure(problemMessage(t, error));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <div className="page page-narrow">
      <div className="card login-card">
        <PageHeader title={t('login.title')} lead={t('login.lead')} />
        <ErrorSummary form={FORM} errors={errors} order={['username', 'password']} />
        {failure && (
          <div className="alert alert-error" role="alert">
            {failure}
          </div>
        )}
        <form onSubmit={submit} noValidate>
          <TextField
            form={FORM}
            name="username"
            label={t('login.username')}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            error={errors.username}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            dir="ltr"
            required
          />
          <TextField
            form={FORM}
            name="password"
            type="password"
            label={t('login.password')}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.password}
            autoComplete="current-password"
            dir="ltr"
            required
          />
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
