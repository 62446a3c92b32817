import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** The frame of the signed-in pages: a heading and a readable column. */
export function AccountPage({ title, intro, wide, children }: { title: string; intro?: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`mx-auto w-full px-4 py-10 sm:px-6 ${wide ? 'max-w-6xl' : 'max-w-2xl'}`}>
      <Typography variant="h1" className="text-3xl sm:text-4xl">
        {title}
      </Typography>
      {intro ? (
        <Typography component="p" className="mt-2 text-muted">
          {intro}
        </Typography>
      ) : null}
      <div className="mt-8 flex flex-col gap-6">{children}</div>
    </div>
  );
}
