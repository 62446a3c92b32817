'use client';

import IconButton from '@mui/material/IconButton';
import MenuIcon from '@mui/icons-material/Menu';
import dynamic from 'next/dynamic';
import { useId, useState } from 'react';
import type { NavItem } from '../lib/navigation';

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
      <IconButton
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
        edge="end"
        color="inherit"
        className="md:hidden"
      >
        <MenuIcon />
      </IconButton>
      {drawerLoaded ? (
        <MobileNavDrawer id={drawerId} open={open} items={items} pathname={pathname} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
