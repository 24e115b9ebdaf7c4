import { can, requirePermission } from '../../access/permissions';
import type { Queryable } from '../../db/pool';
import { invalid, notFound, versionConflict } from '../../errors';
import type { Ctx } from '../../types';
import { recordAudit } from '../audit/audit.service';
import * as repo from './contacts.repo';
import type { ContactInput, ContactPatch } from './contacts.schema';
import { findOrganizationById } from './organizations.repo';

/**
 * Contacts are personal data: only admin and the strategy office read or write them (401 for the public, 403
 * for other roles), and a strategy office scoped to an organization sees only the contacts inside its scope
 * (404 elsewhere, without saying whether the organization has any).
 */
async function loadOrg(ctx: Ctx, db: Queryable, id: string) {
  requirePermission(ctx.actor, 'organizations.contacts');
  const org = await findOrganizationById(db, id);
  if (!org || !can(ctx.actor, 'organizations.contacts', id)) throw notFound('organization');
  return org;
}

export async function listContacts(ctx: Ctx, id: string) {
  await loadOrg(ctx, ctx.db, id);
  return { items: await repo.findContactsOf(ctx.db, id) };
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export async function createContact(ctx: Ctx, id: string, input: ContactInput) {
  return ctx.db.tx(async (tx) => {
    await loadOrg(ctx, tx, id);
    if (!input.name.trim())
      throw invalid([{ path: '/body/name', code: 'required', message: 'a contact needs a name' }]);
    const created = await repo.insertContact(tx, id, {
      name: input.name.trim(),
      roleTitle: blankToNull(input.roleTitle),
      email: blankToNull(input.email),
      phone: blankToNull(input.phone),
    });
    // The audit keeps that a contact changed, not the personal data itself.
    await recordAudit(tx, ctx.actor, {
      action: 'contact.create',
      subjectType: 'organization',
      subjectId: id,
      after: { contactId: created.id },
    });
    return created;
  });
}

export async function updateContact(ctx: Ctx, id: string, contactId: string, patch: ContactPatch) {
  return ctx.db.tx(async (tx) => {
    await loadOrg(ctx, tx, id);
    const current = await repo.findContact(tx, id, contactId, true);
    if (!current) throw notFound('contact');
    if (current.version !== patch.version) throw versionConflict(current);
    const { version: _v, ...changes } = patch;
    const next = { ...current, ...changes };
    if (!next.name.trim())
      throw invalid([{ path: '/body/name', code: 'required', message: 'a contact needs a name' }]);
    const updated = await repo.updateContact(tx, contactId, {
      name: next.name.trim(),
      roleTitle: blankToNull(next.roleTitle),
      email: blankToNull(next.email),
      phone: blankToNull(next.phone),
    });
    await recordAudit(tx, ctx.actor, {
      action: 'contact.update',
      subjectType: 'organization',
      subjectId: id,
      after: { contactId },
    });
    return updated;
  });
}

export async function deleteContact(ctx: Ctx, id: string, contactId: string, version: number) {
  await ctx.db.tx(async (tx) => {
    await loadOrg(ctx, tx, id);
    const current = await repo.findContact(tx, id, contactId, true);
    if (!current) throw notFound('contact');
    if (current.version !== version) throw versionConflict(current);
    await repo.softDeleteContact(tx, contactId);
    await recordAudit(tx, ctx.actor, {
      action: 'contact.delete',
      subjectType: 'organization',
      subjectId: id,
      before: { contactId },
    });
  });
}
