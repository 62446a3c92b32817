/**
 * The access-token agreement between the signer (user-service) and every
 * verifier (gateway, services). Both sides import these names so that a
 * change to one is a change to all.
 */
export const ACCESS_TOKEN_ISSUER = 'peerprep-user-service';
export const ACCESS_TOKEN_AUDIENCE = 'peerprep';
/** Ed25519 signatures (JOSE `alg: EdDSA`); verifiers accept nothing else. */
export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Where user-service publishes its public signing keys as a JWKS. */
export const JWKS_PATH = '/api/auth/jwks.json';

/** Who an access token speaks for, as handed to route handlers. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  role: 'USER' | 'ADMIN';
}
