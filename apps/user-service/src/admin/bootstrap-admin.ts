import { ConflictError, type Logger } from '@peerprep/service-kit';
import type { PasswordHasher } from '../auth/password-hasher';
import type { User, UsersRepository } from '../users/users.repository';

export interface BootstrapAdminSettings {
  ADMIN_USERNAME?: string | undefined;
  ADMIN_EMAIL?: string | undefined;
  ADMIN_PASSWORD?: string | undefined;
}

/**
 * - created: no account had the username or the email; the admin now exists.
 * - unchanged: the account is already an ADMIN.
 * - promoted: a USER with that name whose password is ADMIN_PASSWORD (the
 *   operator proved they own it).
 * - refused: an account the operator cannot prove to own holds the username
 *   or the email (logged at error level; nobody was promoted).
 */
export type BootstrapOutcome = 'skipped' | 'created' | 'promoted' | 'unchanged' | 'refused';

/**
 * Makes sure the configured first admin exists. It creates the account when
 * neither the username nor the email is taken, and never promotes an account
 * somebody else created: anyone may sign up as `admin` before an operator
 * sets ADMIN_USERNAME, so an existing USER is promoted only when its password
 * is ADMIN_PASSWORD. An existing password is never overwritten, so rotating
 * ADMIN_PASSWORD in the environment cannot take over an account either.
 * A refusal does not stop the service (a squatter could otherwise keep it
 * down); it is logged loudly and the operator picks other names. Safe to run
 * on every start and from several replicas at once.
 */
export async function ensureBootstrapAdmin(
  settings: BootstrapAdminSettings,
  deps: { users: UsersRepository; hasher: PasswordHasher; logger: Logger },
): Promise<BootstrapOutcome> {
  const { ADMIN_USERNAME: username, ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = settings;
  if (!username || !email || !password) return 'skipped';
  const { users, hasher, logger } = deps;

  const refuse = (holders: User[], why: string): BootstrapOutcome => {
    logger.error(
      { userIds: holders.map((u) => u.id) },
      `bootstrap admin refused: ${why}; nobody was promoted. Choose an ADMIN_USERNAME and ADMIN_EMAIL nobody holds, ` +
        'or set ADMIN_PASSWORD to that account’s password to prove you own it',
    );
    return 'refused';
  };

  /** undefined when neither the username nor the email is taken. */
  const settleExisting = async (): Promise<BootstrapOutcome | undefined> => {
    const [byName, byEmail] = await Promise.all([users.findByUsernameOrEmail(username), users.findByUsernameOrEmail(email)]);
    const holders = [byName, byEmail].filter((u): u is User => u !== null);
    if (holders.length === 0) return undefined;
    if (holders.some((u) => u.id !== holders[0].id)) {
      return refuse(holders, 'ADMIN_USERNAME and ADMIN_EMAIL belong to two different accounts');
    }
    const user = holders[0];
    if (user.role === 'ADMIN') return 'unchanged';
    if (!(await hasher.verify(user.passwordHash, password))) {
      return refuse([user], 'an account that is not an admin already holds ADMIN_USERNAME or ADMIN_EMAIL and its password is not ADMIN_PASSWORD');
    }
    await users.promoteToAdmin(user.id);
    logger.warn({ userId: user.id }, 'bootstrap admin: existing account promoted (its password is ADMIN_PASSWORD)');
    return 'promoted';
  };

  const settled = await settleExisting();
  if (settled) return settled;
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
    // Another replica (or a sign-up) took the name between our lookup and insert.
    if (error instanceof ConflictError) return (await settleExisting()) ?? 'unchanged';
    throw error;
  }
}
