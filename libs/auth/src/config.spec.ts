import { generateKeyPairSync } from 'node:crypto';
import { baseEnvSchema, ConfigError, loadConfig } from '@peerprep/service-kit';
import { authEnvSchema } from './config';

const schema = baseEnvSchema.extend({ ...authEnvSchema.shape, PORT: baseEnvSchema.shape.PORT.default(0) });

describe('authEnvSchema', () => {
  it("defaults to user-service's local JWKS and no fixed key", () => {
    const config = loadConfig(schema, {});
    expect(config.AUTH_JWKS_URL).toBe('http://127.0.0.1:3002/api/auth/jwks.json');
    expect(config.AUTH_PUBLIC_KEY).toBeUndefined();
  });

  it('accepts an Ed25519 public key PEM', () => {
    const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(loadConfig(schema, { AUTH_PUBLIC_KEY: pem }).AUTH_PUBLIC_KEY).toBe(pem);
  });

  it('names AUTH_PUBLIC_KEY and AUTH_JWKS_URL when they are wrong', () => {
    const rsaPem = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    let error: unknown;
    try {
      loadConfig(schema, { AUTH_PUBLIC_KEY: rsaPem, AUTH_JWKS_URL: 'ftp://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.variable).sort()).toEqual(['AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY']);
  });
});
