'use client';

import Avatar from '@mui/material/Avatar';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import Logout from '@mui/icons-material/Logout';
import NextLink from 'next/link';
import { usePathname } from 'next/navigation';
import { useId, useState, type MouseEvent } from 'react';
import { loginPathFor } from '../../lib/auth/next-path';
import { accountNavFor } from '../../lib/navigation';
import { initialOf } from '../user-initial';
import { useAuth } from './auth-provider';

/** The right end of the bar: who is signed in and their menu, or the way in. */
export function UserMenu() {
  const { status, user, logOut } = useAuth();
  const pathname = usePathname();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const menuId = useId();
  const buttonId = useId();

  if (status === 'loading') {
    return <Skeleton variant="rounded" width={112} height={36} aria-label="Checking your session" />;
  }

  if (status === 'signedOut' || !user) {
    const onAuthPage = pathname === '/login' || pathname === '/signup';
    return (
      <div className="flex items-center gap-2">
        <Button
          href={onAuthPage ? '/login' : loginPathFor(pathname)}
          color="inherit"
          className="whitespace-nowrap text-muted hover:text-foreground"
        >
          Log in
        </Button>
        <Button href="/signup" variant="contained" className="whitespace-nowrap">
          Sign up
        </Button>
      </div>
    );
  }

  const close = () => setAnchor(null);
  async function onLogOut() {
    close();
    setSigningOut(true);
    try {
      await logOut();
    } catch {
      // Signed out in this tab regardless; the server ends the session when the cookie expires.
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <>
      <Button
        id={buttonId}
        color="inherit"
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        aria-label={`Account menu for ${user.displayName}`}
        disabled={signingOut}
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        className="gap-2 rounded-full py-1 pl-1 pr-3"
      >
        <Avatar className="h-8 w-8 bg-primary text-sm text-primary-contrast" aria-hidden="true">
          {initialOf(user.displayName)}
        </Avatar>
        {/* Narrower from md to lg, where the bar's links share the row with it. */}
        <span data-testid="signed-in-name" className="hidden max-w-40 truncate sm:inline md:max-w-24 lg:max-w-40">
          {user.displayName}
        </span>
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ list: { 'aria-labelledby': buttonId } }}
      >
        <div className="px-4 pb-2 pt-1">
          <Typography className="font-semibold">{user.displayName}</Typography>
          <Typography variant="body2" className="text-muted">
            {user.email}
          </Typography>
        </div>
        <Divider />
        {accountNavFor(user.role).map((item) => (
          <MenuItem key={item.href} component={NextLink} href={item.href} onClick={close} selected={pathname === item.href}>
            {item.label}
          </MenuItem>
        ))}
        <Divider />
        <MenuItem onClick={() => void onLogOut()}>
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          Log out
        </MenuItem>
      </Menu>
    </>
  );
}
