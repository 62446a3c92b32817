import type { ReactNode } from 'react';
import { Text } from '../ui/type';

/**
 * The frame of the sign-up and login pages: a centred card with a title.
 * Plain elements (an outlined paper's border and background, the theme's
 * type scale): nothing here needs MUI's runtime styling.
 */
export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle: string; children: ReactNode; footer: ReactNode }) {
  return (
    <div className="relative flex justify-center px-4 py-12 sm:py-20">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 mx-auto h-72 max-w-3xl rounded-full bg-gradient-to-tr from-primary/20 via-secondary/10 to-transparent blur-3xl"
      />
      <div className="w-full max-w-md rounded-2xl border border-divider bg-paper p-6 text-foreground sm:p-8">
        <Text variant="h1" className="text-3xl">
          {title}
        </Text>
        <Text className="mt-2 text-muted">{subtitle}</Text>
        <div className="mt-6">{children}</div>
        <Text as="div" variant="body2" className="mt-6 text-center text-muted">
          {footer}
        </Text>
      </div>
    </div>
  );
}
