import { loginRequestSchema, signupRequestSchema } from './auth';
import {
  changePasswordRequestSchema,
  changeRoleRequestSchema,
  deleteAccountRequestSchema,
  listUsersQuerySchema,
  updateProfileRequestSchema,
  usernameSchema,
} from './users';

describe('usernameSchema', () => {
  it.each(['abc', 'Alice_99', 'a'.repeat(20), '___'])('accepts %p', (username) => {
    expect(usernameSchema.safeParse(username).success).toBe(true);
  });

  it.each([
    ['too short', 'ab'],
    ['too long', 'a'.repeat(21)],
    ['a space', 'al ice'],
    ['a hyphen', 'al-ice'],
    ['an @', 'alice@x'],
    ['a non-ASCII letter', 'alicé'],
    ['empty', ''],
  ])('rejects one that is %s', (_label, username) => {
    expect(usernameSchema.safeParse(username).success).toBe(false);
  });
});

describe('signupRequestSchema', () => {
  const valid = { username: 'alice', email: 'alice@example.com', password: 'correct horse' };

  it('accepts a username, an email and a long-enough password', () => {
    expect(signupRequestSchema.parse(valid)).toEqual(valid);
  });

  it('names each field at fault', () => {
    const result = signupRequestSchema.safeParse({ username: 'a', email: 'nope', password: 'short' });
    expect(result.success).toBe(false);
    const fields = [...new Set(result.error?.issues.map((issue) => issue.path.join('.')))].sort();
    expect(fields).toEqual(['email', 'password', 'username']);
  });

  it('rejects a password longer than 128 characters', () => {
    expect(signupRequestSchema.safeParse({ ...valid, password: 'x'.repeat(129) }).success).toBe(false);
  });

  it('rejects a role chosen by the client (mass assignment)', () => {
    expect(signupRequestSchema.safeParse({ ...valid, role: 'ADMIN' }).success).toBe(false);
  });
});

describe('loginRequestSchema', () => {
  it('accepts a username or an email as identifier', () => {
    expect(loginRequestSchema.safeParse({ identifier: 'alice', password: 'x' }).success).toBe(true);
    expect(loginRequestSchema.safeParse({ identifier: 'alice@example.com', password: 'x' }).success).toBe(true);
  });

  it('rejects a blank identifier or password', () => {
    expect(loginRequestSchema.safeParse({ identifier: '  ', password: 'x' }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ identifier: 'alice', password: '' }).success).toBe(false);
  });
});

describe('updateProfileRequestSchema', () => {
  it('accepts a partial update', () => {
    expect(updateProfileRequestSchema.parse({ displayName: '  Alice  ' })).toEqual({ displayName: 'Alice' });
  });

  it.each([
    ['role', { displayName: 'Alice', role: 'ADMIN' }],
    ['id', { displayName: 'Alice', id: '00000000-0000-4000-8000-000000000000' }],
    ['passwordHash', { passwordHash: 'x' }],
  ])('rejects a body that sets %s (mass assignment)', (key, body) => {
    const result = updateProfileRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((issue) => issue.code === 'unrecognized_keys' && issue.keys.includes(key))).toBe(
      true,
    );
  });

  it('rejects an empty update', () => {
    expect(updateProfileRequestSchema.safeParse({}).success).toBe(false);
  });

  it('applies the username and email rules', () => {
    expect(updateProfileRequestSchema.safeParse({ username: 'no spaces' }).success).toBe(false);
    expect(updateProfileRequestSchema.safeParse({ email: 'not-an-email' }).success).toBe(false);
  });

  it('rejects a display name with control characters', () => {
    expect(updateProfileRequestSchema.safeParse({ displayName: 'Al\u0000ice' }).success).toBe(false);
  });
});

describe('password and account bodies', () => {
  it('requires a new password that follows the rules and differs from the current one', () => {
    expect(changePasswordRequestSchema.safeParse({ currentPassword: 'old password', newPassword: 'new password' }).success).toBe(
      true,
    );
    expect(changePasswordRequestSchema.safeParse({ currentPassword: 'old password', newPassword: 'short' }).success).toBe(
      false,
    );
    expect(
      changePasswordRequestSchema.safeParse({ currentPassword: 'same password', newPassword: 'same password' }).success,
    ).toBe(false);
  });

  it('requires the password to delete an account', () => {
    expect(deleteAccountRequestSchema.safeParse({}).success).toBe(false);
    expect(deleteAccountRequestSchema.safeParse({ password: 'secret' }).success).toBe(true);
  });

  it('accepts only a known role in a role change', () => {
    expect(changeRoleRequestSchema.safeParse({ role: 'ADMIN' }).success).toBe(true);
    expect(changeRoleRequestSchema.safeParse({ role: 'ROOT' }).success).toBe(false);
    expect(changeRoleRequestSchema.safeParse({ role: 'USER', id: 'x' }).success).toBe(false);
  });
});

describe('listUsersQuerySchema', () => {
  it('parses paging and search from the query string', () => {
    expect(listUsersQuerySchema.parse({ page: '2', pageSize: '10', q: ' ali ' })).toEqual({
      page: 2,
      pageSize: 10,
      q: 'ali',
    });
  });
});
