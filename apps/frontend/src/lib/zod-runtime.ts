import { z } from 'zod';

/**
 * Importing this module instantiates zod, and nothing more (see
 * `loadContracts` in contracts.ts). It reads one member of the same binding
 * the contracts import: exporting `z` itself, or a dynamic `import('zod')`,
 * would keep all of zod, every locale included (about 50 KB more).
 */
export const zodLoaded: boolean = typeof z.object === 'function';
