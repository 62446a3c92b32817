import type { Route } from 'next';

/**
 * typedRoutes checks literal hrefs; a path built from an id is cast once,
 * here. These patterns stop compiling if the pages they name are removed.
 */
export const ROOM_ROUTE: Route<'/rooms/[id]'> = '/rooms/[id]';
export const ATTEMPT_ROUTE: Route<'/history/[id]'> = '/history/[id]';

/** The collaboration room of a match. */
export function roomHref(roomId: string): Route {
  return ROOM_ROUTE.replace('[id]', encodeURIComponent(roomId)) as Route;
}

/** One attempt of the user's history. */
export function attemptHref(attemptId: string): Route {
  return ATTEMPT_ROUTE.replace('[id]', encodeURIComponent(attemptId)) as Route;
}

/**
 * Rating the partner after a mock interview (`/rooms/[id]/feedback`). Built
 * as a string, not from a typed pattern like the two above: that page is
 * written beside this one (branch interview-feedback), and a pattern naming it
 * would not compile until both are merged.
 */
/** The feedback page of a room. typedRoutes checks this pattern; the id is cast once, here. */
const FEEDBACK_ROUTE: Route<'/rooms/[id]/feedback'> = '/rooms/[id]/feedback';

export function feedbackHref(roomId: string): Route {
  return FEEDBACK_ROUTE.replace('[id]', encodeURIComponent(roomId)) as Route;
}
