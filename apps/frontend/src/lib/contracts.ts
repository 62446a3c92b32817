import type { z } from 'zod';

/**
 * The contract schemas (zod and `@peerprep/contracts`), loaded on first use
 * and by domain: a form needs them only when it is submitted, and an API
 * answer only when it arrives, so they stay out of the page's first load and
 * its hydration. By domain because building the schemas is most of the cost
 * (on a mid-range phone, zod and every schema of the contracts are a
 * 150–250 ms task): a signed-in page's session restore builds the six
 * schemas of the refresh answer only (`session`), and its own answer later,
 * in a task of its own, its domain's.
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
  session: () => import('@peerprep/contracts/session'),
  users: () => import('@peerprep/contracts/users'),
} as const;

type Modules = typeof modules;
export type ContractModule = keyof Modules;
type ModuleOf<M extends ContractModule> = Awaited<ReturnType<Modules[M]>>;

/** The next task: what follows runs after the browser has had the main thread (input, paint). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * zod's own instantiation, in a task of its own, before the first domain's
 * schemas are built in another: the two at once are one long task on a phone
 * (about 20 ms on a desktop, so over 150 ms on a mid-range phone), each
 * alone a short one.
 */
let zodReady: Promise<void> | null = null;

/** One domain's schemas: `const { loginRequestSchema } = await loadContracts('auth')`. */
export function loadContracts<M extends ContractModule>(module: M): Promise<ModuleOf<M>> {
  zodReady ??= import('./zod-runtime').then(nextTask, (error: unknown) => {
    zodReady = null; // a failed download is tried again by the next caller
    throw error;
  });
  return zodReady.then(() => modules[module]() as Promise<ModuleOf<M>>);
}

/** One schema, loaded on first use: `apiRequest(path, { schema: contract('history', 'historyPageSchema') })`. */
export function contract<M extends ContractModule, K extends keyof ModuleOf<M>>(module: M, name: K): () => Promise<ModuleOf<M>[K]> {
  return () => loadContracts(module).then((contracts) => contracts[name]);
}

/** The names of a domain's schemas (its other exports are helpers and constants). */
type SchemaName<M extends ContractModule> = { [K in keyof ModuleOf<M>]: ModuleOf<M>[K] extends z.ZodType ? K : never }[keyof ModuleOf<M>];

/**
 * One schema or nothing, for "this, or 204 when there is nothing":
 * `apiRequest(path, { schema: optionalContract('session', 'tokenResponseSchema') })`.
 */
export function optionalContract<M extends ContractModule, K extends SchemaName<M>>(
  module: M,
  name: K,
): () => Promise<z.ZodOptional<ModuleOf<M>[K] & z.ZodType>> {
  // The method, not `z.optional()`: this module must not import zod (see the top).
  return () => loadContracts(module).then((contracts) => (contracts[name] as ModuleOf<M>[K] & z.ZodType).optional() as z.ZodOptional<ModuleOf<M>[K] & z.ZodType>);
}

/**
 * For an answer that never has a body (204): `apiRequest(path, { method: 'DELETE', schema: noContent })`.
 * (Never `import('zod')` here: a dynamic import of zod itself keeps all of it,
 * every locale included, about 50 KB more on the wire.)
 */
export const noContent = contract('common', 'noContentSchema');
