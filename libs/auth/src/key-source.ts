import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';

/** The verification key could not be obtained (JWKS unreachable, slow, or garbage): not the token's fault. */
export class KeySourceUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The token signing keys are unavailable', { cause });
    this.name = 'KeySourceUnavailableError';
  }
}

export interface RemoteKeySetOptions {
  /** Bound on one JWKS fetch. */
  timeoutMs: number;
  /** After a fetch, an unknown `kid` triggers no refetch for this long (stops kid-spraying floods). */
  cooldownMs: number;
  /** A cached set older than this is refetched before use. */
  maxAgeMs: number;
}

// Errors caused by the token itself (its header names no known key), as
// opposed to failures of fetching the key set.
const TOKEN_CAUSED = [errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys, errors.JOSENotSupported, errors.JOSEAlgNotAllowed];

function isTokenCaused(error: unknown): boolean {
  return TOKEN_CAUSED.some((type) => error instanceof type);
}

/**
 * Keys from user-service's JWKS, through jose's remote set (cached, refetched
 * once per cooldown when a token names an unknown `kid`, one fetch in flight).
 * When a refetch fails but keys were fetched before, those keys keep serving:
 * a restarting user-service must not log everybody out.
 */
export function remoteKeySet(url: string, opts: RemoteKeySetOptions): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(url), {
    timeoutDuration: opts.timeoutMs,
    cooldownDuration: opts.cooldownMs,
    cacheMaxAge: opts.maxAgeMs,
  });
  let stale: { jwks: JSONWebKeySet; keys: JWTVerifyGetKey } | undefined;

  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (isTokenCaused(error)) throw error;
      const known = remote.jwks();
      if (!known) throw new KeySourceUnavailableError(error);
      if (stale?.jwks !== known) stale = { jwks: known, keys: createLocalJWKSet(known) };
      return stale.keys(header, token);
    }
  };
}

/** A configured SPKI PEM public key (`\n` escapes allowed, as env files carry them); throws unless Ed25519. */
export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey({ key: pem.replace(/\\n/g, '\n'), format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`AUTH_PUBLIC_KEY must be an Ed25519 public key, not ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}
