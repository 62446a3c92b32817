import { extractBearerToken, extractWebSocketToken } from './token-extraction';

const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';

describe('extractBearerToken', () => {
  it('reads the token from a Bearer header in any case', () => {
    expect(extractBearerToken(`Bearer ${jwt}`)).toBe(jwt);
    expect(extractBearerToken(`bearer ${jwt}`)).toBe(jwt);
  });

  it.each([undefined, '', 'Basic dXNlcjpwdw==', 'Bearer', 'Bearer not-a-jwt', `Bearer ${jwt} extra`, [jwt]])(
    'returns null for %p',
    (header) => {
      expect(extractBearerToken(header as string | undefined)).toBeNull();
    },
  );
});

describe('extractWebSocketToken', () => {
  it('prefers the bearer subprotocol', () => {
    const req = { headers: { 'sec-websocket-protocol': `peerprep, bearer.${jwt}` }, url: '/api/collab/r1?access_token=x.y.z' };
    expect(extractWebSocketToken(req)).toBe(jwt);
  });

  it('never takes a token from the query string (URLs are logged)', () => {
    expect(extractWebSocketToken({ headers: {}, url: `/api/match/events?access_token=${jwt}` })).toBeNull();
  });

  it('returns null when the upgrade carries no token', () => {
    expect(extractWebSocketToken({ headers: { 'sec-websocket-protocol': 'peerprep' }, url: '/api/collab/r1' })).toBeNull();
  });
});
