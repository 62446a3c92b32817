import { ApiError } from '../api-error';
import { describeRunFailure } from './run-errors';

const FIELDS = ['customInput', 'customInput.0', 'customInput.1'];

describe('describeRunFailure', () => {
  it('keeps the server\'s reason for a 409 (a run already going, the room closed)', () => {
    const error = new ApiError({ status: 409, title: 'Conflict', detail: 'A run is already in progress in this room.' });
    expect(describeRunFailure(error, FIELDS)).toEqual({ fieldErrors: {}, message: 'A run is already in progress in this room.', retryAfterSeconds: null });
  });

  it('says what is too large on a 413', () => {
    expect(describeRunFailure(new ApiError({ status: 413, title: 'Payload Too Large' }), FIELDS).message).toMatch(/larger than 64 KiB/);
  });

  it('waits out Retry-After on a 429 and a 503', () => {
    expect(describeRunFailure(new ApiError({ status: 429, title: 'Too Many Requests', retryAfterSeconds: 7.2 }), FIELDS)).toEqual({
      fieldErrors: {},
      message: 'You have started many runs in a short time. Try again in 8 s.',
      retryAfterSeconds: 7.2,
    });
    const busy = describeRunFailure(new ApiError({ status: 503, title: 'Service Unavailable', retryAfterSeconds: 5 }), FIELDS);
    expect(busy.message).toBe('Every runner is busy right now. Try again in 5 s.');
    expect(busy.retryAfterSeconds).toBe(5);
    expect(describeRunFailure(new ApiError({ status: 503, title: 'Service Unavailable' }), FIELDS).message).toMatch(/in a moment/);
  });

  it('puts a 400 beside the custom-input box the server named', () => {
    const error = new ApiError({ status: 400, title: 'Bad Request', fieldErrors: { 'customInput.1': 'Argument target must be a int' } });
    expect(describeRunFailure(error, FIELDS)).toEqual({ fieldErrors: { 'customInput.1': 'Argument target must be a int' }, message: null, retryAfterSeconds: null });
  });
});
