/**
 * The contract schemas (zod and `@peerprep/contracts`), loaded on first use
 * and by domain: a form needs them only when it is submitted, and an API
 * answer only when it arrives, so they stay out of the page's first load and
 * its hydration. By domain because building the schemas is most of the cost
 * (on a mid-range phone, zod and every schema of the contracts are a
 * 150–250 ms task): a signed-in page's session restore builds the auth
 * schemas only, and its own answer later, in a task of its own, its domain's.
 * Plain values (choices, limits) come from the zod-free
 * `@peerprep/contracts/constants`; types are erased anyway.
 */
const modules = {
  auth: () => import('@peerprep/contracts/auth'),
  common: () => import('@peerprep/contracts/common'),
  feedback: () => import('@peerprep/contracts/feedback'),
  history: () => import('@peerprep/contracts/history'),
  interview: () => import('@peerprep/contracts/interview'),
  'interviewer-pane': () => import('@peerprep/contracts/interviewer-pane'),
  matching: () => import('@peerprep/contracts/matching'),
  questions: () => import('@peerprep/contracts/questions'),
  rooms: () => import('@peerprep/contracts/rooms'),
  runs: () => import('@peerprep/contracts/runs'),
  users: () => import('@peerprep/contracts/users'),
} as const;

type Modules = typeof modules;
export type ContractModule = keyof Modules;
type ModuleOf<M extends ContractModule> = Awaited<ReturnType<Modules[M]>>;

/** One domain's schemas: `const { loginRequestSchema } = await loadContracts('auth')`. */
export function loadContracts<M extends ContractModule>(module: M): Promise<ModuleOf<M>> {
  return modules[module]() as Promise<ModuleOf<M>>;
}

/** One schema, loaded on first use: `apiRequest(path, { schema: contract('history', 'historyPageSchema') })`. */
export function contract<M extends ContractModule, K extends keyof ModuleOf<M>>(module: M, name: K): () => Promise<ModuleOf<M>[K]> {
  return () => loadContracts(module).then((contracts) => contracts[name]);
}

/**
 * For an answer that never has a body (204): `apiRequest(path, { method: 'DELETE', schema: noContent })`.
 * (Never `import('zod')` here: a dynamic import of zod itself keeps all of it,
 * every locale included, about 50 KB more on the wire.)
 */
export const noContent = contract('common', 'noContentSchema');
