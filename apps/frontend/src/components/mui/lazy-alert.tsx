'use client';

import dynamic from 'next/dynamic';

/**
 * MUI's Alert (in its MuiScope), loaded when a page first has something to
 * say: a failed load or a refused form is what most visits never see, so
 * neither the Alert nor MUI's runtime is in those pages' first load.
 */
export const LazyAlert = dynamic(() => import('./alert'));
