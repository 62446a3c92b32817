import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, createLogger } from '@peerprep/service-kit';
import { calculateJwkThumbprint } from 'jose';
import { generateSigningKey, loadSigningKey } from './signing-key';

function captureLogger() {
  const lines: string[] = [];
  const logger = createLogger({ name: 'test', level: 'info', destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines };
}

// Generated at run time: no private key is ever written into the repository.
const pkcs8Pem = (type: 'ed25519' | 'ec') => {
  const { privateKey } = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
};

describe('the signing key', () => {
  it('loads a configured Ed25519 PKCS#8 PEM (also with \\n escapes) and names it by the configured kid', async () => {
    const pem = pkcs8Pem('ed25519');
    const { logger } = captureLogger();

    const key = await loadSigningKey({ NODE_ENV: 'production', JWT_PRIVATE_KEY: pem.replace(/\n/g, '\\n'), JWT_KEY_ID: 'key-2026' }, logger);

    expect(key).toMatchObject({ kid: 'key-2026', ephemeral: false });
    expect(key.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'key-2026', alg: 'EdDSA', use: 'sig' });
    expect(key.publicJwk).not.toHaveProperty('d');
  });

  it('defaults the kid to the RFC 7638 thumbprint of the public key', async () => {
    const { logger } = captureLogger();
    const key = await loadSigningKey({ NODE_ENV: 'production', JWT_PRIVATE_KEY: pkcs8Pem('ed25519') }, logger);
    const { kid: _kid, alg: _alg, use: _use, ...jwk } = key.publicJwk;
    expect(key.kid).toBe(await calculateJwkThumbprint(jwk));
  });

  it('generates an ephemeral key with a warning outside production when none is configured', async () => {
    const { logger, lines } = captureLogger();

    const key = await loadSigningKey({ NODE_ENV: 'development' }, logger);

    expect(key.ephemeral).toBe(true);
    expect(lines.join('\n')).toMatch(/JWT_PRIVATE_KEY is not set/);
  });

  it('refuses to start in production without a key, naming JWT_PRIVATE_KEY', async () => {
    const { logger } = captureLogger();
    const attempt = loadSigningKey({ NODE_ENV: 'production' }, logger);
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toMatchObject({ issues: [{ variable: 'JWT_PRIVATE_KEY' }] });
  });

  it.each([
    ['not a PEM', 'hello'],
    ['a P-256 key', pkcs8Pem('ec')],
  ])('rejects %s as JWT_PRIVATE_KEY', async (_what, pem) => {
    const { logger } = captureLogger();
    await expect(loadSigningKey({ NODE_ENV: 'test', JWT_PRIVATE_KEY: pem }, logger)).rejects.toMatchObject({
      issues: [{ variable: 'JWT_PRIVATE_KEY' }],
    });
  });

  it('gives every generated key its own kid', async () => {
    expect((await generateSigningKey()).kid).not.toBe((await generateSigningKey()).kid);
  });
});
