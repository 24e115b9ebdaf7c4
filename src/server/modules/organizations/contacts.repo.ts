import type { Queryable } from '../../db/pool';

export interface Contact {
  id: string;
  name: string;
  roleTitle: string | null;
  email: string | null;
  phone: string | null;
  version: number;
}

const COLUMNS = `id, name, role_title AS "roleTitle", email, phone, version`;

export function findContactsOf(db: Queryable, orgId: string): Promise<Contact[]> {
  return db.query<Contact>(
    `SELECT ${COLUMNS} FROM organization_contacts WHERE organization_id = $1 AND deleted_at IS NULL ORDER BY name`,
    [orgId],
  );
}

export function findContact(
  db: Queryable,
  orgId: string,
  id: string,
  forUpdate = false,
): Promise<Contact | null> {
  return db.maybeOne<Contact>(
    `SELECT ${COLUMNS} FROM organization_contacts WHERE id = $1 AND organization_id = $2 AND deleted_at IS NULL
     ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id, orgId],
  );
}

type Fields = Omit<Contact, 'id' | 'version'>;

export function insertContact(tx: Queryable, orgId: string, c: Fields): Promise<Contact> {
  return tx.one<Contact>(
    `INSERT INTO organization_contacts (organization_id, name, role_title, email, phone)
     VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [orgId, c.name, c.roleTitle, c.email, c.phone],
  );
}

export function updateContact(tx: Queryable, id: string, c: Fields): Promise<Contact> {
  return tx.one<Contact>(
    `UPDATE organization_contacts SET name = $2, role_title = $3, email = $4, phone = $5, version = version + 1,
            updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, c.name, c.roleTitle, c.email, c.phone],
  );
}

export async function softDeleteContact(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE organization_contacts SET deleted_at = now(), updated_at = now() WHERE id = $1', [
    id,
  ]);
}
