import { z } from 'zod';
import { publicKeyFromPem } from './key-source';
import { DEFAULT_REVOCATION_PREFIX } from './revocation';
import { JWKS_PATH } from './tokens';
import { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions } from './verifier';

/**
 * Variables of every verifier, to extend a service's env schema with:
 * `baseEnvSchema.extend({ ...authEnvSchema.shape, PORT: ... })`.
 */
export const authEnvSchema = z.object({
  /** user-service's public keys. */
  AUTH_JWKS_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default(`http://127.0.0.1:3002${JWKS_PATH}`),
  /** An Ed25519 SPKI PEM public key (`\n` escapes allowed); when set, no JWKS is fetched. */
  AUTH_PUBLIC_KEY: z
    .string()
    .optional()
    .refine(
      (pem) => {
        if (pem === undefined) return true;
        try {
          publicKeyFromPem(pem);
          return true;
        } catch {
          return false;
        }
      },
      { error: 'must be an Ed25519 public key in SPKI PEM form (-----BEGIN PUBLIC KEY-----)' },
    ),
  /** Where the access-token revocation list lives in Redis (services with Redis); the same for every service. */
  AUTH_REVOCATION_PREFIX: z.string().min(1).default(DEFAULT_REVOCATION_PREFIX),
});

export type AuthConfig = z.infer<typeof authEnvSchema>;

/** The verifier a service's parsed config describes (`cacheSize`: see TokenVerifierOptions). */
export function tokenVerifierFromConfig(
  config: AuthConfig,
  options: Pick<TokenVerifierOptions, 'cacheSize' | 'revocations'> = {},
): TokenVerifier {
  return createTokenVerifier({ jwksUrl: config.AUTH_JWKS_URL, publicKeyPem: config.AUTH_PUBLIC_KEY, ...options });
}
