import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';

/**
 * Monaco from this app's own bundle: @monaco-editor/react would otherwise load
 * it from a CDN, which these deployments cannot (and should not) reach. Only
 * client-side modules loaded with `ssr: false` import this file: Monaco touches
 * `window` as soon as it is evaluated.
 *
 * The workers are bundled from node_modules too. TypeScript and JavaScript
 * models get the TypeScript language worker (`import 'monaco-editor'` registers
 * that language service); every other label gets the plain editor worker.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') {
      return new Worker(new URL('monaco-editor/esm/vs/language/typescript/ts.worker.js', import.meta.url));
    }
    return new Worker(new URL('monaco-editor/esm/vs/editor/editor.worker.js', import.meta.url));
  },
};

loader.config({ monaco });

export { monaco };
