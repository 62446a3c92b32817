// The auth cookies' names: no zod here, so the page's session code (which
// sits in every page's first load) can import them alone, as
// `@peerprep/contracts/cookies`.

/**
 * The refresh token lives only in this httpOnly cookie, scoped to the auth
 * routes so it is not sent with every API call.
 */
export const REFRESH_COOKIE_NAME = 'peerprep_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/**
 * Set and cleared with the refresh cookie, on every path and readable by the
 * page: it tells the page whether a session may exist, so a visitor's page
 * load asks the API nothing. It says "1" and nothing more: not a credential.
 */
export const SESSION_HINT_COOKIE_NAME = 'peerprep_session';
