import type { ElementType, ReactNode } from 'react';

/**
 * Headings and text of static content, as plain elements set in the theme's
 * type scale (MUI's `--mui-font-*` variables: the same face, sizes and
 * weights as <Typography>). A server component: unlike MUI's Typography,
 * whose every instance the browser renders again on load to attach its
 * styles, these cost the page nothing but their HTML. Interactive parts keep
 * MUI; Tailwind classes passed in `className` win over the variant's.
 */
export type TypeVariant = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'subtitle1' | 'body1' | 'body2' | 'caption' | 'overline';

const defaultElement: Record<TypeVariant, ElementType> = {
  h1: 'h1',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h5',
  h6: 'h6',
  subtitle1: 'p',
  body1: 'p',
  body2: 'p',
  caption: 'span',
  overline: 'span',
};

export interface TextProps {
  /** The type-scale step (default body1). */
  variant?: TypeVariant;
  /** The element, when it differs from the variant's (an overline that is a paragraph, an h2 set as h5). */
  as?: ElementType;
  id?: string;
  className?: string;
  children: ReactNode;
}

export function Text({ variant = 'body1', as, id, className, children }: TextProps) {
  const Element = as ?? defaultElement[variant];
  return (
    <Element id={id} className={className ? `type-${variant} ${className}` : `type-${variant}`}>
      {children}
    </Element>
  );
}
