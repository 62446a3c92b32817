'use client';

import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import Close from '@mui/icons-material/Close';
import MenuIcon from '@mui/icons-material/Menu';
import { IntentLink } from './intent-link';
import { useId, useState } from 'react';
import { isNavItemActive, type NavItem } from '../lib/navigation';

/**
 * The site navigation below Tailwind's `md` (phones): a menu button in the bar
 * opens a drawer with the same links. The drawer is a modal (focus moves in,
 * Escape or the backdrop closes it, focus returns to the button); following a
 * link closes it. From `md` up the button is hidden and SiteHeader shows the links.
 */
export function MobileNav({ items, pathname }: { items: readonly NavItem[]; pathname: string }) {
  const [open, setOpen] = useState(false);
  const drawerId = useId();
  const titleId = useId();
  const close = () => setOpen(false);

  return (
    <>
      <IconButton
        aria-label="Navigation menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? drawerId : undefined}
        onClick={() => setOpen(true)}
        edge="end"
        color="inherit"
        className="md:hidden"
      >
        <MenuIcon />
      </IconButton>
      <Drawer
        anchor="right"
        open={open}
        onClose={close}
        slotProps={{ paper: { id: drawerId, role: 'dialog', 'aria-modal': true, 'aria-labelledby': titleId, className: 'w-72 max-w-[85vw] bg-paper bg-none' } }}
      >
        <div className="flex items-center justify-between border-b border-divider py-2 pl-5 pr-2">
          <Typography id={titleId} component="h2" className="text-base font-bold">
            Menu
          </Typography>
          <IconButton aria-label="Close navigation menu" onClick={close}>
            <Close />
          </IconButton>
        </div>
        <nav aria-label="Main">
          <List className="px-2">
            {items.map((item) => {
              const active = isNavItemActive(item, pathname);
              return (
                <li key={item.href}>
                  <ListItemButton
                    component={item.kind === 'gateway' ? 'a' : IntentLink}
                    href={item.href}
                    aria-current={active ? 'page' : undefined}
                    selected={active}
                    onClick={close}
                    className="rounded-lg"
                  >
                    <ListItemText primary={item.label} slotProps={{ primary: { className: 'font-semibold' } }} />
                  </ListItemButton>
                </li>
              );
            })}
          </List>
        </nav>
      </Drawer>
    </>
  );
}
