import type { MatchRequestView } from '@peerprep/contracts';
import type { z } from 'zod';
import { ApiError, resolveSchema } from '../api-client';
import type { AuthorizedRequestOptions } from '../auth/session-store';
import { fetchCurrentMatchRequest } from './match-api';

/** Stands in for SessionStore.request: parses what "the server" sent with the caller's schema, as apiRequest does. */
function answering(body: unknown) {
  return jest.fn(async (_path: string, options: AuthorizedRequestOptions<z.ZodType>) => (await resolveSchema(options.schema)).parse(body));
}

const view: MatchRequestView = {
  requestId: '0190f7a2-3b4c-7d8e-9f01-23456789abcd',
  status: 'queued',
  criteria: { mode: 'pair', minutes: 45, difficulty: 'EASY', topics: ['arrays'], language: 'python', allowRelaxed: false },
  createdAt: '2026-01-01T00:00:00.000Z',
  strictDeadline: '2026-01-01T00:00:30.000Z',
  deadline: '2026-01-01T00:01:00.000Z',
  match: null,
};

describe('fetchCurrentMatchRequest', () => {
  it('reads a 204 (no body) as "no request", without an error', async () => {
    const request = answering(undefined);
    await expect(fetchCurrentMatchRequest(request as never)).resolves.toBeNull();
    expect(request).toHaveBeenCalledWith('/match/requests/current', expect.anything());
  });

  it('still reads the 404 of an older matching-service as "no request"', async () => {
    const request = jest.fn(async () => Promise.reject(new ApiError({ status: 404, title: 'Not Found' })));
    await expect(fetchCurrentMatchRequest(request as never)).resolves.toBeNull();
  });

  it('passes other failures on', async () => {
    const request = jest.fn(async () => Promise.reject(new ApiError({ status: 503, title: 'Service Unavailable' })));
    await expect(fetchCurrentMatchRequest(request as never)).rejects.toMatchObject({ status: 503 });
  });

  it('returns the request the API sent', async () => {
    await expect(fetchCurrentMatchRequest(answering(view) as never)).resolves.toEqual(view);
  });
});
