import type { EventEnvelope } from '@peerprep/contracts';
import { outboxRow } from '@peerprep/messaging';
import { ConflictError, uniqueViolationFields } from '@peerprep/service-kit';
import type { PrismaClient } from '../db/prisma';
import { Prisma, type Role, type User } from '../generated/prisma/client';

export type { Role, User };

/** A user as lists show it: never the password hash. */
export type UserSummary = Omit<User, 'passwordHash'>;

export interface NewUser {
  username: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role?: Role;
}

export interface ProfileChanges {
  username?: string | undefined;
  email?: string | undefined;
  displayName?: string | undefined;
}

export interface UserSearch {
  q?: string | undefined;
  role?: Role | undefined;
  page: number;
  pageSize: number;
}

/** Outcome of a change that must leave at least one admin. */
export type AdminGuarded<T> = { ok: true; value: T } | { ok: false; reason: 'not-found' | 'last-admin' };

/** Maps a unique violation on username/email to a ConflictError naming the field(s); rethrows anything else. */
function rethrowAsConflict(error: unknown): never {
  const fields = uniqueViolationFields(error);
  if (!fields) throw error;
  const taken = (['username', 'email'] as const).filter((name) => fields.some((field) => field.includes(name)));
  throw new ConflictError(
    'An account with these details already exists',
    taken.map((field) => ({ field, message: `This ${field} is already taken` })),
  );
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/**
 * Locks the admin rows, so two admins demoting each other at once cannot
 * both see "another admin remains".
 */
async function lockedAdminIds(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE role = 'ADMIN' FOR UPDATE`;
  return rows.map((row) => row.id);
}

/** The only code that reads or writes the users table. */
export function createUsersRepository(prisma: PrismaClient) {
  return {
    /** Throws ConflictError naming `username` and/or `email` when either is taken, whatever its case. */
    async create(input: NewUser): Promise<User> {
      try {
        return await prisma.user.create({ data: input });
      } catch (error) {
        rethrowAsConflict(error);
      }
    },

    findById(id: string): Promise<User | null> {
      return prisma.user.findUnique({ where: { id } });
    },

    /**
     * Login accepts either a username or an email, in any case. One query
     * comparing lower(...), so the case-insensitive unique indexes serve it.
     */
    async findByUsernameOrEmail(identifier: string): Promise<User | null> {
      const key = identifier.trim().toLowerCase();
      const rows = await prisma.$queryRaw<User[]>`
        SELECT id, username, email, display_name AS "displayName", password_hash AS "passwordHash",
               role, created_at AS "createdAt", updated_at AS "updatedAt"
        FROM users
        WHERE lower(username) = ${key} OR lower(email) = ${key}
        LIMIT 1`;
      return rows[0] ?? null;
    },

    /** Null when the user no longer exists; ConflictError as for create. */
    async updateProfile(id: string, changes: ProfileChanges): Promise<User | null> {
      try {
        return await prisma.user.update({ where: { id }, data: changes });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
        rethrowAsConflict(error);
      }
    },

    async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
      await prisma.user.updateMany({ where: { id }, data: { passwordHash } });
    },

    async promoteToAdmin(id: string): Promise<User> {
      return prisma.user.update({ where: { id }, data: { role: 'ADMIN' } });
    },

    /**
     * One page of users, newest first, optionally filtered by a substring of
     * username, email or display name (case-insensitive) and by role. One
     * statement: the total rides along as a window count.
     */
    async search({ q, role, page, pageSize }: UserSearch): Promise<{ items: UserSummary[]; total: number }> {
      const pattern = q ? `%${escapeLike(q)}%` : null;
      const where = Prisma.sql`
        WHERE (${pattern}::text IS NULL OR username ILIKE ${pattern} OR email ILIKE ${pattern} OR display_name ILIKE ${pattern})
          AND (${role ?? null}::text IS NULL OR role::text = ${role ?? null})`;
      const rows = await prisma.$queryRaw<(UserSummary & { total: bigint })[]>`
        SELECT id, username, email, display_name AS "displayName", role,
               created_at AS "createdAt", updated_at AS "updatedAt", count(*) OVER () AS total
        FROM users ${where}
        ORDER BY created_at DESC, id
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
      if (rows.length > 0) {
        return { items: rows.map(({ total: _total, ...user }) => user), total: Number(rows[0]?.total ?? 0) };
      }
      // A page past the end has no row to carry the total.
      const [counted] = await prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM users ${where}`;
      return { items: [], total: Number(counted?.total ?? 0) };
    },

    /** Sets the role unless that would leave no admin. */
    async changeRole(id: string, role: Role): Promise<AdminGuarded<User>> {
      return prisma.$transaction(async (tx) => {
        const admins = await lockedAdminIds(tx);
        if (role === 'USER' && admins.length === 1 && admins[0] === id) return { ok: false, reason: 'last-admin' };
        const { count } = await tx.user.updateMany({ where: { id }, data: { role } });
        if (count === 0) return { ok: false, reason: 'not-found' };
        const user = await tx.user.findUniqueOrThrow({ where: { id } });
        return { ok: true, value: user };
      });
    },

    /** Deletes the user and its refresh tokens in one transaction, unless it is the last admin. */
    /** Deletes the user and their sessions, and commits `event` (user.deleted) to the outbox with them. */
    async deleteWithSessions(id: string, event: EventEnvelope): Promise<AdminGuarded<void>> {
      return prisma.$transaction(async (tx) => {
        const admins = await lockedAdminIds(tx);
        if (admins.length === 1 && admins[0] === id) return { ok: false, reason: 'last-admin' };
        await tx.refreshToken.deleteMany({ where: { userId: id } });
        const { count } = await tx.user.deleteMany({ where: { id } });
        if (count !== 1) return { ok: false, reason: 'not-found' };
        await tx.outboxEvent.create({ data: outboxRow(event) });
        return { ok: true, value: undefined };
      });
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
