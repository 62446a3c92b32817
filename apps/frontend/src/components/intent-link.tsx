'use client';

import NextLink, { type LinkProps } from 'next/link';
import { useRouter } from 'next/navigation';
import type { FocusEvent, MouseEvent, Ref, TouchEvent } from 'react';

export type IntentLinkProps<RouteType> = LinkProps<RouteType> & { ref?: Ref<HTMLAnchorElement> };

/**
 * next/link that prefetches the target route on intent (the pointer over it,
 * a touch, keyboard focus) rather than as soon as it scrolls into view.
 * Next prefetches every visible link at load: on the home page that is five
 * routes' payloads and about 120 KB of their JavaScript, fetched and compiled
 * while a phone on a slow network is still loading the page itself. A touch
 * or a hover comes a moment before the click, so navigations still find the
 * route prefetched. An explicit `prefetch` is passed through untouched.
 */
export function IntentLink<RouteType>({ prefetch, onMouseEnter, onTouchStart, onFocus, ref, ...props }: IntentLinkProps<RouteType>) {
  const router = useRouter();
  const { href } = props;
  if ((prefetch !== undefined && prefetch !== null && prefetch !== 'auto') || typeof href !== 'string') {
    return <NextLink ref={ref} prefetch={prefetch} onMouseEnter={onMouseEnter} onTouchStart={onTouchStart} onFocus={onFocus} {...props} />;
  }
  const warm = () => {
    // Same-origin paths only: an absolute URL is not a route of this app.
    if (href.startsWith('/') && !href.startsWith('//')) router.prefetch(href);
  };
  return (
    <NextLink
      ref={ref}
      prefetch={false}
      onMouseEnter={(event: MouseEvent<HTMLAnchorElement>) => {
        onMouseEnter?.(event);
        warm();
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        onTouchStart?.(event);
        warm();
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        onFocus?.(event);
        warm();
      }}
      {...props}
    />
  );
}
