import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** Centred placeholder while the session (or a page's data) is being loaded. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div role="status" className="flex min-h-[40vh] flex-col items-center justify-center gap-3 text-muted">
      <CircularProgress size={32} aria-hidden="true" />
      <Typography component="p">{label}</Typography>
    </div>
  );
}

/** A full-page message: 403, a missing page, an outage. */
export function PageMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="mx-auto flex min-h-[40vh] max-w-xl flex-col items-center justify-center gap-3 px-4 text-center">
      <Typography variant="h1" className="text-3xl">
        {title}
      </Typography>
      {children}
    </section>
  );
}
