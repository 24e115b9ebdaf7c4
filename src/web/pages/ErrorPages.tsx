import { PageHeader } from '../components/page';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/history';
import { href } from '../router/routes';

/** Shown for any path the back office does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <PageHeader title={t('notFound.title')} lead={t('notFound.body')} />
      <p>
        <Link href={href('home')}>{t('notFound.home')}</Link>
      </p>
    </div>
  );
}

/** Shown when the person may not open a screen (the server would refuse its data anyway). */
export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <PageHeader title={t('forbidden.title')} lead={t('forbidden.body')} />
      <p>
        <Link href={href('home')}>{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
