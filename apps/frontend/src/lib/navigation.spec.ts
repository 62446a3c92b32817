import { accountNavFor, footerNav, isNavItemActive, primaryNav, primaryNavFor, type NavItem } from './navigation';

const home: NavItem = { kind: 'page', label: 'Home', href: '/' };
const section: NavItem = { kind: 'page', label: 'Questions', href: '/questions' };
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
  it('starts with Home and lists the students\' pages in order', () => {
    expect(primaryNav[0]).toEqual(home);
    expect(primaryNav.map((item) => item.label)).toEqual(['Home', 'Questions', 'Find a partner', 'History']);
  });

  it('leaves developer links (the API docs) out of the students\' bar', () => {
    expect(primaryNav.filter((item) => item.kind === 'gateway')).toEqual([]);
    expect(primaryNav.map((item) => item.href)).not.toContain('/api/docs');
  });

  it('has unique hrefs, so React keys and aria-current are unambiguous', () => {
    const hrefs = primaryNav.map((item) => item.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});

describe('primaryNavFor', () => {
  it('shows History to signed-in users only', () => {
    expect(primaryNavFor(true).map((item) => item.label)).toContain('History');
    expect(primaryNavFor(false).map((item) => item.label)).not.toContain('History');
  });

  it('marks History active on an attempt page', () => {
    const history = primaryNavFor(true).find((item) => item.label === 'History');
    if (!history) throw new Error('History is missing from the bar');
    expect(isNavItemActive(history, '/history')).toBe(true);
    expect(isNavItemActive(history, '/history/0b0e7a52-5f49-4a4c-9d43-8f1f1c0e1a11')).toBe(true);
  });

  it('keeps every other entry for signed-out visitors', () => {
    expect(primaryNavFor(false)).toEqual(primaryNav.filter((item) => item.label !== 'History'));
  });
});

describe('footerNav', () => {
  it('links the API docs through the gateway', () => {
    expect(footerNav).toEqual([docs]);
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
