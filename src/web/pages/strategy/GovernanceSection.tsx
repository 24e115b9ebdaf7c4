import { api } from '../../api/client';
import { isMissingRoute } from '../../api/problem';
import type { GovernanceBody, ReportingLine } from '../../api/strategy-types';
import type { ListOf, Organization } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { LocalText } from '../../components/LocalText';
import { bodyKindLabels } from '../../components/labels';
import { SourceCitation } from '../../components/SourceCitation';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { OrganizationName } from '../admin/labels';

/** The bodies that steer the strategy (chair, members, mandate, to whom they report) and who reviews whom. */
export function GovernanceSection({ code }: { code: string }) {
  const { t } = useI18n();
  const path = `/api/strategies/${encodeURIComponent(code)}`;
  const bodies = useLoad(() => api<ListOf<GovernanceBody>>('GET', `${path}/bodies`), code);
  const lines = useLoad(() => api<ListOf<ReportingLine>>('GET', `${path}/reporting-lines`), code);
  const organizations = useLoad(() => api<ListOf<Organization>>('GET', '/api/organizations'), 'all');
  const orgs = new Map((organizations.data?.items ?? []).map((o) => [o.code, o]));
  const byCode = new Map((bodies.data?.items ?? []).map((b) => [b.code, b]));
  const org = (codeOf: string) => {
    const found = orgs.get(codeOf);
    return found ? <OrganizationName organization={found} /> : <code>{codeOf}</code>;
  };
  const body = (codeOf: string) => {
    const found = byCode.get(codeOf);
    return found ? <LocalText text={found.name} /> : <code>{codeOf}</code>;
  };
  const kinds = bodyKindLabels(t);
  const items = bodies.data?.items ?? [];

  return (
    <section aria-labelledby="governance-title">
      <h2 id="governance-title">{t('governance.title')}</h2>
      {isMissingRoute(bodies.error) ? (
        <Alert kind="info">{t('errors.route_not_found')}</Alert>
      ) : bodies.error ? (
        <Alert kind="error">{problemMessage(t, bodies.error)}</Alert>
      ) : null}
      {bodies.data === undefined ? (
        bodies.loading && <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('governance.none')}</p>
      ) : (
        <ul className="card-list card-list-wide">
          {items.map((item) => (
            <li key={item.code}>
              <article className="card" aria-labelledby={`body-${item.code}`}>
                <div className="card-top">
                  <code className="code-chip">{item.code}</code>
                  <span className="tag">{kinds[item.kind] ?? item.kind}</span>
                </div>
                <h3 id={`body-${item.code}`}>
                  <LocalText text={item.name} />
                </h3>
                {item.mandate && <LocalText as="p" text={item.mandate} />}
                <dl className="facts facts-compact">
                  <div>
                    <dt>{t('governance.chair')}</dt>
                    <dd>{item.chair ? org(item.chair) : <span className="muted">—</span>}</dd>
                  </div>
                  <div className="facts-wide">
                    <dt>{t('governance.members')}</dt>
                    <dd>
                      {item.members.length === 0 ? (
                        <span className="muted">{t('governance.noMembers')}</span>
                      ) : (
                        <ul className="comma-list">
                          {item.members.map((member) => (
                            <li key={member}>{org(member)}</li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </div>
                  {item.reportsTo && (
                    <div>
                      <dt>{t('governance.reportsTo')}</dt>
                      <dd>{body(item.reportsTo)}</dd>
                    </div>
                  )}
                </dl>
                {item.source && (
                  <p className="small">
                    <SourceCitation source={item.source} compact />
                  </p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      {(lines.data?.items.length ?? 0) > 0 && (
        <>
          <h3>{t('governance.linesTitle')}</h3>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('governance.linesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('governance.reportingOrganization')}</th>
                  <th scope="col">{t('governance.reviewer')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.data?.items.map((line) => (
                  <tr key={`${line.organization}-${line.reviewer}`}>
                    <td>{org(line.organization)}</td>
                    <td>{body(line.reviewer)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
