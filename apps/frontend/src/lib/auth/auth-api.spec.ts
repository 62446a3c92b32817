import { hasSessionHint } from './auth-api';

describe('hasSessionHint', () => {
  it('finds the hint among the page cookies', () => {
    expect(hasSessionHint('peerprep_session=1')).toBe(true);
    expect(hasSessionHint('theme=dark; peerprep_session=1; other=x')).toBe(true);
  });

  it('is false without it, whatever else is there', () => {
    expect(hasSessionHint('')).toBe(false);
    expect(hasSessionHint('theme=dark')).toBe(false);
    expect(hasSessionHint('peerprep_sessions=1; xpeerprep_session=1')).toBe(false);
  });
});
