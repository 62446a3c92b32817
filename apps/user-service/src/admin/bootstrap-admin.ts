import { ConflictError, type Logger } from '@peerprep/service-kit';
import type { PasswordHasher } from '../auth/password-hasher';
import type { UsersRepository } from '../users/users.repository';

export interface BootstrapAdminSettings {
  ADMIN_USERNAME?: string | undefined;
  ADMIN_EMAIL?: string | undefined;
  ADMIN_PASSWORD?: string | undefined;
}

export type BootstrapOutcome = 'skipped' | 'created' | 'promoted' | 'unchanged';

/**
 * Makes sure the configured first admin exists: creates it, or promotes the
 * existing account with that username (else that email). An existing
 * password is never overwritten, so rotating ADMIN_PASSWORD in the
 * environment cannot take over an account. Safe to run on every start and
 * from several replicas at once.
 */
export async function ensureBootstrapAdmin(
  settings: BootstrapAdminSettings,
  deps: { users: UsersRepository; hasher: PasswordHasher; logger: Logger },
): Promise<BootstrapOutcome> {
  const { ADMIN_USERNAME: username, ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = settings;
  if (!username || !email || !password) return 'skipped';
  const { users, hasher, logger } = deps;

  const promoteExisting = async (): Promise<BootstrapOutcome | undefined> => {
    const user = (await users.findByUsernameOrEmail(username)) ?? (await users.findByUsernameOrEmail(email));
    if (!user) return undefined;
    if (user.role === 'ADMIN') return 'unchanged';
    await users.promoteToAdmin(user.id);
    logger.info({ userId: user.id }, 'bootstrap admin: existing account promoted');
    return 'promoted';
  };

  const found = await promoteExisting();
  if (found) return found;
  try {
    const created = await users.create({
      username,
      email,
      displayName: username,
      passwordHash: await hasher.hash(password),
      role: 'ADMIN',
    });
    logger.info({ userId: created.id }, 'bootstrap admin: account created');
    return 'created';
  } catch (error) {
    // Another replica created it between our lookup and insert.
    if (error instanceof ConflictError) return (await promoteExisting()) ?? 'unchanged';
    throw error;
  }
}
