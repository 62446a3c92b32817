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

/**
 * Monaco's dark theme with readable comments: vs-dark's #608b4e is 4.2:1 on
 * its #1e1e1e background, under the 4.5:1 that text needs (axe flags it);
 * #6a9955 (VS Code's Dark+ comment colour) is 5:1. The light theme passes as is.
 */
export const DARK_EDITOR_THEME = 'peerprep-dark';
monaco.editor.defineTheme(DARK_EDITOR_THEME, {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '6a9955' },
    { token: 'comment.doc', foreground: '6a9955' },
  ],
  colors: {},
});

export { monaco };
