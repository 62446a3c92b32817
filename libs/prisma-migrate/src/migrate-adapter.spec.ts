import { databaseUrlFromEnv, toDiscretePoolConfig } from './migrate-adapter';

describe('toDiscretePoolConfig', () => {
  it('splits a postgresql:// URL into the discrete settings a shadow database can override', () => {
    expect(toDiscretePoolConfig('postgresql://app%40svc:p%3Ass@db.internal:6543/peerprep_users')).toEqual({
      host: 'db.internal',
      port: 6543,
      user: 'app@svc',
      password: 'p:ss',
      database: 'peerprep_users',
      ssl: undefined,
    });
  });

  it('defaults the port, unwraps an IPv6 host and maps sslmode', () => {
    expect(toDiscretePoolConfig('postgres://postgres@[::1]/db?sslmode=verify-full')).toMatchObject({
      host: '::1',
      port: 5432,
      user: 'postgres',
      password: undefined,
      ssl: { rejectUnauthorized: true },
    });
    expect(toDiscretePoolConfig('postgresql://h/db?sslmode=require').ssl).toEqual({ rejectUnauthorized: false });
    expect(toDiscretePoolConfig('postgresql://h/db?sslmode=disable').ssl).toBeUndefined();
  });

  it('refuses a URL of another protocol or without a database', () => {
    expect(() => toDiscretePoolConfig('mysql://h/db')).toThrow('Expected a postgresql:// URL');
    expect(() => toDiscretePoolConfig('postgresql://h/')).toThrow('names no database');
  });
});

describe('databaseUrlFromEnv', () => {
  it('takes DATABASE_URL, else the local database of that name', () => {
    expect(databaseUrlFromEnv('peerprep_users', { DATABASE_URL: 'postgresql://x@h/y' })).toBe('postgresql://x@h/y');
    expect(databaseUrlFromEnv('peerprep_users', {})).toBe('postgresql://postgres@127.0.0.1:5432/peerprep_users');
  });
});
