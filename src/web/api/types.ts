import type { I18nText, Locale } from '../../domain/i18n';

export const ROLES = ['admin', 'strategy_office', 'reviewer', 'reporter', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_TYPES = [
  'ministry',
  'agency',
  'public_body',
  'enterprise',
  'sme',
  'startup',
  'university',
  'association',
  'federation',
  'cluster',
  'international_partner',
  'other',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export interface RoleGrant {
  role: Role;
  organizationId: string | null;
  organizationCode: string | null;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  locale: Locale;
  roles: RoleGrant[];
  abilities: string[];
}

export interface SessionInfo {
  user: SessionUser | null;
  csrfToken: string | null;
}

export interface Organization {
  id: string;
  code: string;
  name: I18nText;
  acronym: string | null;
  type: OrganizationType;
  parentId: string | null;
  regionCode: string | null;
  website: string | null;
  version: number;
}

export interface OrganizationInput {
  code: string;
  name: I18nText;
  acronym?: string | null;
  type: OrganizationType;
  parentId?: string | null;
  regionCode?: string | null;
  website?: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  locale: Locale;
  isActive: boolean;
  roles: RoleGrant[];
}

export interface UserInput {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  locale: Locale;
  roles: { role: Role; organizationId?: string }[];
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: { id: string; username: string } | null;
  actorKind: 'user' | 'token' | 'system' | 'anonymous';
  action: string;
  subjectType: string;
  subjectId: string | null;
  requestId: string | null;
  diff: Record<string, { from: unknown; to: unknown }> | null;
}

export interface ListOf<T> {
  items: T[];
}
