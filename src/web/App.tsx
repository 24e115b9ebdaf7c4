import { useEffect } from 'react';
import { Loading } from './components/feedback';
import { AccountTokensPage } from './pages/account/TokensPage';
import { AuditPage } from './pages/admin/AuditPage';
import { OrganizationsPage } from './pages/admin/OrganizationsPage';
import { OutboxPage } from './pages/admin/OutboxPage';
import { UsersPage } from './pages/admin/UsersPage';
import { AgreementPage } from './pages/agreements/AgreementPage';
import { AgreementsPage } from './pages/agreements/AgreementsPage';
import { AgreementsSummaryPage } from './pages/agreements/AgreementsSummaryPage';
import { OrganizationProfilePage } from './pages/agreements/OrganizationProfilePage';
import { CallPage } from './pages/calls/CallPage';
import { CallsPage } from './pages/calls/CallsPage';
import { ProposalsPage } from './pages/consultation/ProposalsPage';
import { DashboardIndexPage, DashboardPage } from './pages/dashboard/DashboardPage';
import { ForbiddenPage, NotFoundPage } from './pages/ErrorPages';
import { HomePage } from './pages/HomePage';
import { ImportPage } from './pages/imports/ImportPage';
import { IndicatorPage } from './pages/indicators/IndicatorPage';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage';
import { LoginPage } from './pages/LoginPage';
import { ObservatoryPage } from './pages/observatory/ObservatoryPage';
import { AgendaPage } from './pages/reporting/AgendaPage';
import { CyclePage } from './pages/reporting/CyclePage';
import { ReasonsPage } from './pages/reporting/ReasonsPage';
import { ReportingPage } from './pages/reporting/ReportingPage';
import { ReportPage } from './pages/reporting/ReportPage';
import { BudgetPage } from './pages/strategy/BudgetPage';
import { StrategiesPage } from './pages/strategy/StrategiesPage';
import { StrategyPage } from './pages/strategy/StrategyPage';
import { navigate, useLocation } from './router/history';
import { href, matchPath, type RouteId, type RouteParams } from './router/routes';
import { useSession } from './session/SessionProvider';
import { Shell } from './shell/Shell';

/** Ability needed to open a screen; the server enforces it again on every call. */
const REQUIRED: Partial<Record<RouteId, string>> = {
  organizations: 'organizations.manage',
  users: 'users.manage',
  audit: 'audit.read',
  imports: 'imports.run',
  outbox: 'mail.outbox',
  agenda: 'reporting.review',
  reasons: 'reporting.manage',
};

/** Picks the screen from the path; signed-out people are sent to sign in, then brought back. */
export function App() {
  const { pathname, search } = useLocation();
  const { user, can } = useSession();
  const { route, params } = matchPath(pathname);
  const mustSignIn = user === null && route !== 'login';

  useEffect(() => {
    if (mustSignIn) {
      navigate(`${href('login')}?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    }
  }, [mustSignIn, pathname, search]);

  if (user === undefined || mustSignIn) {
    return (
      <Shell route={route} path={pathname}>
        <div className="page">
          <Loading />
        </div>
      </Shell>
    );
  }

  const required = REQUIRED[route];
  return (
    <Shell route={route} path={pathname}>
      {required && !can(required) ? <ForbiddenPage /> : <Screen route={route} params={params} />}
    </Shell>
  );
}

function Screen({ route, params }: { route: RouteId; params: RouteParams }) {
  switch (route) {
    case 'login':
      return <LoginPage />;
    case 'home':
      return <HomePage />;
    case 'organizations':
      return <OrganizationsPage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
    case 'tokens':
      return <AccountTokensPage />;
    case 'strategies':
      return <StrategiesPage />;
    case 'strategy':
      return <StrategyPage key={params.code} code={params.code ?? ''} section={params.section} />;
    case 'dashboard':
      return <DashboardPage key={params.code} code={params.code ?? ''} />;
    case 'dashboards':
      return <DashboardIndexPage />;
    case 'indicators':
      return <IndicatorsPage />;
    case 'indicator':
      return <IndicatorPage key={params.code} code={params.code ?? ''} />;
    case 'budget':
      return <BudgetPage />;
    case 'observatory':
      return <ObservatoryPage />;
    case 'imports':
      return <ImportPage />;
    case 'reporting':
      return <ReportingPage />;
    case 'cycle':
      return <CyclePage key={params.id} id={params.id ?? ''} />;
    case 'report':
      return <ReportPage key={params.id} id={params.id ?? ''} />;
    case 'agenda':
      return <AgendaPage />;
    case 'reasons':
      return <ReasonsPage />;
    case 'outbox':
      return <OutboxPage />;
    case 'agreements':
      return <AgreementsPage />;
    case 'agreementsSummary':
      return <AgreementsSummaryPage />;
    case 'agreement':
      return <AgreementPage code={params.code ?? ''} />;
    case 'organization':
      return <OrganizationProfilePage code={params.code ?? ''} />;
    case 'calls':
      return <CallsPage />;
    case 'call':
      return <CallPage key={params.code} code={params.code ?? ''} />;
    case 'consultation':
      return <ProposalsPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
