import { api, apiPath } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { PlanTree, Strategy } from '../../api/strategy-types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { localText } from '../../components/LocalText';
import { PageHeader } from '../../components/page';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate, useLocation } from '../../router/history';
import { href } from '../../router/routes';
import { NotFoundPage } from '../ErrorPages';
import { BudgetView } from './BudgetView';
import { ExportSection } from './ExportSection';
import { GovernanceSection } from './GovernanceSection';
import { PlanVersionsSection } from './PlanVersionsSection';
import { ProjectsSection } from './ProjectsSection';
import { StrategySummary } from './StrategySummary';
import { TreeSection } from './TreeSection';

export const SECTIONS = ['tree', 'budget', 'projects', 'governance', 'versions', 'export'] as const;
type Section = (typeof SECTIONS)[number];

/** The tree's options live in the address, so a view "as of 31 December 2013" can be shared. */
function useTreeOptions(): {
  asOf: string;
  policy: string;
  set(name: 'asOf' | 'policy', value: string): void;
} {
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  return {
    asOf: params.get('asOf') ?? '',
    policy: params.get('policy') ?? 'exclude',
    set(name, value) {
      const next = new URLSearchParams(search);
      if (value && !(name === 'policy' && value === 'exclude')) next.set(name, value);
      else next.delete(name);
      const qs = next.toString();
      navigate(qs ? `${pathname}?${qs}` : pathname, { replace: true });
    },
  };
}

/** One strategy: its header (vision, period, levels, progress) and its sections, each at its own address. */
export function StrategyPage({ code, section = 'tree' }: { code: string; section?: string }) {
  const { t, locale } = useI18n();
  const options = useTreeOptions();
  const strategy = useLoad(() => api<Strategy>('GET', `/api/strategies/${encodeURIComponent(code)}`), code);
  const tree = useLoad(
    () =>
      api<PlanTree>(
        'GET',
        apiPath(`/api/strategies/${encodeURIComponent(code)}/tree`, {
          asOf: options.asOf,
          policy: options.policy,
          explain: 'true',
        }),
      ),
    `${code}|${options.asOf}|${options.policy}`,
  );

  if (!(SECTIONS as readonly string[]).includes(section)) return <NotFoundPage />;
  if (strategy.error instanceof ApiError && strategy.error.status === 404) return <NotFoundPage />;
  if (strategy.error) {
    return (
      <div className="page">
        <Alert kind="error">{problemMessage(t, strategy.error)}</Alert>
      </div>
    );
  }
  if (!strategy.data) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  const current = section as Section;
  const data = strategy.data;
  const sectionNames: Record<Section, string> = {
    tree: t('strategy.sections.tree'),
    budget: t('strategy.sections.budget'),
    projects: t('strategy.sections.projects'),
    governance: t('strategy.sections.governance'),
    versions: t('strategy.sections.versions'),
    export: t('strategy.sections.export'),
  };
  const title = localText(data.title, locale, data.code);
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <ol>
          <li>
            <Link href={href('strategies')}>{t('strategies.title')}</Link>
          </li>
          <li aria-current="page">{data.code}</li>
        </ol>
      </nav>
      <PageHeader
        title={current === 'tree' ? title : `${title} — ${sectionNames[current]}`}
        lead={localText(data.subtitle, locale) || undefined}
      >
        <Link
          className="button"
          href={`${href('dashboard', { code })}${options.asOf ? `?asOf=${options.asOf}` : ''}`}
        >
          {t('dashboard.link')}
        </Link>
      </PageHeader>
      <StrategySummary
        strategy={data}
        tree={tree.data}
        full={current === 'tree'}
        onChanged={() => void strategy.reload()}
      />
      <nav className="sub-nav section-nav" aria-label={t('strategy.sectionsLabel')}>
        <ul>
          {SECTIONS.map((id) => (
            <li key={id}>
              <Link
                href={`${href('strategy', { code, section: id === 'tree' ? '' : id })}${searchOf(options)}`}
                aria-current={id === current ? 'page' : undefined}
              >
                {sectionNames[id]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {current === 'tree' && (
        <TreeSection
          strategy={data}
          tree={tree}
          asOf={options.asOf}
          policy={options.policy}
          onOptions={options.set}
        />
      )}
      {current === 'budget' && <BudgetView code={code} />}
      {current === 'projects' && <ProjectsSection code={code} />}
      {current === 'governance' && <GovernanceSection code={code} />}
      {current === 'versions' && <PlanVersionsSection code={code} />}
      {current === 'export' && <ExportSection code={code} />}
    </div>
  );
}

function searchOf(options: { asOf: string; policy: string }): string {
  const params = new URLSearchParams();
  if (options.asOf) params.set('asOf', options.asOf);
  if (options.policy !== 'exclude') params.set('policy', options.policy);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
