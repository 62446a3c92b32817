import { z } from 'zod';
import { ROLES } from './constants';

/*
 * What a page needs to restore a session (the answer of refresh, login and
 * signup) and the primitives it is built of, alone. A module's schemas are
 * all built when it is first imported, and building them is most of zod's
 * cost in a browser: a signed-in page loads this module to check the refresh
 * answer (`@peerprep/contracts/session`) and builds six schemas instead of
 * every schema of users and auth. `common`, `users` and `auth` re-export
 * these, so every other import stays as it is.
 */

/** Every entity id in the platform is a UUID (v4 or v7, issued by its owning service). */
export const idSchema = z.uuid();
export type Id = z.infer<typeof idSchema>;

/** Instants travel as ISO 8601 UTC strings (`Date.prototype.toISOString()`). */
export const isoDateTimeSchema = z.iso.datetime();
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The signed-in user's own account, and what admins see in the users list. */
export const userProfileSchema = z.object({
  id: idSchema,
  username: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type UserProfile = z.infer<typeof userProfileSchema>;

/** Answer of signup, login and refresh; the refresh token itself goes in the cookie. */
export const tokenResponseSchema = z.object({
  accessToken: z.string().min(1),
  tokenType: z.literal('Bearer'),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  user: userProfileSchema,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
