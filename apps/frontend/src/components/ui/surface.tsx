import type { AllHTMLAttributes, ElementType, ReactNode } from 'react';

export interface SurfaceProps extends Omit<AllHTMLAttributes<HTMLElement>, 'as'> {
  /** The element (default div): a section, a form, … */
  as?: ElementType;
  children?: ReactNode;
}

/**
 * An outlined card: MUI's outlined Paper as a plain element (`.surface` in
 * globals.css: the paper colour, the divider border and the theme's corner
 * radius, from the palette's CSS variables, so both schemes follow). Paper is
 * an emotion-styled component that every page renders again on load to
 * attach its styles; this is only its HTML. Tailwind classes in `className`
 * win over the surface's own (a rounder corner, a red border).
 */
export function Surface({ as: Element = 'div', className, children, ...rest }: SurfaceProps) {
  return (
    <Element {...rest} className={className ? `surface ${className}` : 'surface'}>
      {children}
    </Element>
  );
}
