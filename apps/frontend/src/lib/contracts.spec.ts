import { contract, loadContracts, optionalContract } from './contracts';

describe('loadContracts', () => {
  it('loads a domain\'s schemas (zod first, in a task of its own) and they check answers', async () => {
    const { tokenResponseSchema } = await loadContracts('session');
    const user = {
      id: '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b',
      username: 'ana',
      email: 'ana@example.com',
      displayName: 'Ana',
      role: 'USER',
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
    };
    expect(tokenResponseSchema.safeParse({ accessToken: 't', tokenType: 'Bearer', expiresIn: 900, user }).success).toBe(true);
    expect(tokenResponseSchema.safeParse({ accessToken: 't', tokenType: 'Bearer', expiresIn: 900, user: { ...user, role: 'ROOT' } }).success).toBe(false);
  });

  it('gives the same schemas to every caller, and one by name through contract()', async () => {
    const [first, second] = await Promise.all([loadContracts('questions'), loadContracts('questions')]);
    expect(first.topicsResponseSchema).toBe(second.topicsResponseSchema);
    await expect(contract('questions', 'topicsResponseSchema')()).resolves.toBe(first.topicsResponseSchema);
  });

  it('reads "this, or nothing" with optionalContract: an absent body passes, a wrong one does not', async () => {
    const schema = await optionalContract('session', 'tokenResponseSchema')();
    expect(schema.safeParse(undefined)).toEqual({ success: true, data: undefined });
    expect(schema.safeParse({ accessToken: '' }).success).toBe(false);
  });
});
