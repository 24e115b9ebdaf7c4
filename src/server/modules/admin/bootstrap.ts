import { randomBytes } from 'node:crypto';
import { systemActor } from '../../access/actor';
import type { Db } from '../../db/pool';
import { countUsers } from '../users/users.repo';
import { createUser } from '../users/users.service';

/**
 * On the first start (no account at all), creates the `admin` account. Its password is MARSAD_ADMIN_PASSWORD
 * when set; otherwise a random one that is returned here, to be printed once and never stored in clear.
 */
export async function ensureAdmin(
  db: Db,
  adminPassword: string | null,
): Promise<{ created: boolean; password?: string }> {
  if ((await countUsers(db)) > 0) return { created: false };
  const password = adminPassword ?? randomBytes(12).toString('base64url');
  await createUser(
    { actor: systemActor('first start'), db },
    { username: 'admin', displayName: 'Administrator', password, locale: 'fr', roles: [{ role: 'admin' }] },
    { mustChangePassword: adminPassword === null },
  );
  return adminPassword === null ? { created: true, password } : { created: true };
}
