import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { ConfigError, type Logger } from '@peerprep/service-kit';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

/** The key user-service signs access tokens with, and its public half as served in the JWKS. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
  /** True when generated at boot (not configured): its tokens die with the process. */
  ephemeral: boolean;
}

export interface SigningKeySettings {
  NODE_ENV: 'development' | 'test' | 'production';
  JWT_PRIVATE_KEY?: string | undefined;
  JWT_KEY_ID?: string | undefined;
}

/** Builds the signing key from an Ed25519 private key object (the public JWK carries kid, alg and use). */
export async function signingKeyFrom(privateKey: KeyObject, kid?: string, ephemeral = false): Promise<SigningKey> {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('the key must be an Ed25519 private key');
  }
  const jwk = await exportJWK(createPublicKey(privateKey));
  const keyId = kid ?? (await calculateJwkThumbprint(jwk));
  return { kid: keyId, privateKey, publicJwk: { ...jwk, kid: keyId, alg: 'EdDSA', use: 'sig' }, ephemeral };
}

/** A fresh Ed25519 key (tests, and local runs without JWT_PRIVATE_KEY). */
export function generateSigningKey(kid?: string): Promise<SigningKey> {
  return signingKeyFrom(generateKeyPairSync('ed25519').privateKey, kid, true);
}

/**
 * The configured key, or outside production an ephemeral one with a warning.
 * Throws ConfigError naming JWT_PRIVATE_KEY when the key is missing in
 * production or is not an Ed25519 PKCS#8 PEM key.
 */
export async function loadSigningKey(settings: SigningKeySettings, logger: Logger): Promise<SigningKey> {
  const pem = settings.JWT_PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (!pem) {
    if (settings.NODE_ENV === 'production') {
      throw new ConfigError([{ variable: 'JWT_PRIVATE_KEY', message: 'is required in production' }]);
    }
    logger.warn(
      'JWT_PRIVATE_KEY is not set: signing access tokens with an ephemeral key; they stop verifying when this process exits (the refresh cookie restores sessions)',
    );
    return generateSigningKey(settings.JWT_KEY_ID);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new ConfigError([{ variable: 'JWT_PRIVATE_KEY', message: 'is not a PEM private key' }]);
  }
  try {
    return await signingKeyFrom(privateKey, settings.JWT_KEY_ID);
  } catch {
    throw new ConfigError([{ variable: 'JWT_PRIVATE_KEY', message: 'must be an Ed25519 key (openssl genpkey -algorithm ed25519)' }]);
  }
}
