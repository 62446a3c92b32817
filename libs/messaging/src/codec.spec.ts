import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineEvent } from '@peerprep/contracts';
import { buildEnvelope, decodeEnvelope } from './codec';
import { EventValidationError } from './errors';
import { deadLetterQueueName, retryQueueName, subscriptionQueueNames } from './naming';

const catalog = {
  'room.created': defineEvent(2, z.object({ roomId: z.string().min(1), size: z.coerce.number().int() })),
};

describe('buildEnvelope', () => {
  it('wraps a valid payload with a fresh uuid, the catalog version and the current time', () => {
    const envelope = buildEnvelope(catalog, 'room.created', { roomId: 'r1', size: '2' }, { correlationId: 'req-9' });

    expect(envelope).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'room.created',
      version: 2,
      occurredAt: expect.any(String),
      correlationId: 'req-9',
      payload: { roomId: 'r1', size: 2 },
    });
    expect(buildEnvelope(catalog, 'room.created', { roomId: 'r1', size: 2 }).id).not.toBe(envelope.id);
  });

  it('keeps a caller-given id so a retried publish is recognisably the same event', () => {
    const id = randomUUID();
    expect(buildEnvelope(catalog, 'room.created', { roomId: 'r', size: 1 }, { id }).id).toBe(id);
  });

  it('names each invalid payload field', () => {
    let error: unknown;
    try {
      buildEnvelope(catalog, 'room.created', { roomId: '' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EventValidationError);
    expect((error as EventValidationError).fields.map((f) => f.field)).toEqual(['payload.roomId', 'payload.size']);
  });

  it('rejects a type missing from the catalog, including inherited object keys', () => {
    expect(() => buildEnvelope(catalog, 'room.deleted', {})).toThrow('Unknown event type "room.deleted"');
    expect(() => buildEnvelope(catalog, 'toString', {})).toThrow(EventValidationError);
  });
});

describe('decodeEnvelope', () => {
  const body = (value: unknown) => Buffer.from(JSON.stringify(value));
  const valid = () => buildEnvelope(catalog, 'room.created', { roomId: 'r', size: 2 });

  it('returns the validated event', () => {
    const envelope = valid();
    expect(decodeEnvelope(catalog, body(envelope))).toEqual({ ok: true, event: envelope });
  });

  it('accepts an older version that still fits the current schema', () => {
    expect(decodeEnvelope(catalog, body({ ...valid(), version: 1 })).ok).toBe(true);
  });

  it.each([
    ['non-JSON bodies', Buffer.from('<xml/>'), /^Body is not JSON/],
    ['envelopes without an id', body({ ...valid(), id: undefined }), /^Invalid envelope: envelope.id/],
    ['unknown types', body({ ...valid(), type: 'room.exploded' }), /^Unknown event type "room.exploded"/],
    ['newer versions', body({ ...valid(), version: 3 }), /^Unsupported version 3 of "room.created"/],
    ['payloads that break the schema', body({ ...valid(), payload: { roomId: 7 } }), /^Invalid payload for "room.created" v2/],
  ])('refuses %s with a reason instead of throwing', (_case, content, reason) => {
    const result = decodeEnvelope(catalog, content);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('queue names', () => {
  it('puts the retry and dead-letter queues next to the consumer queue', () => {
    expect(retryQueueName('collaboration-service')).toBe('collaboration-service.retry');
    expect(deadLetterQueueName('collaboration-service')).toBe('collaboration-service.dlq');
    expect(subscriptionQueueNames('q')).toEqual(['q', 'q.retry', 'q.dlq']);
  });
});
