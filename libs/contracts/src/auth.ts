import { z } from 'zod';
import { idSchema, roleSchema } from './common';
import { displayNameSchema, emailSchema, passwordInputSchema, passwordSchema, usernameSchema } from './users';

export { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH, SESSION_HINT_COOKIE_NAME } from './cookies';

/** `POST /auth/signup`. Strict: a client cannot choose its role or id. */
export const signupRequestSchema = z.strictObject({
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
  /** Defaults to the username when omitted. */
  displayName: displayNameSchema.optional(),
});
export type SignupRequest = z.infer<typeof signupRequestSchema>;

/** `POST /auth/login`: `identifier` is a username or an email address. */
export const loginRequestSchema = z.strictObject({
  identifier: z.string().trim().min(1, 'Enter your username or email').max(254),
  password: passwordInputSchema,
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export { tokenResponseSchema, type TokenResponse } from './session';

/**
 * The application claims of an access token (registered claims such as iss,
 * aud, exp are checked by libs/auth). The display name rides along so that
 * services without a users table (matching) can name a peer.
 */
export const accessTokenClaimsSchema = z.object({
  sub: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** The sign-in (refresh-token family) the token belongs to: signing out revokes its tokens. */
  sid: z.string().min(1).max(100).optional(),
});
export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

/** One public signing key of user-service, as a JWK (Ed25519: kty OKP, crv Ed25519, x). */
export const publicJwkSchema = z.looseObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().min(1),
  kid: z.string().min(1),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
});
export type PublicJwk = z.infer<typeof publicJwkSchema>;

/** `GET /auth/jwks.json`: the keys that verify access tokens (RFC 7517 JWK Set). */
export const jwksResponseSchema = z.object({ keys: z.array(publicJwkSchema).min(1) });
export type JwksResponse = z.infer<typeof jwksResponseSchema>;
