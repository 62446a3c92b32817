import type { Route } from 'next';
import type { ReactNode } from 'react';
import { IntentLink } from '../intent-link';

/**
 * A link that looks like MUI's large contained or outlined button, for
 * static content (landing page, page frames): plain markup, nothing for the
 * browser to render again on load. Inside interactive MUI views use MUI's
 * Button with `href`. `barButton` is the site bar's smaller text and
 * contained button look (MUI's medium Button), for links and buttons there.
 */
const base =
  'inline-flex min-h-[42px] items-center justify-center rounded-[10px] px-[22px] py-2 text-[0.9375rem] font-semibold leading-[1.75] no-underline transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary';

const variants = {
  contained: 'bg-primary text-primary-contrast hover:bg-primary/90',
  outlined: 'border border-primary/50 text-primary hover:border-primary hover:bg-primary/5',
  // On a band of the primary colour (the landing page's call to action).
  'contained-inverse': 'bg-primary-contrast text-primary hover:bg-primary-contrast/90',
  'outlined-inverse': 'border border-primary-contrast/60 text-primary-contrast hover:bg-primary-contrast/10',
} as const;

const barBase =
  'inline-flex min-h-9 min-w-16 cursor-pointer items-center justify-center gap-2 whitespace-nowrap rounded-[10px] border-0 py-1.5 font-sans text-sm font-semibold leading-[1.75] no-underline transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:cursor-default disabled:opacity-50';

export const barButton = {
  /** Text button in the bar's muted colour; `active` tints it like the current page. */
  text: (active = false) =>
    `${barBase} px-2 ${active ? 'bg-primary/10 text-primary' : 'bg-transparent text-muted hover:bg-[rgba(var(--mui-palette-text-primaryChannel)/0.04)] hover:text-foreground'}`,
  contained: `${barBase} bg-primary px-4 text-primary-contrast hover:bg-primary/90`,
} as const;

export interface LinkButtonProps {
  href: Route;
  variant?: keyof typeof variants;
  children: ReactNode;
}

export function LinkButton({ href, variant = 'contained', children }: LinkButtonProps) {
  return (
    <IntentLink href={href} className={`${base} ${variants[variant]}`}>
      {children}
    </IntentLink>
  );
}
