import { PageHead } from '../bits';
import { useHref, usePortal } from '../context';

export function NotFoundPage() {
  const { t } = usePortal();
  const href = useHref();
  return (
    <>
      <PageHead title={t('notFound.title')}>
        <p className="lead">{t('notFound.body')}</p>
      </PageHead>
      <p>
        <a href={href('/')}>{t('notFound.home')}</a>
      </p>
    </>
  );
}
