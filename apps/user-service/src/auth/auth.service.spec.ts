import { failedLoginKey } from './auth.service';

describe('failedLoginKey', () => {
  const user = { id: '3c1f5a8e-9b10-4f0a-9d3e-b2f0c1de7a44' } as Parameters<typeof failedLoginKey>[0];

  it('counts an existing account by id, so username and email share one budget', () => {
    expect(failedLoginKey(user, 'alice')).toBe(failedLoginKey(user, 'alice@example.com'));
  });

  it('counts an unknown account by the identifier, whatever its case and spaces', () => {
    expect(failedLoginKey(null, ' Ghost ')).toBe(failedLoginKey(null, 'ghost'));
    expect(failedLoginKey(null, 'ghost')).not.toBe(failedLoginKey(null, 'other'));
  });
});
