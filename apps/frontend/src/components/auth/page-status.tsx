import CircularProgress from '@mui/material/CircularProgress';
import { Text } from '../ui/type';
import type { ReactNode } from 'react';

/** Centred placeholder while the session (or a page's data) is being loaded. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div role="status" className="flex min-h-[40vh] flex-col items-center justify-center gap-3 text-muted">
      <CircularProgress size={32} aria-hidden="true" />
      <Text as="p">{label}</Text>
    </div>
  );
}

/** A full-page message: 403, a missing page, an outage. */
export function PageMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="mx-auto flex min-h-[40vh] max-w-xl flex-col items-center justify-center gap-3 px-4 text-center">
      <Text variant="h1" className="text-3xl">
        {title}
      </Text>
      {children}
    </section>
  );
}
