import type { ReportState } from '../../api/reporting-types';
import { STATUSES, type Status } from '../../api/strategy-types';
import { StatusBadge } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';
import { Link } from '../../router/history';
import { href } from '../../router/routes';
import { useSession } from '../../session/SessionProvider';

/** Names of the report states, with literal keys so the catalogue test sees them. */
export function reportStateLabels(t: Translator): Record<ReportState, string> {
  return {
    assigned: t('reporting.state.assigned'),
    draft: t('reporting.state.draft'),
    submitted: t('reporting.state.submitted'),
    returned: t('reporting.state.returned'),
    approved: t('reporting.state.approved'),
  };
}

/** The shape beside each state, so that it never rests on colour alone. */
const STATE_ICON: Record<ReportState, string> = {
  assigned: '○',
  draft: '✎',
  submitted: '➜',
  returned: '↩',
  approved: '✓',
};

/** A report's state as words, an icon and a colour; "late" is written out beside it. */
export function ReportStateBadge({ state, isLate = false }: { state: ReportState; isLate?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="report-badges">
      <span className={`state-badge report-state report-state-${state}`}>
        <span aria-hidden="true">{STATE_ICON[state] ?? '?'} </span>
        {reportStateLabels(t)[state] ?? state}
      </span>
      {isLate && <span className="state-badge report-late">{t('reporting.late')}</span>}
    </span>
  );
}

/** An evaluation status from the computation library, as the tree shows it. */
export function EvaluationBadge({ status }: { status: string }) {
  return STATUSES.includes(status as Status) ? (
    <StatusBadge status={status as Status} />
  ) : (
    <span className="state-badge">{status}</span>
  );
}

/** Tabs between the reporting screens: cycles and reports, and the committee's agenda for reviewers. */
export function ReportingNav({ current }: { current: 'reporting' | 'agenda' | 'reasons' }) {
  const { t } = useI18n();
  const { can } = useSession();
  const entries = [
    { route: 'reporting' as const, label: t('reporting.title'), show: true },
    { route: 'agenda' as const, label: t('agenda.title'), show: can('reporting.review') },
    { route: 'reasons' as const, label: t('reasons.title'), show: can('reporting.manage') },
  ].filter((entry) => entry.show);
  return (
    <nav className="sub-nav" aria-label={t('nav.reporting')}>
      <ul>
        {entries.map((entry) => (
          <li key={entry.route}>
            <Link href={href(entry.route)} aria-current={entry.route === current ? 'page' : undefined}>
              {entry.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
