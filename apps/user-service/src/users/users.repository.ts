import { ConflictError } from '@peerprep/service-kit';
import type { PrismaClient } from '../db/prisma';
import { uniqueViolationFields } from '../db/unique-violation';
import type { Role, User } from '../generated/prisma/client';

export type { Role, User };

export interface NewUser {
  username: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role?: Role;
}

/** The only code that reads or writes the users table. */
export function createUsersRepository(prisma: PrismaClient) {
  return {
    /** Throws ConflictError naming `username` and/or `email` when either is taken, whatever its case. */
    async create(input: NewUser): Promise<User> {
      try {
        return await prisma.user.create({ data: input });
      } catch (error) {
        const fields = uniqueViolationFields(error);
        if (!fields) throw error;
        const taken = (['username', 'email'] as const).filter((name) => fields.some((field) => field.includes(name)));
        throw new ConflictError(
          'An account with these details already exists',
          taken.map((field) => ({ field, message: `This ${field} is already taken` })),
        );
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
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
