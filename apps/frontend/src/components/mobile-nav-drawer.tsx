'use client';

import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import { Text } from './ui/type';
import Close from '@mui/icons-material/Close';
import { useId } from 'react';
import { isNavItemActive, type NavItem } from '../lib/navigation';
import { IntentLink } from './intent-link';
import { MuiScope } from './mui/mui-scope';

export interface MobileNavDrawerProps {
  id: string;
  open: boolean;
  items: readonly NavItem[];
  pathname: string;
  onClose(): void;
}

/** MobileNav's drawer: loaded on first use, so no page load pays for the modal it needs. */
export default function MobileNavDrawer({ id: drawerId, open, items, pathname, onClose: close }: MobileNavDrawerProps) {
  const titleId = useId();
  return (
    <MuiScope>
      <Drawer
        anchor="right"
        open={open}
        onClose={close}
        slotProps={{ paper: { id: drawerId, role: 'dialog', 'aria-modal': true, 'aria-labelledby': titleId, className: 'w-72 max-w-[85vw] bg-paper bg-none' } }}
      >
        <div className="flex items-center justify-between border-b border-divider py-2 pl-5 pr-2">
          <Text id={titleId} as="h2" className="text-base font-bold">
            Menu
          </Text>
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
    </MuiScope>
  );
}
