import { loginPathFor, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a same-site path with its query and hash', () => {
    expect(safeNextPath('/profile')).toBe('/profile');
    expect(safeNextPath('/admin/users?q=ann&page=2#top')).toBe('/admin/users?q=ann&page=2#top');
  });

  it.each([
    ['an absolute URL', 'https://evil.example/profile'],
    ['a protocol-relative URL', '//evil.example/profile'],
    ['a backslash the browser reads as a slash', '/\\evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path without a leading slash', 'profile'],
    ['a control character', '/pro\nfile'],
    ['a tab inside the scheme separator', '/\t/evil.example'],
  ])('falls back to / for %s', (_case, raw) => {
    expect(safeNextPath(raw)).toBe('/');
  });

  it('falls back when there is no next at all, or it points back at the auth pages', () => {
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath('')).toBe('/');
    expect(safeNextPath('/login?next=/profile')).toBe('/');
    expect(safeNextPath('/signup')).toBe('/');
  });

  it('uses the given fallback', () => {
    expect(safeNextPath('https://evil.example', '/profile')).toBe('/profile');
  });

  it('normalises dot segments, which cannot climb out of the site', () => {
    expect(safeNextPath('/a/../../profile')).toBe('/profile');
  });
});

describe('loginPathFor', () => {
  it('encodes the return path into next', () => {
    expect(loginPathFor('/admin/users?q=a b')).toBe(`/login?next=${encodeURIComponent('/admin/users?q=a%20b')}`);
  });

  it('leaves next out for the home page and for unsafe paths', () => {
    expect(loginPathFor('/')).toBe('/login');
    expect(loginPathFor('//evil.example')).toBe('/login');
  });
});
