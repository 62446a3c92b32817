import type { RevocationList } from '@peerprep/auth';
import type { LoginRequest, SignupRequest, TokenResponse } from '@peerprep/contracts';
import { UnauthorizedError, type Logger } from '@peerprep/service-kit';
import type { AuthRateLimits } from '../rate-limits/auth-rate-limits';
import type { IssuedSession, SessionsService } from '../sessions/sessions.service';
import { toUserProfile } from '../users/user-profile';
import type { User, UsersRepository } from '../users/users.repository';
import type { AccessTokenIssuer } from './access-token';
import type { PasswordHasher } from './password-hasher';

export interface AuthServiceDeps {
  users: UsersRepository;
  sessions: SessionsService;
  hasher: PasswordHasher;
  issueAccessToken: AccessTokenIssuer;
  rateLimits: AuthRateLimits;
  revocations: Pick<RevocationList, 'revokeSession'>;
  logger: Logger;
}

/** A signed-in result: the body for the client and the session whose refresh token goes in the cookie. */
export interface SignedIn {
  body: TokenResponse;
  session: IssuedSession;
}

// One message for every wrong credential: it must not tell which part was wrong.
const INVALID_CREDENTIALS = 'The username/email or password is incorrect';

/**
 * The key that counts failed logins: the account when it exists (so username
 * and email share one budget), else the identifier as typed, so that an
 * unknown account is throttled exactly like a real one.
 */
export function failedLoginKey(user: User | null, identifier: string): string {
  return user ? `user:${user.id}` : `identifier:${identifier.trim().toLowerCase()}`;
}

export function createAuthService({ users, sessions, hasher, issueAccessToken, rateLimits, revocations, logger }: AuthServiceDeps) {
  async function signIn(user: User, session: IssuedSession): Promise<SignedIn> {
    const { accessToken, expiresIn } = await issueAccessToken(user, session.sessionId);
    return { body: { accessToken, tokenType: 'Bearer', expiresIn, user: toUserProfile(user) }, session };
  }

  return {
    /** Creates a USER (never anything else) and signs it in; ConflictError naming a taken username/email. */
    async signup(input: SignupRequest, ip: string): Promise<SignedIn> {
      await rateLimits.signupAttempt(ip);
      const user = await users.create({
        username: input.username,
        email: input.email,
        displayName: input.displayName ?? input.username,
        passwordHash: await hasher.hash(input.password),
      });
      return signIn(user, await sessions.start(user.id));
    },

    /**
     * The same work (one lookup, one argon2 verification, the same Redis
     * calls) whether the account exists or not, and the same 401 for every
     * wrong credential.
     */
    async login({ identifier, password }: LoginRequest, ip: string): Promise<SignedIn> {
      await rateLimits.loginAttempt(ip);
      const user = await users.findByUsernameOrEmail(identifier);
      const attempt = { accountKey: failedLoginKey(user, identifier), ip };
      await rateLimits.assertLoginAllowed(attempt);
      const valid = user ? await hasher.verify(user.passwordHash, password) : await hasher.verifyAgainstDummy(password);
      if (!user || !valid) {
        await rateLimits.recordFailedLogin(attempt);
        throw new UnauthorizedError(INVALID_CREDENTIALS);
      }
      await rateLimits.recordSuccessfulLogin(attempt);
      if (hasher.needsRehash(user.passwordHash)) {
        await users.updatePasswordHash(user.id, await hasher.hash(password));
        logger.info({ userId: user.id }, 'password rehashed with current parameters');
      }
      return signIn(user, await sessions.start(user.id));
    },

    /** Rotates the refresh token and issues a fresh access token with the user's current role and names. */
    async refresh(presented: string | undefined, ip: string): Promise<SignedIn> {
      await rateLimits.refreshAttempt(ip);
      if (!presented) throw new UnauthorizedError('No session: sign in');
      const session = await sessions.rotate(presented);
      const user = await users.findById(session.userId);
      // Deleted accounts lose their tokens in the same transaction; this is belt and braces.
      if (!user) throw new UnauthorizedError('The account no longer exists');
      return signIn(user, session);
    },

    /** Ends the session and revokes its access tokens everywhere (their requests get 401, their sockets close). */
    async logout(presented: string | undefined): Promise<void> {
      if (!presented) return;
      const ended = await sessions.end(presented);
      if (ended) await revocations.revokeSession(ended.userId, ended.sessionId);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
