import type { ElementType, HTMLAttributes, ReactNode } from 'react';

/**
 * Headings and text of static content, as plain elements set in the theme's
 * type scale (MUI's `--mui-font-*` variables: the same face, sizes and
 * weights as <Typography>). Unlike MUI's Typography, whose every instance the
 * browser renders again on load to attach its styles, these cost a server
 * page nothing but their HTML and a client component no style work, so the
 * platform uses them for all text. Tailwind classes passed in `className`
 * win over the variant's; colours come from the palette's Tailwind names
 * (`text-muted`, `text-error`, …).
 */
export type TypeVariant = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'subtitle1' | 'subtitle2' | 'body1' | 'body2' | 'caption' | 'overline';

const defaultElement: Record<TypeVariant, ElementType> = {
  h1: 'h1',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h5',
  h6: 'h6',
  subtitle1: 'p',
  subtitle2: 'p',
  body1: 'p',
  body2: 'p',
  caption: 'span',
  overline: 'span',
};

export interface TextProps extends Omit<HTMLAttributes<HTMLElement>, 'className' | 'children'> {
  /** The type-scale step (default body1). */
  variant?: TypeVariant;
  /** The element, when it differs from the variant's (an overline that is a paragraph, an h2 set as h5). */
  as?: ElementType;
  className?: string;
  children: ReactNode;
}

/** `rest`: any other attribute of the element (id, role, aria-*, data-*). */
export function Text({ variant = 'body1', as, className, children, ...rest }: TextProps) {
  const Element = as ?? defaultElement[variant];
  return (
    <Element {...rest} className={className ? `type-${variant} ${className}` : `type-${variant}`}>
      {children}
    </Element>
  );
}
