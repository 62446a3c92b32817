'use client';

import type { UserProfile } from '@peerprep/contracts';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { Text } from '../ui/type';
import Logout from '@mui/icons-material/Logout';
import { accountNavFor } from '../../lib/navigation';
import { IntentLink } from '../intent-link';
import { MuiScope } from '../mui/mui-scope';

export interface AccountMenuProps {
  id: string;
  /** The button that opened it, labelling the list; the menu is open while it is set. */
  anchor: HTMLElement | null;
  buttonId: string;
  user: UserProfile;
  pathname: string;
  onClose(): void;
  onLogOut(): void;
}

/**
 * The signed-in user's menu. MUI's Menu brings Popover, Modal, a focus trap
 * and transitions, none of which a page needs until the menu opens, so
 * user-menu loads this module on first use rather than with every page.
 */
export default function AccountMenu({ id, anchor, buttonId, user, pathname, onClose, onLogOut }: AccountMenuProps) {
  return (
    <MuiScope>
      <Menu
        id={id}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={onClose}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ list: { 'aria-labelledby': buttonId } }}
      >
        <div className="px-4 pb-2 pt-1">
          <Text className="font-semibold">{user.displayName}</Text>
          <Text variant="body2" className="text-muted">
            {user.email}
          </Text>
        </div>
        <Divider />
        {accountNavFor(user.role).map((item) => (
          <MenuItem key={item.href} component={IntentLink} href={item.href} onClick={onClose} selected={pathname === item.href}>
            {item.label}
          </MenuItem>
        ))}
        <Divider />
        <MenuItem onClick={onLogOut}>
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          Log out
        </MenuItem>
      </Menu>
    </MuiScope>
  );
}
