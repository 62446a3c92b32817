import { findRoute, hasDotSegment, ROUTES } from './routes.table';

describe('findRoute', () => {
  it.each([
    ['/api/auth/login', 'user-service'],
    ['/api/users', 'user-service'],
    ['/api/questions/two-sum', 'question-service'],
    ['/api/topics', 'question-service'],
    ['/api/match/requests/current', 'matching-service'],
    ['/api/rooms/abc/end', 'collaboration-service'],
    ['/api/history/1', 'collaboration-service'],
    ['/api/runs/1', 'collaboration-service'],
    ['/api/rooms/abc/runs', 'collaboration-service'],
    ['/api/rooms/abc/ice-servers', 'collaboration-service'],
    ['/api/rooms/abc/interview/rounds/1/material', 'collaboration-service'],
    ['/api/feedback/summary', 'collaboration-service'],
    ['/api/collab/room-1', 'collaboration-service'],
  ])('sends %s to %s', (path, service) => {
    expect(findRoute(path)?.service).toBe(service);
  });

  it.each(['/api', '/api/', '/api/matchmaking', '/api/usersx/1', '/internal/questions/pick', '/internal/questions/c1de7a44-b2f0-4f0a-9d3e-5a8e9b102c1f/interviewer-material', '/healthz', '/api/docs'])(
    'matches nothing for %s (whole path segments only, /api prefixes only)',
    (path) => {
      expect(findRoute(path)).toBeUndefined();
    },
  );

  it('offers WebSockets only on /api/match and /api/collab', () => {
    expect(ROUTES.filter((r) => r.websocket).map((r) => r.prefix)).toEqual(['/api/match', '/api/collab']);
  });

  it('never routes an /internal prefix', () => {
    expect(ROUTES.every((r) => r.prefix.startsWith('/api/'))).toBe(true);
  });
});

describe('hasDotSegment', () => {
  it.each(['/api/questions/../internal', '/api/questions/%2e%2E/x', '/api/./users', '/api/questions/..'])(
    'flags %s',
    (path) => expect(hasDotSegment(path)).toBe(true),
  );

  it.each(['/api/questions/two-sum', '/api/questions/v1.2', '/api/questions/a..b'])('accepts %s', (path) =>
    expect(hasDotSegment(path)).toBe(false),
  );
});
