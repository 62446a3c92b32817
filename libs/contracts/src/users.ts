import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './constants';
import { idSchema, paginated, paginationQuerySchema, roleSchema, searchTextSchema } from './common';
import { userProfileSchema } from './session';

/** Unique case-insensitively; the service compares lower-cased forms. */
export const usernameSchema = z
  .string()
  .min(3, 'Username must be at least 3 characters')
  .max(20, 'Username must be at most 20 characters')
  .regex(/^[A-Za-z0-9_]+$/, 'Username may contain only letters, digits and underscores');

/** RFC 5321 caps an address at 254 characters. */
export const emailSchema = z.email('Enter a valid email address').max(254);

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './constants';

/** ASVS 2.1 (see limits.ts). */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** A password being checked (login, delete, change): any length policy was applied when it was set. */
export const passwordInputSchema = z.string().min(1, 'Password is required').max(PASSWORD_MAX_LENGTH);

/**
 * The control characters (Unicode category Cc) are exactly U+0000-U+001F and
 * U+007F-U+009F. Spelled as a flag-free range rather than `/\p{Cc}/u`: the
 * OpenAPI document carries the pattern as a string, where a flag cannot travel
 * and `\p{...}` is unknown to several regex dialects clients are generated for.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const NO_CONTROL_CHARACTERS = /^[^\x00-\x1F\x7F-\x9F]+$/;

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Display name is required')
  .max(50, 'Display name must be at most 50 characters')
  .regex(NO_CONTROL_CHARACTERS, 'Display name may not contain control characters');

/** What anyone may see of another user (a match peer, a room participant). */
export const publicUserSchema = z.object({
  id: idSchema,
  username: usernameSchema,
  displayName: z.string(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

export { userProfileSchema, type UserProfile } from './session';

/**
 * `PATCH /users/me`. Strict: any other key (role, id, passwordHash, ...) is a
 * 400, so mass assignment is impossible whatever the handler does with the body.
 */
export const updateProfileRequestSchema = z
  .strictObject({
    username: usernameSchema.optional(),
    email: emailSchema.optional(),
    displayName: displayNameSchema.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Provide at least one of username, email or displayName',
  });
export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;

/** `POST /users/me/password`. Other sessions are revoked on success. */
export const changePasswordRequestSchema = z
  .strictObject({
    currentPassword: passwordInputSchema,
    newPassword: passwordSchema,
  })
  .refine((body) => body.newPassword !== body.currentPassword, {
    message: 'The new password must differ from the current one',
    path: ['newPassword'],
  });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** `DELETE /users/me`: the password confirms intent even with a stolen access token. */
export const deleteAccountRequestSchema = z.strictObject({ password: passwordInputSchema });
export type DeleteAccountRequest = z.infer<typeof deleteAccountRequestSchema>;

/** `GET /users` (admin): `q` matches username, email or display name. */
export const listUsersQuerySchema = paginationQuerySchema.extend({
  q: searchTextSchema(100),
  role: roleSchema.optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const usersPageSchema = paginated(userProfileSchema);
export type UsersPage = z.infer<typeof usersPageSchema>;

export const userIdParamsSchema = z.object({ id: idSchema });
export type UserIdParams = z.infer<typeof userIdParamsSchema>;

/** `PATCH /users/:id/role` (admin). */
export const changeRoleRequestSchema = z.strictObject({ role: roleSchema });
export type ChangeRoleRequest = z.infer<typeof changeRoleRequestSchema>;
