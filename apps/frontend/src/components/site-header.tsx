'use client';

import { IntentLink } from './intent-link';
import { usePathname } from 'next/navigation';
import { isNavItemActive, primaryNavFor, type NavItem } from '../lib/navigation';
import { useAuth } from './auth/auth-provider';
import { UserMenu } from './auth/user-menu';
import { LogoMark } from './logo-mark';
import { MobileNav } from './mobile-nav';
import { barButton } from './ui/link-button';

function NavButton({ item, active }: { item: NavItem; active: boolean }) {
  const className = barButton.text(active);
  // Gateway pages are not Next routes: a plain anchor avoids a client-side
  // navigation (and prefetch) that could only fall back to a full load.
  return item.kind === 'gateway' ? (
    <a href={item.href} aria-current={active ? 'page' : undefined} className={className}>
      {item.label}
    </a>
  ) : (
    <IntentLink href={item.href} aria-current={active ? 'page' : undefined} className={className}>
      {item.label}
    </IntentLink>
  );
}

/**
 * The bar on every page. From Tailwind's `md` up the links sit in the bar;
 * below it (phones) they move into MobileNav's drawer, and the bar keeps only
 * the logo, the account menu (or Log in / Sign up) and the menu button.
 */
export function SiteHeader() {
  const pathname = usePathname();
  const { status } = useAuth();
  const items = primaryNavFor(status === 'signedIn');
  return (
    // A plain sticky bar (what MUI's AppBar and Toolbar would draw: z-index of
    // the app bar, 56 px tall, 64 px from `sm`), without their runtime styling.
    <header className="sticky top-0 z-[1100] flex w-full flex-col border-b border-divider bg-background/80 backdrop-blur-md">
      <div className="relative mx-auto flex min-h-14 w-full max-w-6xl items-center gap-2 px-4 sm:min-h-16 sm:gap-4 sm:px-6">
        <IntentLink
          href="/"
          aria-label="PeerPrep home"
          className="flex items-center gap-2 rounded-md text-lg font-extrabold tracking-tight text-foreground no-underline"
        >
          <LogoMark />
          {/* On a phone the mark alone names the site (the link has its label). */}
          <span className="hidden sm:inline">PeerPrep</span>
        </IntentLink>
        <nav aria-label="Main" className="ml-auto hidden md:block">
          <ul className="m-0 flex list-none items-center gap-1 p-0">
            {items.map((item) => (
              <li key={item.href}>
                <NavButton item={item} active={isNavItemActive(item, pathname)} />
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-1 sm:gap-2 md:ml-0">
          <UserMenu />
          <MobileNav items={items} pathname={pathname} />
        </div>
      </div>
    </header>
  );
}
