/**
 * The contract schemas (zod and every schema of `@peerprep/contracts`), loaded
 * on first use: a form needs them only when it is submitted, and an API answer
 * only when it arrives, so they stay out of the page's first load and its
 * hydration (on a mid-range phone, evaluating zod and the schemas is a few
 * hundred milliseconds of main thread). Plain values (choices, limits) come
 * from the zod-free `@peerprep/contracts/constants`; types are erased anyway.
 */
type Contracts = typeof import('@peerprep/contracts');

export const loadContracts = (): Promise<Contracts> => import('@peerprep/contracts');

/** One schema, loaded on first use: `apiRequest(path, { schema: contract('historyPageSchema') })`. */
export function contract<K extends keyof Contracts>(name: K): () => Promise<Contracts[K]> {
  return () => loadContracts().then((contracts) => contracts[name]);
}

/** For an answer that never has a body (204): `apiRequest(path, { method: 'DELETE', schema: noContent })`. */
export const noContent = () => import('zod').then(({ z }) => z.void());
