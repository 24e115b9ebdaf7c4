import { type FormEvent, useState } from 'react';
import { LOCALES, type Locale } from '../../../domain/i18n';
import { api } from '../../api/client';
import { type Organization, ROLES, type Role, type User, type UserInput } from '../../api/types';
import { serverFailure } from '../../components/errors';
import { Alert, ErrorSummary } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { Checks, EMAIL_PATTERN, PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '../../components/validation';
import { useI18n } from '../../i18n/I18nProvider';
import { LOCALE_NAMES } from '../../i18n/messages';
import { organizationNameText, roleLabels } from './labels';

const FORM = 'user';

interface RoleDraft {
  key: number;
  role: Role | '';
  organizationId: string;
}

interface Props {
  organizations: Organization[];
  onSaved(user: User): void;
  onCancel(): void;
}

/** Creates an account with one or more roles, each national or scoped to an organization. */
export function UserForm({ organizations, onSaved, onCancel }: Props) {
  const { t, locale: uiLocale } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [roles, setRoles] = useState<RoleDraft[]>([{ key: 0, role: '', organizationId: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = roleLabels(t);

  const updateRole = (index: number, change: Partial<RoleDraft>) =>
    setRoles((current) => current.map((row, at) => (at === index ? { ...row, ...change } : row)));

  const validate = (): Record<string, string> => {
    const checks = new Checks(t)
      .required('username', username)
      .matches('username', username, USERNAME_PATTERN, t('validation.username'))
      .required('displayName', displayName)
      .matches('email', email, EMAIL_PATTERN, t('validation.email'))
      .required('password', password)
      .check(
        'password',
        !password || password.length >= PASSWORD_MIN_LENGTH,
        t('validation.passwordLength', { count: PASSWORD_MIN_LENGTH }),
      )
      .check('roles', roles.length > 0, t('users.roleRequired'));
    roles.forEach((row, index) => {
      checks.required(`roles.${index}.role`, row.role);
    });
    return checks.errors;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    const input: UserInput = {
      username: username.trim(),
      displayName: displayName.trim(),
      password,
      locale,
      roles: roles.map((row) => ({
        role: row.role as Role,
        ...(row.organizationId ? { organizationId: row.organizationId } : {}),
      })),
    };
    if (email.trim()) input.email = email.trim();
    setBusy(true);
    try {
      onSaved(await api<User>('POST', '/api/users', input));
    } catch (error) {
      const outcome = serverFailure(t, error, order);
      setErrors(outcome.errors);
      setFailure(outcome.failure);
    } finally {
      setBusy(false);
    }
  };

  const order = [
    'username',
    'displayName',
    'email',
    'password',
    'locale',
    'roles',
    ...roles.flatMap((_, i) => [`roles.${i}.role`, `roles.${i}.organizationId`]),
  ];
  return (
    <section className="card form-card" aria-labelledby={`${FORM}-title`}>
      <h2 id={`${FORM}-title`}>{t('users.createTitle')}</h2>
      <ErrorSummary form={FORM} errors={errors} order={order} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <TextField
            form={FORM}
            name="username"
            label={t('users.username')}
            hint={t('users.usernameHint')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={errors.username}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            dir="ltr"
            required
          />
          <TextField
            form={FORM}
            name="displayName"
            label={t('users.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            error={errors.displayName}
            autoComplete="off"
            dir="auto"
            required
          />
          <TextField
            form={FORM}
            name="email"
            type="email"
            label={t('users.email')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.email}
            autoComplete="off"
            dir="ltr"
          />
          <TextField
            form={FORM}
            name="password"
            type="password"
            label={t('users.password')}
            hint={t('users.passwordHint', { count: PASSWORD_MIN_LENGTH })}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
            autoComplete="new-password"
            dir="ltr"
            required
          />
          <SelectField
            form={FORM}
            name="locale"
            label={t('users.locale')}
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
            error={errors.locale}
          >
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {LOCALE_NAMES[option]}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className={errors.roles ? 'fieldset has-error' : 'fieldset'}>
          <legend>{t('users.roles')}</legend>
          <p className="hint">{t('users.rolesHint')}</p>
          {errors.roles && (
            <p className="field-error" id={`${FORM}-roles`} tabIndex={-1}>
              {errors.roles}
            </p>
          )}
          {roles.map((row, index) => (
            <div className="role-row" key={row.key}>
              <SelectField
                form={FORM}
                name={`roles.${index}.role`}
                label={t('users.role')}
                value={row.role}
                onChange={(e) => updateRole(index, { role: e.target.value as Role | '' })}
                error={errors[`roles.${index}.role`]}
                required
              >
                <option value="">{t('common.choose')}</option>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {labels[role]}
                  </option>
                ))}
              </SelectField>
              <SelectField
                form={FORM}
                name={`roles.${index}.organizationId`}
                label={t('users.scope')}
                value={row.organizationId}
                onChange={(e) => updateRole(index, { organizationId: e.target.value })}
                error={errors[`roles.${index}.organizationId`]}
              >
                <option value="">{t('users.scopeNational')}</option>
                {organizations.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organization.code} — {organizationNameText(organization, uiLocale)}
                  </option>
                ))}
              </SelectField>
              {roles.length > 1 && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setRoles((current) => current.filter((_, at) => at !== index))}
                >
                  {t('users.removeRole')}
                  <span className="visually-hidden"> {index + 1}</span>
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              setRoles((current) => [...current, { key: Date.now(), role: '', organizationId: '' }])
            }
          >
            {t('users.addRole')}
          </button>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('users.create')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
