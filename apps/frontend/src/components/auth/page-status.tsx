import { Text } from '../ui/type';
import type { ReactNode } from 'react';

/** MUI's indeterminate CircularProgress (32 px, primary) as a plain SVG turning with CSS. */
function Spinner() {
  return (
    <svg viewBox="0 0 44 44" aria-hidden="true" className="size-8 animate-spin text-primary">
      <circle cx="22" cy="22" r="20.2" fill="none" stroke="currentColor" strokeWidth="3.6" strokeLinecap="round" strokeDasharray="80 200" />
    </svg>
  );
}

/** Centred placeholder while the session (or a page's data) is being loaded. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div role="status" className="flex min-h-[40vh] flex-col items-center justify-center gap-3 text-muted">
      <Spinner />
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
