import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** The frame of the sign-up and login pages: a centred card with a title. */
export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle: string; children: ReactNode; footer: ReactNode }) {
  return (
    <div className="relative flex justify-center px-4 py-12 sm:py-20">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 mx-auto h-72 max-w-3xl rounded-full bg-gradient-to-tr from-primary/20 via-secondary/10 to-transparent blur-3xl"
      />
      <Paper variant="outlined" className="w-full max-w-md rounded-2xl p-6 sm:p-8">
        <Typography variant="h1" className="text-3xl">
          {title}
        </Typography>
        <Typography component="p" className="mt-2 text-muted">
          {subtitle}
        </Typography>
        <div className="mt-6">{children}</div>
        <Typography component="div" variant="body2" className="mt-6 text-center text-muted">
          {footer}
        </Typography>
      </Paper>
    </div>
  );
}
