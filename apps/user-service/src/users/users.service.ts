import type { RevocationList } from '@peerprep/auth';
import type { ListUsersQuery, Role, UpdateProfileRequest, UserProfile, UsersPage } from '@peerprep/contracts';
import { createEvent, type OutboxRelay } from '@peerprep/messaging';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError, type Logger } from '@peerprep/service-kit';
import type { PasswordHasher } from '../auth/password-hasher';
import type { AuthRateLimits } from '../rate-limits/auth-rate-limits';
import type { IssuedSession, SessionsService } from '../sessions/sessions.service';
import { toUserProfile } from './user-profile';
import type { User, UsersRepository } from './users.repository';

export interface UsersServiceDeps {
  users: UsersRepository;
  sessions: SessionsService;
  hasher: PasswordHasher;
  rateLimits: AuthRateLimits;
  /** Told after a commit that wrote an event, so it publishes now rather than at its next poll. */
  outbox: Pick<OutboxRelay, 'wake'>;
  revocations: Pick<RevocationList, 'revokeUserTokens'>;
  logger: Logger;
}

const LAST_ADMIN = 'This would leave the platform without an admin; make another user admin first';

export function createUsersService({ users, sessions, hasher, rateLimits, outbox, revocations, logger }: UsersServiceDeps) {
  async function existing(userId: string): Promise<User> {
    const user = await users.findById(userId);
    // A valid access token can outlive its account by up to its 15 minutes.
    if (!user) throw new UnauthorizedError('The account no longer exists');
    return user;
  }

  /**
   * A password confirmation made with a valid access token. A wrong password
   * is a 400 on the field (the session itself is fine, so not a 401) and
   * counts against the same per-account budget as failed logins.
   */
  async function confirmPassword(user: User, password: string, field: string): Promise<void> {
    const accountKey = `user:${user.id}`;
    await rateLimits.assertAccountNotLocked(accountKey);
    if (!(await hasher.verify(user.passwordHash, password))) {
      await rateLimits.recordFailedAttempt(accountKey);
      throw new ValidationError('The password is incorrect', [{ field, message: 'The password is incorrect' }]);
    }
  }

  return {
    async getOwnProfile(userId: string): Promise<UserProfile> {
      return toUserProfile(await existing(userId));
    },

    /** Only username, email and display name can change (the body schema is strict). */
    async updateOwnProfile(userId: string, changes: UpdateProfileRequest): Promise<UserProfile> {
      const updated = await users.updateProfile(userId, {
        username: changes.username,
        email: changes.email,
        displayName: changes.displayName,
      });
      if (!updated) throw new UnauthorizedError('The account no longer exists');
      return toUserProfile(updated);
    },

    /**
     * Revokes every session of the user, including the caller's (whose
     * refresh token may be the stolen one), and starts a fresh session for
     * the caller: its refresh token goes in the cookie, so the caller stays
     * signed in and everyone else is out.
     */
    async changeOwnPassword(userId: string, currentPassword: string, newPassword: string): Promise<IssuedSession> {
      const user = await existing(userId);
      await confirmPassword(user, currentPassword, 'currentPassword');
      await users.updatePasswordHash(user.id, await hasher.hash(newPassword));
      await sessions.revokeAll(user.id);
      await revocations.revokeUserTokens(user.id);
      logger.info({ userId: user.id }, 'password changed; every other session and access token revoked');
      return sessions.start(user.id);
    },

    /**
     * Deletes the account and its sessions, and commits `user.deleted` to the
     * outbox in the same transaction, so the owners of the user's other data
     * anonymise it even if this process dies or the broker is down right
     * after the commit (the outbox relay publishes it with confirms).
     */
    async deleteOwnAccount(userId: string, password: string, correlationId?: string): Promise<void> {
      const user = await existing(userId);
      await confirmPassword(user, password, 'password');
      const result = await users.deleteWithSessions(user.id, createEvent('user.deleted', { userId: user.id }, { correlationId }));
      if (!result.ok && result.reason === 'last-admin') throw new ConflictError(LAST_ADMIN);
      if (!result.ok) throw new UnauthorizedError('The account no longer exists');
      await revocations.revokeUserTokens(user.id);
      logger.info({ userId: user.id }, 'account deleted');
      outbox.wake();
    },

    async listUsers(query: ListUsersQuery): Promise<UsersPage> {
      const { items, total } = await users.search(query);
      return { items: items.map(toUserProfile), total, page: query.page, pageSize: query.pageSize };
    },

    /** ConflictError when it would demote the last admin. */
    async changeRole(targetId: string, role: Role): Promise<UserProfile> {
      const result = await users.changeRole(targetId, role);
      if (result.ok) {
        // Tokens carry the role: the old ones go, the next refresh carries the new role.
        await revocations.revokeUserTokens(targetId);
        return toUserProfile(result.value);
      }
      if (result.reason === 'last-admin') throw new ConflictError(LAST_ADMIN);
      throw new NotFoundError('No such user');
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
