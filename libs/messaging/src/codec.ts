import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eventEnvelopeSchema, type EventDefinition, type EventEnvelope } from '@peerprep/contracts';
import { EventValidationError } from './errors';

export type Catalog = Record<string, EventDefinition>;

function issuesToFields(error: z.ZodError, root: string): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: [root, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

function describe(fields: { field: string; message: string }[]): string {
  return fields.map((f) => `${f.field}: ${f.message}`).join('; ');
}

function definitionOf(catalog: Catalog, type: string): EventDefinition | undefined {
  return Object.hasOwn(catalog, type) ? catalog[type] : undefined;
}

/** Validates a payload against the catalog and wraps it in a new envelope. */
export function buildEnvelope(
  catalog: Catalog,
  type: string,
  payload: unknown,
  opts: { id?: string; correlationId?: string } = {},
): EventEnvelope {
  const definition = definitionOf(catalog, type);
  if (!definition) throw new EventValidationError(type, `Unknown event type "${type}"`);
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error, 'payload');
    throw new EventValidationError(type, `Invalid payload for event "${type}": ${describe(fields)}`, fields);
  }
  const envelope: EventEnvelope = {
    id: opts.id ?? randomUUID(),
    type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    ...(opts.correlationId === undefined ? {} : { correlationId: opts.correlationId }),
    payload: parsed.data,
  };
  // The envelope itself is a contract too (e.g. a caller-supplied id must be a uuid).
  const checked = eventEnvelopeSchema.safeParse(envelope);
  if (!checked.success) {
    const fields = issuesToFields(checked.error, 'envelope');
    throw new EventValidationError(type, `Invalid envelope for event "${type}": ${describe(fields)}`, fields);
  }
  return envelope;
}

export type DecodeResult = { ok: true; event: EventEnvelope } | { ok: false; reason: string };

/**
 * Turns a delivery's body into a validated event, or says why it cannot be
 * one. Never throws: a bad message must not stop the consumer.
 */
export function decodeEnvelope(catalog: Catalog, body: Buffer): DecodeResult {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `Body is not JSON: ${(error as Error).message}` };
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, reason: `Invalid envelope: ${describe(issuesToFields(envelope.error, 'envelope'))}` };
  }
  const { type, version } = envelope.data;
  const definition = definitionOf(catalog, type);
  if (!definition) return { ok: false, reason: `Unknown event type "${type}"` };
  // Older versions are accepted when they still satisfy the current schema
  // (additive changes); a newer one means this consumer must be upgraded first.
  if (version > definition.version) {
    return {
      ok: false,
      reason: `Unsupported version ${version} of "${type}" (this consumer knows up to ${definition.version})`,
    };
  }
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    const fields = issuesToFields(payload.error, 'payload');
    return { ok: false, reason: `Invalid payload for "${type}" v${version}: ${describe(fields)}` };
  }
  return { ok: true, event: { ...envelope.data, payload: payload.data } };
}
