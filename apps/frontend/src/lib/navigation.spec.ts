import { accountNavFor, isNavItemActive, primaryNav, type NavItem } from './navigation';

const home: NavItem = { kind: 'page', label: 'Home', href: '/' };
// Questions is not a page yet; typed routes would reject it, hence the cast.
const section = { kind: 'page', label: 'Questions', href: '/questions' } as unknown as NavItem;
const docs: NavItem = { kind: 'gateway', label: 'API docs', href: '/api/docs' };

describe('isNavItemActive', () => {
  it('marks Home active only on the home page itself', () => {
    expect(isNavItemActive(home, '/')).toBe(true);
    expect(isNavItemActive(home, '/questions')).toBe(false);
  });

  it('marks a section active on its page and on pages below it, not on look-alike paths', () => {
    expect(isNavItemActive(section, '/questions')).toBe(true);
    expect(isNavItemActive(section, '/questions/two-sum')).toBe(true);
    expect(isNavItemActive(section, '/questions-archive')).toBe(false);
  });

  it('never marks a gateway page active: it is not rendered by this app', () => {
    expect(isNavItemActive(docs, '/api/docs')).toBe(false);
  });
});

describe('primaryNav', () => {
  it('starts with Home and links the API docs through the gateway', () => {
    expect(primaryNav[0]).toEqual(home);
    expect(primaryNav).toContainEqual(docs);
  });

  it('has unique hrefs, so React keys and aria-current are unambiguous', () => {
    const hrefs = primaryNav.map((item) => item.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});

describe('accountNavFor', () => {
  it('shows the admin pages to admins only', () => {
    const userHrefs = accountNavFor('USER').map((item) => item.href);
    const adminHrefs = accountNavFor('ADMIN').map((item) => item.href);
    expect(userHrefs).toEqual(['/profile', '/profile/password']);
    expect(adminHrefs).toEqual(['/profile', '/profile/password', '/admin/users', '/admin/questions']);
  });
});
