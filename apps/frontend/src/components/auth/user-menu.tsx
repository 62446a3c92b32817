'use client';

import Avatar from '@mui/material/Avatar';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import dynamic from 'next/dynamic';
import { usePathname } from 'next/navigation';
import { useId, useState, type MouseEvent } from 'react';
import { loginPathFor } from '../../lib/auth/next-path';
import { initialOf } from '../user-initial';
import { useAuth } from './auth-provider';

const loadAccountMenu = () => import('./account-menu');
// Loaded on first use (and fetched as soon as the pointer, a touch or focus reaches the button).
const AccountMenu = dynamic(loadAccountMenu, { ssr: false });

function SignedOutButtons({ pathname }: { pathname: string }) {
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

/** The right end of the bar: who is signed in and their menu, or the way in. */
export function UserMenu() {
  const { status, user, logOut } = useAuth();
  const pathname = usePathname();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  // Stays mounted after the first opening, so closing keeps MUI's exit transition.
  const [menuLoaded, setMenuLoaded] = useState(false);
  const menuId = useId();
  const buttonId = useId();

  if (status === 'loading') {
    // Sized by the signed-out buttons it hides (the usual outcome), so the
    // nav beside it does not shift when they arrive.
    return (
      <Skeleton variant="rounded" aria-label="Checking your session">
        <SignedOutButtons pathname={pathname} />
      </Skeleton>
    );
  }

  if (status === 'signedOut' || !user) return <SignedOutButtons pathname={pathname} />;

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
        onPointerEnter={() => void loadAccountMenu()}
        onFocus={() => void loadAccountMenu()}
        onClick={(event: MouseEvent<HTMLElement>) => {
          setAnchor(event.currentTarget);
          setMenuLoaded(true);
        }}
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
      {menuLoaded ? (
        <AccountMenu
          id={menuId}
          anchor={anchor}
          buttonId={buttonId}
          user={user}
          pathname={pathname}
          onClose={close}
          onLogOut={() => void onLogOut()}
        />
      ) : null}
    </>
  );
}
