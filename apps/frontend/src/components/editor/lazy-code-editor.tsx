'use client';

import dynamic from 'next/dynamic';
import { PageLoading } from '../auth/page-status';

/** Monaco needs `window`: it is only ever loaded in the browser, in its own chunk. */
export const LazyCodeEditor = dynamic(() => import('./code-editor').then((module) => module.CodeEditor), {
  ssr: false,
  loading: () => <PageLoading label="Loading the editor…" />,
});
