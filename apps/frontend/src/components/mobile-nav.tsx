'use client';

import dynamic from 'next/dynamic';
import { useId, useState } from 'react';
import type { NavItem } from '../lib/navigation';
import { StaticIcon } from './ui/static-icon';

const loadDrawer = () => import('./mobile-nav-drawer');
// Loaded on first use (and fetched as soon as a touch, the pointer or focus reaches the button).
const MobileNavDrawer = dynamic(loadDrawer, { ssr: false });

/**
 * The site navigation below Tailwind's `md` (phones): a menu button in the bar
 * opens a drawer with the same links. The drawer is a modal (focus moves in,
 * Escape or the backdrop closes it, focus returns to the button); following a
 * link closes it. From `md` up the button is hidden and SiteHeader shows the links.
 */
export function MobileNav({ items, pathname }: { items: readonly NavItem[]; pathname: string }) {
  const [open, setOpen] = useState(false);
  // Stays mounted after the first opening, so closing keeps MUI's exit transition.
  const [drawerLoaded, setDrawerLoaded] = useState(false);
  const drawerId = useId();

  return (
    <>
      <button
        type="button"
        aria-label="Navigation menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? drawerId : undefined}
        onPointerEnter={() => void loadDrawer()}
        onTouchStart={() => void loadDrawer()}
        onFocus={() => void loadDrawer()}
        onClick={() => {
          setDrawerLoaded(true);
          setOpen(true);
        }}
        className="-mr-2 inline-flex size-10 cursor-pointer items-center justify-center rounded-full border-0 bg-transparent p-0 text-foreground transition-colors hover:bg-[rgba(var(--mui-palette-text-primaryChannel)/0.04)] focus-visible:outline-2 focus-visible:outline-primary md:hidden"
      >
        <StaticIcon name="menu" />
      </button>
      {drawerLoaded ? (
        <MobileNavDrawer id={drawerId} open={open} items={items} pathname={pathname} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
