import { localize } from '../../../domain/i18n';
import type { Organization, OrganizationType, Role } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { DIRECTION } from '../../i18n/messages';
import type { Translator } from '../../i18n/translate';

/** Role names in the person's language; a Record so a new role fails to compile until it is named. */
export function roleLabels(t: Translator): Record<Role, string> {
  return {
    admin: t('roles.admin'),
    strategy_office: t('roles.strategy_office'),
    reviewer: t('roles.reviewer'),
    reporter: t('roles.reporter'),
    analyst: t('roles.analyst'),
    viewer: t('roles.viewer'),
  };
}

/** Organization types in the person's language. */
export function organizationTypeLabels(t: Translator): Record<OrganizationType, string> {
  return {
    ministry: t('orgTypes.ministry'),
    agency: t('orgTypes.agency'),
    public_body: t('orgTypes.public_body'),
    enterprise: t('orgTypes.enterprise'),
    sme: t('orgTypes.sme'),
    startup: t('orgTypes.startup'),
    university: t('orgTypes.university'),
    association: t('orgTypes.association'),
    federation: t('orgTypes.federation'),
    cluster: t('orgTypes.cluster'),
    international_partner: t('orgTypes.international_partner'),
    other: t('orgTypes.other'),
  };
}

export function RoleLabel({ role }: { role: Role }) {
  const { t } = useI18n();
  return <span className="badge">{roleLabels(t)[role] ?? role}</span>;
}

/**
 * An organization's name in the interface language, falling back to another language; the text then carries
 * its own `lang` (and so its direction) so an Arabic name in a French page still reads right.
 */
export function OrganizationName({ organization }: { organization: Pick<Organization, 'name' | 'code'> }) {
  const { locale } = useI18n();
  const found = localize(organization.name, locale);
  if (!found) return <span>{organization.code}</span>;
  return found.locale === locale ? (
    <span>{found.text}</span>
  ) : (
    <span lang={found.locale} dir={DIRECTION[found.locale]}>
      {found.text}
    </span>
  );
}

/** Plain-text version for `<option>`s, which cannot hold markup. */
export function organizationNameText(
  organization: Pick<Organization, 'name' | 'code'>,
  locale: Parameters<typeof localize>[1],
): string {
  return localize(organization.name, locale)?.text ?? organization.code;
}
