import type { Role } from '@peerprep/contracts';
import type { Route } from 'next';

/**
 * One entry of the site navigation. With `typedRoutes` a `page` href must name
 * a page that exists, so the bar can never link to a 404.
 */
export type NavItem =
  /** A page of this app: client-side navigation. `signedInOnly` pages are about the user's own data. */
  | { kind: 'page'; label: string; href: Route; signedInOnly?: boolean }
  /** Served by the api-gateway through the `/api` rewrite: a full page load. */
  | { kind: 'gateway'; label: string; href: `/api/${string}` };

/** The students' bar (and, on a phone, its menu): the pages they practise with. */
export const primaryNav: readonly NavItem[] = [
  { kind: 'page', label: 'Home', href: '/' },
  { kind: 'page', label: 'Questions', href: '/questions' },
  { kind: 'page', label: 'Find a partner', href: '/match' },
  { kind: 'page', label: 'History', href: '/history', signedInOnly: true },
];

/** Links for developers, in the footer rather than the students' bar. */
export const footerNav: readonly NavItem[] = [{ kind: 'gateway', label: 'API docs', href: '/api/docs' }];

/** The bar a visitor sees: a signed-out visitor has no history to look at. */
export function primaryNavFor(signedIn: boolean): readonly NavItem[] {
  return primaryNav.filter((item) => signedIn || item.kind !== 'page' || !item.signedInOnly);
}

/** Whether `item` is the current page (or a section that contains it). */
export function isNavItemActive(item: NavItem, pathname: string): boolean {
  if (item.kind !== 'page') return false;
  if (item.href === '/') return pathname === '/';
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/** An entry of the signed-in user's menu; `adminOnly` entries are hidden from everyone else. */
export interface AccountNavItem {
  label: string;
  href: Route;
  adminOnly?: boolean;
}

export const accountNav: readonly AccountNavItem[] = [
  { label: 'Profile', href: '/profile' },
  { label: 'Change password', href: '/profile/password' },
  { label: 'Manage users', href: '/admin/users', adminOnly: true },
  { label: 'Manage questions', href: '/admin/questions', adminOnly: true },
];

/** The account menu a user with `role` sees (the server enforces the same rule on the API). */
export function accountNavFor(role: Role): readonly AccountNavItem[] {
  return accountNav.filter((item) => !item.adminOnly || role === 'ADMIN');
}
