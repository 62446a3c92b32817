'use client';

import dynamic from 'next/dynamic';
import { usePathname } from 'next/navigation';
import { useId, useState, type MouseEvent } from 'react';
import { loginPathFor } from '../../lib/auth/next-path';
import { barButton } from '../ui/link-button';
import { initialOf } from '../user-initial';
import { IntentLink } from '../intent-link';
import { useAuth } from './auth-provider';

const loadAccountMenu = () => import('./account-menu');
// Loaded on first use (and fetched as soon as the pointer, a touch or focus reaches the button).
const AccountMenu = dynamic(loadAccountMenu, { ssr: false });

function SignedOutButtons({ pathname }: { pathname: string }) {
  const onAuthPage = pathname === '/login' || pathname === '/signup';
  return (
    <div className="flex items-center gap-2">
      <IntentLink href={onAuthPage ? '/login' : loginPathFor(pathname)} className={barButton.text()}>
        Log in
      </IntentLink>
      <IntentLink href="/signup" className={barButton.contained}>
        Sign up
      </IntentLink>
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
      <div role="status" aria-label="Checking your session" className="animate-pulse rounded-[10px] bg-[rgba(var(--mui-palette-text-primaryChannel)/0.11)]">
        <div className="invisible" aria-hidden="true">
          <SignedOutButtons pathname={pathname} />
        </div>
      </div>
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
      <button
        type="button"
        id={buttonId}
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
        className="inline-flex cursor-pointer items-center gap-2 rounded-full border-0 bg-transparent py-1 pl-1 pr-3 font-sans text-sm font-semibold leading-[1.75] text-foreground transition-colors hover:bg-[rgba(var(--mui-palette-text-primaryChannel)/0.04)] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:cursor-default disabled:opacity-50"
      >
        <span className="flex size-8 items-center justify-center rounded-full bg-primary text-sm text-primary-contrast" aria-hidden="true">
          {initialOf(user.displayName)}
        </span>
        {/* Narrower from md to lg, where the bar's links share the row with it. */}
        <span data-testid="signed-in-name" className="hidden max-w-40 truncate sm:inline md:max-w-24 lg:max-w-40">
          {user.displayName}
        </span>
      </button>
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
