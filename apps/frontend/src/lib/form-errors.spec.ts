import { z } from 'zod';
import { updateProfileRequestSchema } from '@peerprep/contracts';
import { ApiContractError, ApiError } from './api-error';
import { describeFailure, NETWORK_MESSAGE, rateLimitMessage, SESSION_ENDED_MESSAGE, validateWith } from './form-errors';

const fields = ['username', 'email', 'password'] as const;

describe('describeFailure', () => {
  it('puts a 409 on the field it names, with no extra banner', () => {
    const error = new ApiError({ status: 409, title: 'Conflict', fieldErrors: { username: 'That username is taken' } });
    expect(describeFailure(error, { fields })).toEqual({ fieldErrors: { username: 'That username is taken' }, message: null });
  });

  it('puts 400 field errors beside their fields and the rest above the form', () => {
    const error = new ApiError({
      status: 400,
      title: 'Invalid request',
      fieldErrors: { email: 'Enter a valid email address', role: 'Unrecognized key' },
    });
    expect(describeFailure(error, { fields })).toEqual({
      fieldErrors: { email: 'Enter a valid email address' },
      message: 'Unrecognized key',
    });
  });

  it('shows the form-specific sentence for a 401, and the session one by default', () => {
    const error = new ApiError({ status: 401, title: 'Unauthorized', detail: 'Invalid credentials' });
    expect(describeFailure(error, { fields, unauthorizedMessage: 'Wrong username or password.' }).message).toBe(
      'Wrong username or password.',
    );
    expect(describeFailure(error, { fields }).message).toBe(SESSION_ENDED_MESSAGE);
  });

  it('tells how long to wait after a 429', () => {
    const error = new ApiError({ status: 429, title: 'Too Many Requests', retryAfterSeconds: 42 });
    expect(describeFailure(error, { fields }).message).toBe('Too many attempts. Try again in 42 s.');
  });

  it('says the server is unreachable for a network failure', () => {
    expect(describeFailure(new ApiError({ status: 0, title: 'Network error' }), { fields }).message).toBe(NETWORK_MESSAGE);
  });

  it('hides server internals behind a reference for a 5xx or a broken contract', () => {
    const error = new ApiError({ status: 500, title: 'Internal Server Error', detail: 'db exploded', requestId: 'req-1' });
    const message = describeFailure(error, { fields }).message ?? '';
    expect(message).toContain('req-1');
    expect(message).not.toContain('db exploded');
    expect(describeFailure(new ApiContractError('/x', 200, null), { fields }).message).toMatch(/went wrong/);
  });

  it('falls back to the problem detail when no field is named', () => {
    const error = new ApiError({ status: 409, title: 'Conflict', detail: 'This would leave the platform without an admin' });
    expect(describeFailure(error, { fields }).message).toBe('This would leave the platform without an admin');
  });
});

describe('rateLimitMessage', () => {
  it('rounds fractions up and never says 0 s', () => {
    expect(rateLimitMessage(0.2)).toBe('Too many attempts. Try again in 1 s.');
    expect(rateLimitMessage(undefined)).toBe('Too many attempts. Try again later.');
  });
});

describe('validateWith', () => {
  it('returns the parsed data when the values are valid', () => {
    expect(validateWith(updateProfileRequestSchema, { displayName: ' Ann ' }, ['displayName'])).toEqual({
      data: { displayName: 'Ann' },
      failure: null,
    });
  });

  it('gives the first message per field, and form-level issues as the message', () => {
    const schema = z
      .object({ a: z.string().min(3, 'too short').regex(/x/, 'needs x'), b: z.string() })
      .refine((value) => value.a !== value.b, { message: 'must differ' });
    const result = validateWith(schema, { a: 'y', b: 'z' }, ['a', 'b']);
    expect(result.failure).toEqual({ fieldErrors: { a: 'too short' }, message: null });
    expect(validateWith(schema, { a: 'xxx', b: 'xxx' }, ['a', 'b']).failure).toEqual({ fieldErrors: {}, message: 'must differ' });
  });
});
